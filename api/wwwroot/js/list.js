// The thread rows: subject; people (names, the address on hover or focus) and age; what the reason adds to that; what
// went wrong with the mail (not delivered, away); the reminder's state; Open, Draft follow-up, Snooze and Done.
import { h, icon, Icons, fill } from './dom.js';
import { age, when, untilWhen, snoozeChoices, toLocalInput } from './time.js';
import { t, locale } from './i18n.js';
import { reasonText } from './reasons.js';
import { reminderState, isOpen } from './reminders.js';

export function renderEmpty(panel, direction) {
  fill(panel, h('div', { class: 'empty' }, icon(Icons.done),
    h('p', { class: 'subject', text: t(`empty.${direction}.title`) }), h('p', { class: 'muted', text: t(`empty.${direction}.hint`) })));
}

export function renderLoading(panel) {
  fill(panel, h('div', { class: 'loading' },
    h('div', { class: 'spinner', role: 'progressbar', 'aria-label': t('loading') }),
    h('div', { class: 'skeleton' }), h('div', { class: 'skeleton' }), h('div', { class: 'skeleton' })));
}

/** An open reminder on the row: when it comes, or "due now" (in the warning colour); closed ones leave the row. */
function reminderBadge(reminder, now) {
  if (!isOpen(reminder)) return null;
  const { kind } = reminderState(reminder, now);
  const text = kind === 'due' ? t('badge.due') : t('badge.scheduled', { when: when(reminder.remindAt) });
  return h('span', { class: `badge badge-${kind}`, text });
}

/** Threads whose reminder is due come first; the rest keep the API's order (oldest first). */
export function dueFirst(threads, now = new Date()) {
  const due = th => isOpen(th.reminder) && reminderState(th.reminder, now).kind === 'due';
  return [...threads.filter(due), ...threads.filter(th => !due(th))];
}

/** The thread's people as the API gives them (`people`: address and name), else its bare counterpart addresses. */
export function peopleOf(thread) {
  const people = thread.people?.length ? thread.people : (thread.counterparts ?? []).map(address => ({ address }));
  return people.map(p => ({ address: p.address, name: p.name?.trim() || null }));
}

export const displayName = person => person.name || person.address;

/** A name that shows its address on hover and on keyboard focus; screen readers hear both. */
function person(p) {
  if (!p.name) return h('span', { class: 'person', text: p.address });
  return h('span', { class: 'person', tabindex: '0', 'data-address': p.address },
    p.name, h('span', { class: 'address', text: ` (${p.address})` }));
}

/** The names joined as the language joins a list ("Ana, Ben and Carla"), each one still its own element. */
function joinPeople(people) {
  const parts = new Intl.ListFormat(locale(), { style: 'long', type: 'conjunction' }).formatToParts(people.map((_, i) => `\u0000${i}`));
  return parts.map(part => (part.type === 'element' ? person(people[Number(part.value.slice(1))]) : part.value));
}

/** Bounces and out-of-office replies, when the API names them: the reason the thread is stuck, in plain words. */
function problems(thread) {
  const names = new Map(peopleOf(thread).map(p => [p.address, displayName(p)]));
  const nameOf = entry => entry.name?.trim() || names.get(entry.address) || entry.address;
  const lines = [];
  for (const bounce of thread.notDelivered ?? []) {
    lines.push(h('div', { class: 'notice notice-error' },
      h('p', {}, h('strong', { text: t('notice.notDelivered', { name: nameOf(bounce) }) }), bounce.address ? ` (${bounce.address})` : ''),
      bounce.reason && h('p', { class: 'notice-detail', text: bounce.reason, lang: 'en' }),
      h('p', { class: 'notice-detail', text: t('notice.checkAddress') })));
  }
  for (const away of thread.away ?? []) {
    const text = away.until ? t('notice.awayUntil', { name: nameOf(away), when: untilWhen(away.until) }) : t('notice.away', { name: nameOf(away) });
    lines.push(h('div', { class: 'notice' }, h('p', { text })));
  }
  for (const meeting of thread.hold?.meetings ?? []) {
    const who = new Intl.ListFormat(locale(), { style: 'long', type: 'conjunction' }).format((meeting.with ?? []).map(nameOf));
    lines.push(h('div', { class: 'notice notice-hold' }, h('p', { text: t('notice.meetingAhead', { names: who, when: when(meeting.start) }) })));
  }
  return lines;
}

