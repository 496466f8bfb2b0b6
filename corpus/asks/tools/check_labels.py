"""Checks labels.tsv against its sources and prints the counts (Markdown) for README.md.

Every row: the message exists in its source, it is the last message of its thread for the row's me, the
direction follows from the rules, label/kind/split/language are valid, the excerpt is short. Every (source, me)
pair: all its candidate threads are labelled. Exit code 1 on any problem.
"""
import collections, csv, sys
from pathlib import Path
from candidates import REPO, candidates, direction, last_message, load, threads

HERE = Path(__file__).resolve().parents[1]
KINDS = {'question', 'request', 'proposal', 'review', 'signature', 'date', 'update'}
COLUMNS = ['message_id', 'source', 'me', 'direction', 'language', 'label', 'kind', 'split', 'note']


def rows(path):
    lines = [l for l in path.read_text(encoding='utf-8').splitlines() if l and not l.startswith('#')]
    reader = csv.reader(lines, delimiter='\t', quoting=csv.QUOTE_NONE)
    header = next(reader)
    assert header == COLUMNS, f'header is {header}'
    return [dict(zip(header, r)) for r in reader]


def resolve(source):
    return REPO.parent / source if source.startswith('shared/') else HERE / source


def main():
    problems, data = [], rows(HERE / 'labels.tsv')
    keys = collections.Counter((r['message_id'], r['me']) for r in data)
    problems += [f'{k} appears {n} times' for k, n in keys.items() if n > 1]
    cache, labelled = {}, collections.defaultdict(set)
    for r in data:
        where = f"{r['source']} {r['message_id']}"
        me = set(r['me'].lower().split(','))
        if r['source'] not in cache:
            cache[r['source']] = load(resolve(r['source']))
        msgs = cache[r['source']]
        labelled[(r['source'], r['me'])].add(r['message_id'])
        thread = next((t for t in threads(msgs) if any(x['mid'] == r['message_id'] for x in t)), None)
        if thread is None:
            problems.append(f'{where}: not in its source')
            continue
        last = last_message(thread, me)
        if last is None or last['mid'] != r['message_id']:
            problems.append(f"{where}: not the last message of its thread (that is {last and last['mid']})")
            continue
        if direction(thread, last, me) != r['direction']:
            problems.append(f"{where}: direction {r['direction']} but the rules give {direction(thread, last, me)}")
        if r['label'] not in ('asks', 'none') or (r['label'] == 'asks') != (r['kind'] in KINDS) or (r['label'] == 'none' and r['kind']):
            problems.append(f"{where}: label {r['label']!r} with kind {r['kind']!r}")
        if r['language'] not in ('en', 'it', 'de', 'fr', 'es') or r['split'] not in ('tune', 'heldout'):
            problems.append(f'{where}: language or split invalid')
        if r['source'].startswith('shared/') and r['split'] != ('heldout' if 'sling-dev' in r['source'] else 'tune'):
            problems.append(f'{where}: apache split must be heldout for sling, tune otherwise')
        if not r['source'].startswith('shared/') and f"-{r['split']}.mbox" not in r['source']:
            problems.append(f'{where}: split does not match the file')
        excerpt = r['note'].split('" -- ')[0].lstrip('"')
        if len(excerpt) > 160:
            problems.append(f'{where}: excerpt longer than 160 characters')
    for (source, me), mids in labelled.items():
        found = {last['mid'] for _, last, _ in candidates(cache[source], set(me.lower().split(',')))}
        problems += [f'{source} me={me}: candidate {m} has no label' for m in sorted(found - mids)]
    report(data)
    for p in problems:
        print('PROBLEM', p, file=sys.stderr)
    return 1 if problems else 0


def report(data):
    kind = lambda r: 'apache' if r['source'].startswith('shared/') else 'business'
    print('| source | language | split | theirs asks | theirs none | mine asks | mine none | total |')
    print('|---|---|---|---|---|---|---|---|')
    groups = collections.defaultdict(collections.Counter)
    for r in data:
        groups[(kind(r), r['language'], r['split'])][(r['direction'], r['label'])] += 1
    for key in sorted(groups):
        c = groups[key]
        cells = [c[(d, l)] for d in ('theirs', 'mine') for l in ('asks', 'none')]
        print(f"| {' | '.join(key)} | {' | '.join(map(str, cells))} | {sum(cells)} |")
    t = collections.Counter((r['split'], r['label']) for r in data)
    print(f"\nTotal {len(data)} rows: tune {t[('tune', 'asks')]} asks / {t[('tune', 'none')]} none, "
          f"heldout {t[('heldout', 'asks')]} asks / {t[('heldout', 'none')]} none.")
    print('Kinds of the asks rows: ' + ', '.join(f'{k} {n}' for k, n in collections.Counter(
        r['kind'] for r in data if r['kind']).most_common()) + '.')


if __name__ == '__main__':
    sys.exit(main())
