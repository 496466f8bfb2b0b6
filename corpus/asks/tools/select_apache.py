"""Lists, for every person who wrote to an Apache list archive, the candidate threads with the last message's text.

Reads the archives in place from the shared folder beside the repository; prints to stdout for a labeller.
Usage: python3 select_apache.py [archive-name ...]
"""
import collections, sys
from email.utils import getaddresses
from candidates import REPO, candidates, decoded, load

ARCHIVES = ['hadoop-common-dev-201202', 'jackrabbit-dev-201201', 'jackrabbit-dev-201309', 'sling-dev-201203']
ROBOTS = ('jira@apache.org', 'jenkins@builds.apache.org')


def persons(msgs):
    """Addresses grouped by the display name they were sent with (one person, several addresses)."""
    parent = {}

    def find(x):
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x
    for x in msgs:
        for name, addr in getaddresses([str(x['m']['From'] or '')]):
            addr, name = addr.lower(), decoded(name).strip().strip('"').lower()
            if addr in ROBOTS:
                continue
            find(addr)
            if name and '@' not in name:
                parent[find('name:' + name)] = find(addr)
    groups = collections.defaultdict(set)
    for k in list(parent):
        if not k.startswith('name:'):
            groups[find(k)].add(k)
    return [sorted(v) for v in groups.values()]


def text(m):
    for part in m.walk():
        if part.get_content_type() == 'text/plain':
            raw = part.get_payload(decode=True) or b''
            return raw.decode(part.get_content_charset() or 'latin-1', 'replace')
    return ''


if __name__ == '__main__':
    for name in sys.argv[1:] or ARCHIVES:
        msgs = load(REPO.parent / 'shared' / 'corpus' / 'apache-mbox' / f'{name}.mbox')
        for me in persons(msgs):
            for d, last, thread in candidates(msgs, set(me)):
                print('=' * 78)
                print(f"{name}\tme={','.join(me)}\t{d}\t{last['mid']}\t{len(thread)} messages")
                print('Subject:', last['subject'], '| To:', ', '.join(last['to']), '| Cc:', ', '.join(last['cc']))
                own = [l for l in text(last['m']).splitlines() if not l.lstrip().startswith('>')]
                print('\n'.join(own)[:3000])