/** The escalation ladder: "2nd follow-up, no answer" once the user has nudged at least once. */
function ladderLine(thread) {
  const nudges = Number(thread.nudges ?? 0);
  return nudges >= 1 ? h('p', { class: 'ladder', text: t('ladder.noAnswer', { ordinal: nudges }) }) : null;
}

/** A group thread: "2 of 4 replied; waiting on Ben and Carol", each waiting name showing its address on hover and focus. */
function groupLine(thread) {
  if (!thread.recipients || !Array.isArray(thread.replied)) return null;
  const waiting = (thread.waitingOn ?? []).map(p => ({ address: p.address, name: p.name?.trim() || null }));
  // Those who answered another way (a colleague, Teams, a meeting) have answered too.
  const params = { count: thread.replied.length + (thread.answered?.length ?? 0), total: thread.recipients };
  if (!waiting.length) return h('p', { class: 'group', text: t('group.allReplied', params) });
  // The whole message is translated once; the names go where its {names} placeholder stands.
  const [before, after = ''] = t('group.replied', { ...params, names: '\u0000' }).split('\u0000');
  return h('p', { class: 'group' }, before, joinPeople(waiting), after);
}

/** "Move on": an optional note (≤ 500 characters) in a small form under the row, then the thread is closed. */
function moveOnForm(thread, i, actions, subject) {
  const id = `move-on-${i}`;
  const button = h('button', {
    type: 'button', class: 'btn btn-small', text: t('moveOn'), 'aria-label': t('moveOn.label', { subject }), 'aria-expanded': 'false', 'aria-controls': id,
  });
  const note = h('textarea', { id: `${id}-note`, maxlength: '500', rows: '2', 'aria-describedby': `${id}-hint` });
  const error = h('p', { class: 'error', role: 'alert', hidden: true });
  const submit = h('button', { type: 'submit', class: 'btn btn-small btn-primary', text: t('moveOn.confirm') });
  const form = h('form', { class: 'move-on', id, hidden: true, 'aria-label': t('moveOn.form', { subject }) },
    h('div', { class: 'field' },
      h('label', { for: note.id, text: t('moveOn.note') }),
      note,
      h('p', { class: 'muted hint', id: `${id}-hint`, text: t('moveOn.hint') })),
    error,
    h('div', { class: 'actions' }, submit, h('button', { type: 'button', class: 'btn btn-small', text: t('cancel'), onclick: () => close() })));
  const close = () => { form.hidden = true; button.setAttribute('aria-expanded', 'false'); button.focus(); };
  button.addEventListener('click', () => {
    const open = form.hidden;
    form.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
    if (open) note.focus();
  });
  form.addEventListener('keydown', e => { if (e.key === 'Escape') close(); });
  form.addEventListener('submit', async e => {
    e.preventDefault();
    submit.disabled = true;
    error.hidden = true;
    try {
      await actions.moveOn(thread, note.value.trim().slice(0, 500));
    } catch (failure) {
      error.textContent = t('moveOn.failed', { reason: failure.detail || failure.title || failure.message });
      error.hidden = false;
      submit.disabled = false;
    }
  });
  return { button, form };
}

// The phones of each thread object the API gave, asked once: a repaint of the same list (a tab switch, a row done)
// reuses the answer; the next load brings new thread objects and asks again (the API caches for an hour).
const phoneRequests = new WeakMap();

function phonesOf(thread, actions) {
  if (!phoneRequests.has(thread)) {
    phoneRequests.set(thread, Promise.resolve().then(() => actions.phones(thread)).then(body => body?.phones ?? [], () => []));
  }
  return phoneRequests.get(thread);
}

