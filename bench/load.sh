#!/usr/bin/env bash
# Load test of the API (docs/benchmarks.md): GET /api/threads (local mode, warm index) and GET /health/live,
# wrk with 100 connections for 30 s each, in one run. Not part of `dotnet test`.
#   bench/load.sh [--connections 100] [--duration 30s] [--no-cache] [--provider sqlite|postgres] [--port 5280] [--pool 32]
#   --no-cache (or THREADS_CACHE_TTL=00:00:00) measures /api/threads with its per-user cache off: every request reads
#   the database. --provider postgres uses the server in $FOLLOWUP_TEST_POSTGRES (eval "$(.ci/postgres start)"), in a
#   schema of its own that is dropped at the end.
set -euo pipefail
cd "$(dirname "$0")/.."

connections=100 duration=30s port=5280 pool=32 provider=sqlite ttl="${THREADS_CACHE_TTL:-00:00:01}"
while [ $# -gt 0 ]; do
  case "$1" in
    --connections) connections=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --no-cache) ttl=00:00:00; shift ;;
    --provider) provider=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    --pool) pool=$2; shift 2 ;;
    *) echo "usage: bench/load.sh [--connections N] [--duration 30s] [--no-cache] [--provider sqlite|postgres] [--port 5280] [--pool 32]" >&2; exit 2 ;;
  esac
done
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
# Another server on the port would be measured instead of this one.
! curl -fs "http://127.0.0.1:$port/health/live" >/dev/null 2>&1 || { echo "port $port is taken: pass --port" >&2; exit 1; }

data=$(mktemp -d /tmp/followup-load-XXXXXX)
storage=(Storage__Provider=Sqlite "ConnectionStrings__FollowUps=Data Source=$data/followups.db")
schema=""
if [ "$provider" = postgres ]; then
  [ -n "${FOLLOWUP_TEST_POSTGRES:-}" ] || { echo "--provider postgres needs FOLLOWUP_TEST_POSTGRES: eval \"\$(.ci/postgres start)\"" >&2; exit 2; }
  schema="bench_$$"
  pg() { local key=$1; tr ';' '\n' <<<"$FOLLOWUP_TEST_POSTGRES" | awk -F= -v k="$key" 'tolower($1)==tolower(k) {print $2}'; }
  export PGHOST=$(pg Host) PGPORT=$(pg Port) PGUSER=$(pg Username) PGPASSWORD=$(pg Password) PGDATABASE=$(pg Database)
  psql -q -c "CREATE SCHEMA $schema" >/dev/null
  # Npgsql's default pool (100) would try to open as many connections as wrk has, past what the server accepts
  # (max_connections 100 less the reserved slots): those requests fail with 53300. --pool sets the pool's maximum.
  storage=(Storage__Provider=Postgres "ConnectionStrings__FollowUps=$FOLLOWUP_TEST_POSTGRES;Search Path=$schema;Maximum Pool Size=$pool")
elif [ "$provider" != sqlite ]; then
  echo "--provider must be sqlite or postgres" >&2; exit 2
fi
dotnet build api -c Release -v q -nologo >/dev/null
# Local mode (no AzureAd; it runs only in Development), quiet logs, a rate limit that the single local user cannot reach.
(cd api && exec env ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS=http://127.0.0.1:$port "${storage[@]}" \
  Logging__LogLevel__Default=Warning RateLimit__PermitsPerWindow=100000000 \
  ThreadsCache__TimeToLive="$ttl" \
  dotnet bin/Release/net10.0/OutlookFollowUp.Api.dll >"$data/api.log" 2>&1) &
api=$!
trap 'kill $api 2>/dev/null; wait $api 2>/dev/null; rm -rf "$data"; [ -z "$schema" ] || psql -q -c "DROP SCHEMA $schema CASCADE" >/dev/null 2>&1' EXIT
echo "provider: $provider, threads cache time to live: $ttl"

for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:$port/health/live" >/dev/null && break; sleep 0.5; done
curl -fs "http://127.0.0.1:$port/health/live" >/dev/null || { echo "the API did not start:" >&2; cat "$data/api.log" >&2; exit 1; }
# Warm: the first call syncs the sample mailbox into the index; the rest warm the JIT and the pools.
for _ in $(seq 1 200); do curl -fs "http://127.0.0.1:$port/api/threads" >/dev/null; done
curl -fs "http://127.0.0.1:$port/health/live" >/dev/null
wrk -t2 -c"$connections" -d5s "http://127.0.0.1:$port/api/threads" >/dev/null

echo "| url | requests/s | p50 | p99 | errors |"
echo "|---|---|---|---|---|"
for path in /api/threads /health/live; do
  out=$(wrk -t2 -c"$connections" -d"$duration" --latency "http://127.0.0.1:$port$path")
  echo "$out" > "$data/wrk-$(basename $path).txt"
  rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  non2xx=$(awk '/Non-2xx/ {print $NF}' <<<"$out")
  socket=$(awk -F'Socket errors: ' '/Socket errors/ {print $2}' <<<"$out")
  echo "| GET $path | $rps | $p50 | $p99 | ${non2xx:-0} non-2xx${socket:+; socket: $socket} |"
done
# Non-2xx answers leave their reason in the API's log: count the exceptions by type and message.
if grep -qE '^(fail|crit):' "$data/api.log"; then
  echo "api log, exceptions (the first start's missing migrations table is expected):"
  grep -oE '[A-Za-z.]+(Exception|Error)( \([0-9x]+\))?: [^.]{0,100}' "$data/api.log" | sort | uniq -c | sort -rn | head -5
fi
