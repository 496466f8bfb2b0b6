// Each reminder's state in words: scheduled (when), due now, answered (by whom, when), done (by you, or in Outlook).
// Fields the API may add later (dueAt, resolvedBy, closedBy) are used when present and never required.
import { h, fill } from './dom.js';
import { t, list as names, locale, sentence } from './i18n.js';
import { when, untilWhen } from './time.js';

const OPEN = new Set(['scheduled', 'due']);
const RANK = { due: 0, scheduled: 1, answered: 2, done: 3 };
const RECENT_DAYS = 7;

const personName = p => (p?.name?.trim() || p?.address || '').trim();

/** How an answer came another way than by the person's own mail (the API's resolvedBy.route). */
const ROUTE_KEYS = { teams: 'reminder.answeredTeams', meeting: 'reminder.answeredMeeting', colleague: 'reminder.answeredColleague' };

/** "you"/"user"/"pane" → you; "outlook"/"flag" → Outlook; anything else unknown (the sentence then names no one). */
function closedBy(r) {
  const by = String(r.closedBy ?? r.doneBy ?? r.closedHow ?? r.how ?? '').toLowerCase();
  if (/outlook|flag/.test(by)) return 'outlook';
  if (/you|user|pane|me/.test(by)) return 'you';
  return null;
}

/** { kind, text } for one reminder (the shape of GET /api/reminders, or a thread row's reminder). */
export function reminderState(r, now = new Date()) {
  const status = r?.status;
  if (status === 'due' || (status === 'scheduled' && new Date(r.remindAt) <= now)) {
    const since = r.dueAt ?? r.remindAt;
    return { kind: 'due', text: since ? t('reminder.dueSince', { when: when(since) }) : t('reminder.due') };
  }
  if (status === 'scheduled') return { kind: 'scheduled', text: t('reminder.scheduled', { when: when(r.remindAt) }) };
  if (status === 'resolved') {
    const by = personName(r.resolvedBy);
    const at = r.resolvedAt ? when(r.resolvedAt) : null;
    const route = r.resolvedBy?.route;
    if (by && ROUTE_KEYS[route] && (route !== 'colleague' || r.resolvedBy.for)) {
      const params = { name: by, for: personName(r.resolvedBy.for), when: when(r.resolvedBy.at ?? r.resolvedAt) };
      return { kind: 'answered', text: t(ROUTE_KEYS[route], params) };
    }
    const key = by ? (at ? 'reminder.answeredByAt' : 'reminder.answeredBy') : (at ? 'reminder.answeredAt' : 'reminder.answered');
    return { kind: 'answered', text: t(key, { name: by, when: at }) };
  }
  if (status === 'done') {
    const by = closedBy(r);
    const at = r.doneAt ? when(r.doneAt) : null;
    const key = `reminder.done${by === 'you' ? 'ByYou' : by === 'outlook' ? 'InOutlook' : ''}${at ? 'At' : ''}`;
    return { kind: 'done', text: t(key, { when: at }) };
  }
  return { kind: 'unknown', text: t('reminder.unknown') };
}

/**
 * What the due sweep learnt of the counterparts' automatic replies (the API's `away`), in the reader's language and
 * dates: held until the first working hour after they are back, or their automatic reply is on. Null when none.
 */
export function awayText(r) {
  const away = r?.away;
  const who = (away?.names ?? []).filter(Boolean);
  if (who.length === 0) return null;
  const params = { names: names(who), count: who.length };
  return sentence(away.movedTo && away.until
    ? t('away.moved', { ...params, until: untilWhen(away.until), movedTo: when(away.movedTo) })
    : t('away.replyOn', params));
}

/** The small meeting ahead the due sweep held the reminder for (the API's `hold`), in the reader's words. Null when none. */
export function holdText(r) {
  const hold = r?.hold;
  if (!hold?.movedTo || !hold.start) return null;
  const day = new Intl.DateTimeFormat(locale(), { weekday: 'short' }).format(new Date(hold.start));
  return sentence(t('route.meetingHeld', { names: names((hold.names ?? []).filter(Boolean)), day, movedTo: when(hold.movedTo) }));
}

export const isOpen = r => !!r && OPEN.has(r.status);

/** Due first, then scheduled by time, then answered and done, most recent first; closed ones of the last week only. */
export function sortReminders(reminders, now = new Date()) {
  const cutoff = now.getTime() - RECENT_DAYS * 86_400_000;
  const closedAt = r => new Date(r.resolvedAt ?? r.doneAt ?? r.remindAt).getTime();
  return (reminders ?? [])
    .map(r => ({ r, state: reminderState(r, now) }))
    .filter(({ r }) => isOpen(r) || closedAt(r) >= cutoff)
    .sort((a, b) => (RANK[a.state.kind] ?? 9) - (RANK[b.state.kind] ?? 9)
      || (isOpen(a.r) ? new Date(a.r.remindAt) - new Date(b.r.remindAt) : closedAt(b.r) - closedAt(a.r)));
}

/** A reminder's Delete, for every reminder: one on a message the index never saw has no thread row to act from. */
function deleteButton(r, actions) {
  if (!actions.remove) return null;
  const subject = r.subject || t('noSubject');
  return h('button', {
    type: 'button', class: 'btn btn-small reminder-delete', text: t('reminder.delete'), 'aria-label': t('reminder.deleteLabel', { subject }),
    onclick: () => actions.remove(r),
  });
}

/** The Reminders section: a summary that opens the list; open by itself when something is due. actions.remove(r) deletes one. */
export function renderReminders(section, reminders, actions = {}, now = new Date()) {
  const sorted = sortReminders(reminders, now);
  if (sorted.length === 0) { section.hidden = true; section.replaceChildren(); return; }
  section.hidden = false;
  const due = sorted.filter(x => x.state.kind === 'due').length;
  const scheduled = sorted.filter(x => x.state.kind === 'scheduled').length;
  const wasOpen = section.querySelector('.reminders-toggle')?.getAttribute('aria-expanded');
  const open = wasOpen ? wasOpen === 'true' : due > 0;
  const summary = due > 0 ? t('reminders.summaryDue', { count: due }) : t('reminders.summary', { count: scheduled });
  const list = h('ul', { class: 'reminder-list', id: 'reminder-list', hidden: !open },
    sorted.map(({ r, state }) => h('li', { class: `reminder reminder-${state.kind}` },
      h('p', { class: 'subject', text: r.subject || t('noSubject') }),
      h('p', { class: 'reminder-state', text: state.text }),
      awayText(r) && h('p', { class: 'reminder-away', text: awayText(r) }),
      holdText(r) && h('p', { class: 'reminder-hold', text: holdText(r) }),
      deleteButton(r, actions))));
  const toggle = h('button', {
    type: 'button', class: 'reminders-toggle', 'aria-expanded': String(open), 'aria-controls': 'reminder-list',
  }, h('span', { class: 'reminders-title', text: t('reminders.title') }), h('span', { class: 'reminders-summary', text: summary }));
  toggle.addEventListener('click', () => {
    const next = toggle.getAttribute('aria-expanded') !== 'true';
    toggle.setAttribute('aria-expanded', String(next));
    list.hidden = !next;
  });
  fill(section, h('h2', { class: 'reminders-heading' }, toggle), list);
}