/** "tel:+390212345678": the number as dialled, without the spaces and punctuation people write it with. */
const telLink = number => `tel:${String(number).replace(/[^\d+]/g, '')}`;

/**
 * "Call Ana Silva: +39 02 1234 5678" beside "Chat in Teams", one per waited-on person with a number in the user's
 * people data; filled in when the API answers, nothing when there is none (or People.Read is not granted).
 */
function callLinks(thread, actions) {
  if (!actions.phones || !thread.threadKey) return null;
  const slot = h('span', { class: 'calls' });
  const names = new Map([...peopleOf(thread), ...(thread.waitingOn ?? [])].filter(p => p.name?.trim()).map(p => [p.address.toLowerCase(), p.name.trim()]));
  phonesOf(thread, actions).then(phones => {
    slot.replaceChildren(...phones.filter(p => p?.number).map(p => h('a', {
      class: 'btn btn-small call', href: telLink(p.number),
      text: t('call.phone', { name: names.get(String(p.address).toLowerCase()) || p.name?.trim() || p.address, number: p.number }),
    })));
  });
  return slot;
}

/** The escalation the API offers (escalation.offers): a Teams chat at the URL it built, a phone call, and moving on. */
function escalation(thread, i, actions, subject) {
  const offers = thread.escalation?.offers ?? [];
  const url = thread.escalation?.teamsChatUrl;
  const teams = offers.includes('otherChannel') && url ? h('a', {
    class: 'btn btn-small', href: url, target: '_blank', rel: 'noopener noreferrer', text: t('teams.chat'), 'aria-label': t('teams.chatLabel', { subject }),
    onclick: e => { e.preventDefault(); actions.openUrl(url); },
  }) : null;
  const calls = offers.includes('otherChannel') ? callLinks(thread, actions) : null;
  const moveOn = offers.includes('moveOn') && actions.moveOn ? moveOnForm(thread, i, actions, subject) : null;
  return { teams, calls, moveOn };
}

/**
 * actions: { open(thread), draft(thread, row, options), snooze(thread, at), done(thread), openUrl(url), moveOn(thread, note),
 * phones(thread) → Promise<{ phones }> } — each may be missing
 * (Open needs Outlook). now: the clock for ages.
 */
export function renderRows(panel, threads, actions, now = new Date()) {
  const rows = dueFirst(threads, now).map((thread, i) => row(thread, i, actions, now));
  fill(panel, h('ul', { class: 'rows', 'aria-label': t('rows.label', { count: threads.length }) }, rows));
}

/**
 * The reason's sentences the row does not say already: the names and age are on the meta line, a bounce in its
 * notice, the follow-ups sent on the ladder line, who answered on the group line, a meeting ahead in its notice. Null
 * when nothing is left.
 */
function reasonLine(thread, people) {
  const shown = new Set(['head']);
  if (thread.notDelivered?.length) shown.add('notDelivered');
  if (Number(thread.nudges ?? 0) >= 1) shown.add('nudges');
  if (thread.recipients && Array.isArray(thread.replied)) shown.add('group');
  if (thread.hold?.meetings?.length) shown.add('hold');
  const { text, lang } = reasonText(thread, people, shown);
  return text ? h('p', { class: 'reason', text, lang: lang ?? undefined }) : null;
}

