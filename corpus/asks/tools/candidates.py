"""The candidate rules (threads, automated mail, last message, direction) as the labelling guide states them."""
import collections, datetime, mailbox, re
from email.header import decode_header, make_header
from email.utils import getaddresses, parsedate_to_datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
PREFIX = re.compile(r'^\s*((re|aw|fw|fwd|wg)\s*:\s*)+', re.I)
AUTO_SUBJECTS = ('automatic reply:', 'auto reply:', 'autoreply:', 'auto-reply:', 'out of office', 'undeliverable:',
                 'undelivered mail', 'delivery status notification', 'returned mail:', 'mail delivery failed')


def decoded(value):
    try:
        return str(make_header(decode_header(str(value or ''))))
    except Exception:
        return str(value or '')


def addresses(value):
    return [a.lower() for _, a in getaddresses([str(value or '')]) if a]


def ids(value):
    return re.findall(r'<[^>]+>', str(value or ''))


def load(path):
    """Messages of an mbox, first copy of each Message-ID, those without a date left out."""
    seen, out = set(), []
    for i, m in enumerate(mailbox.mbox(str(path))):
        mid = (ids(m['Message-ID']) or [None])[0]
        if not mid or mid in seen:
            continue
        try:
            date = parsedate_to_datetime(str(m['Date']))
        except (TypeError, ValueError):
            continue
        if date.tzinfo is None:
            date = date.replace(tzinfo=datetime.timezone.utc)
        seen.add(mid)
        out.append(dict(i=i, mid=mid, m=m, date=date, frm=(addresses(m['From']) or [''])[0], to=addresses(m['To']),
                        cc=addresses(m['Cc']), subject=decoded(m['Subject']),
                        refs=ids(m['In-Reply-To']) + ids(m['References'])))
    return out


def threads(msgs):
    parent = {}

    def find(x):
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x
    for m in msgs:
        for r in m['refs']:
            parent[find(r)] = find(m['mid'])
        find(m['mid'])
    groups = collections.defaultdict(list)
    for m in msgs:
        groups[find(m['mid'])].append(m)
    return list(groups.values())


def bulk(x):
    precedence = str(x['m']['Precedence'] or '').strip().lower()
    return x['m']['List-Unsubscribe'] is not None or precedence in ('bulk', 'junk', 'list')


def automated(x, me, my_ids):
    m = x['m']
    auto = m['Auto-Submitted']
    if auto is not None and str(auto).split(';')[0].strip().lower() != 'no':
        return True
    if any(m[h] is not None for h in ('X-Autoreply', 'X-Autorespond', 'X-MS-Exchange-Inbox-Rules-Loop')):
        return True
    if m.get_content_type() == 'multipart/report' or x['frm'].split('@')[0] in ('mailer-daemon', 'postmaster'):
        return True
    if x['subject'].strip().lower().startswith(AUTO_SUBJECTS):
        return True
    # generated list updates (trackers, build servers): bulk, not a reply, not in reply to me
    return (x['frm'] not in me and bulk(x) and not PREFIX.match(x['subject'])
            and not any(r in my_ids for r in x['refs']))


def last_message(thread, me):
    my_ids = {x['mid'] for x in thread if x['frm'] in me}
    live = [x for x in thread if not automated(x, me, my_ids)]
    return max(live, key=lambda x: (x['date'], x['i'])) if live else None


def direction(thread, last, me):
    """'theirs', 'mine' or None when the thread is no candidate for me."""
    if last is None:
        return None
    if last['frm'] in me:
        others = [a for a in last['to'] + last['cc'] if a not in me]
        topic = PREFIX.sub('', last['subject']).strip().lower()
        return 'theirs' if others and not topic.startswith(('[announce]', '[ann]', 'ann:', '[result]', 'fyi')) else None
    local = last['frm'].split('@')[0]
    wrote = any(x['frm'] in me for x in thread)
    if (any(a in me for a in last['to']) and (not bulk(last) or wrote)
            and not any(k in local for k in ('noreply', 'no-reply', 'donotreply', 'do-not-reply'))):
        return 'mine'
    return None


def candidates(msgs, me):
    for t in threads(msgs):
        last = last_message(t, me)
        d = direction(t, last, me)
        if d:
            yield d, last, t
