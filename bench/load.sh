#!/usr/bin/env bash
# Load test of the API (docs/benchmarks.md): GET /api/threads (local mode, warm index) and GET /health/live,
# wrk with 100 connections for 30 s each, in one run. Not part of `dotnet test`.
#   bench/load.sh [--connections 100] [--duration 30s]
#   THREADS_CACHE_TTL=00:00:00 bench/load.sh   measures /api/threads with its per-user micro-cache off
set -euo pipefail
cd "$(dirname "$0")/.."

connections=100 duration=30s port=5280
while [ $# -gt 0 ]; do
  case "$1" in
    --connections) connections=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    *) echo "usage: bench/load.sh [--connections N] [--duration 30s]" >&2; exit 2 ;;
  esac
done
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }

data=$(mktemp -d /tmp/followup-load-XXXXXX)
dotnet build api -c Release -v q -nologo >/dev/null
# Local mode (no AzureAd, not Production), quiet logs, a rate limit that the single local user cannot reach.
(cd api && ASPNETCORE_ENVIRONMENT=Benchmark ASPNETCORE_URLS=http://127.0.0.1:$port \
  ConnectionStrings__FollowUps="Data Source=$data/followups.db" \
  Logging__LogLevel__Default=Warning RateLimit__PermitsPerWindow=100000000 \
  ThreadsCache__TimeToLive="${THREADS_CACHE_TTL:-00:00:01}" \
  exec dotnet bin/Release/net10.0/OutlookFollowUp.Api.dll >"$data/api.log" 2>&1) &
api=$!
trap 'kill $api 2>/dev/null; wait $api 2>/dev/null; rm -rf "$data"' EXIT

for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:$port/health/live" >/dev/null && break; sleep 0.5; done
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