function snoozeMenu(thread, i, actions, now) {
  const id = `snooze-${i}`;
  const button = h('button', { type: 'button', class: 'btn btn-small', 'aria-expanded': 'false', 'aria-controls': id, text: t('snooze') });
  const labelId = `${id}-label`;
  const picker = h('input', { type: 'datetime-local', id: `${id}-at`, min: toLocalInput(now), 'aria-label': t('snooze.dateAndTime') });
  const pick = h('div', { class: 'picker', hidden: true }, picker, h('button', {
    type: 'button', class: 'btn btn-small btn-primary', text: t('snooze'),
    'aria-label': t('snooze.untilPicked'),
    onclick: () => (picker.value ? actions.snooze(thread, new Date(picker.value)) : picker.focus()),
  }));
  const pickButton = h('button', {
    type: 'button', class: 'btn btn-small', text: t('pickADate'), 'aria-expanded': 'false',
    onclick: () => { pick.hidden = false; pickButton.setAttribute('aria-expanded', 'true'); picker.focus(); },
  });
  const menu = h('div', { class: 'choices', id, role: 'group', 'aria-labelledby': labelId, hidden: true },
    h('p', { class: 'choices-label', id: labelId, text: t('snooze.until') }),
    h('div', { class: 'choice-buttons' },
      snoozeChoices(now).map(c => h('button', {
        type: 'button', class: 'btn btn-small', text: c.label, 'aria-label': t('snooze.choiceLabel', { label: c.label, when: when(c.at) }),
        onclick: () => actions.snooze(thread, c.at),
      })),
      pickButton),
    pick);
  const close = () => { menu.hidden = true; button.setAttribute('aria-expanded', 'false'); button.focus(); };
  button.addEventListener('click', () => {
    const open = menu.hidden;
    menu.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
    if (open) menu.querySelector('button')?.focus();
  });
  menu.addEventListener('keydown', e => { if (e.key === 'Escape') close(); });
  return { button, menu };
}

function row(thread, i, actions, now) {
  const people = peopleOf(thread);
  const meta = h('p', { class: 'meta' }, people.length ? joinPeople(people) : t('unknownPeople'), ` · ${age(thread.since, now)}`);
  const snooze = snoozeMenu(thread, i, actions, now);
  const subject = thread.subject || t('noSubject');
  const reply = thread.direction === 'mine' ? 'reply' : 'draft';
  const escalate = escalation(thread, i, actions, subject);
  // Group rows keep the normal nudge (everyone) and add one to those who have not answered, when someone is waited on.
  const onlyWaiting = thread.direction === 'theirs' && thread.recipients && thread.waitingOn?.length ? h('button', {
    type: 'button', class: 'btn btn-small', text: t('nudgeWaiting'), 'aria-label': t('nudgeWaiting.label', { subject }),
    onclick: () => actions.draft(thread, li, { onlyWaiting: true }),
  }) : null;
  const li = h('li', { class: 'row', 'data-thread-key': thread.threadKey },
    h('h3', { class: 'subject', text: subject }),
    meta,
    ladderLine(thread),
    groupLine(thread),
    reasonLine(thread, people),
    problems(thread),
    reminderBadge(thread.reminder, now),
    h('div', { class: 'actions' },
      actions.open && h('button', {
        type: 'button', class: 'btn btn-small', 'aria-label': t('open.label', { subject }), text: t('open'), onclick: () => actions.open(thread),
      }),
      h('button', {
        type: 'button', class: 'btn btn-small btn-primary', text: t(reply), 'aria-label': t(`${reply}.label`, { subject }),
        onclick: () => actions.draft(thread, li),
      }),
      onlyWaiting,
      escalate.teams,
      escalate.calls,
      snooze.button,
      h('button', { type: 'button', class: 'btn btn-small', 'aria-label': t('done.label', { subject }), text: t('done'), onclick: () => actions.done(thread) }),
      escalate.moveOn?.button),
    snooze.menu,
    escalate.moveOn?.form);
  return li;
}

/** Outside Outlook there is no compose form: the draft is shown under its row, to copy. */
export function showDraftPreview(li, lines) {
  li.querySelector('.draft')?.remove();
  const text = lines.join('\n');
  const copy = h('button', { type: 'button', class: 'btn btn-small', text: t('copyText') });
  copy.addEventListener('click', async () => {
    try { await navigator.clipboard.writeText(text); copy.textContent = t('copied'); } catch { copy.textContent = t('copyBySelecting'); }
  });
  const block = h('div', { class: 'draft', role: 'region', 'aria-label': t('draft') }, h('p', { text }), h('div', { class: 'actions' }, copy));
  li.append(block);
  return block;
}
