// The thread rows: subject; people (names, the address on hover or focus) and age; the reason in a line that expands;
// what went wrong with the mail (not delivered, away); Open, Draft follow-up, Snooze and Done.
import { h, icon, Icons, fill } from './dom.js';
import { age, when, snoozeChoices, toLocalInput } from './time.js';

const EMPTY = {
  theirs: ['Nobody owes you a reply.', 'Mail you sent shows up here when it gets no answer within your window.'],
  mine: ['You are all caught up.', 'Mail waiting for your answer shows up here.'],
};

export function renderEmpty(panel, direction) {
  const [title, hint] = EMPTY[direction];
  fill(panel, h('div', { class: 'empty' }, icon(Icons.done), h('p', { class: 'subject', text: title }), h('p', { class: 'muted', text: hint })));
}

export function renderLoading(panel) {
  fill(panel, h('div', { class: 'loading' },
    h('div', { class: 'spinner', role: 'progressbar', 'aria-label': 'Loading follow-ups' }),
    h('div', { class: 'skeleton' }), h('div', { class: 'skeleton' }), h('div', { class: 'skeleton' })));
}

function reminderBadge(reminder) {
  if (reminder?.status === 'scheduled') return h('span', { class: 'badge', text: `Reminder ${when(reminder.remindAt)}` });
  if (reminder?.status === 'due') return h('span', { class: 'badge', text: 'Reminder due' });
  return null;
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

function joinPeople(people) {
  const parts = [];
  people.forEach((p, i) => { if (i > 0) parts.push(', '); parts.push(person(p)); });
  return parts;
}

/** Bounces and out-of-office replies, when the API names them: the reason the thread is stuck, in plain words. */
function problems(thread) {
  const names = new Map(peopleOf(thread).map(p => [p.address, displayName(p)]));
  const nameOf = entry => entry.name?.trim() || names.get(entry.address) || entry.address;
  const lines = [];
  for (const bounce of thread.notDelivered ?? []) {
    lines.push(h('div', { class: 'notice notice-error' },
      h('p', {}, h('strong', { text: `Not delivered to ${nameOf(bounce)}` }), bounce.address ? ` (${bounce.address})` : ''),
      bounce.reason && h('p', { class: 'notice-detail', text: bounce.reason }),
      h('p', { class: 'notice-detail', text: 'Check the address, then send it again.' })));
  }
  for (const away of thread.away ?? []) {
    const text = away.until ? `${nameOf(away)} is away until ${when(away.until)}.` : `${nameOf(away)} is away.`;
    lines.push(h('div', { class: 'notice' }, h('p', { text })));
  }
  return lines;
}

/**
 * actions: { open(thread), draft(thread, row), snooze(thread, at), done(thread) } — each may be missing
 * (Open needs Outlook). now: the clock for ages.
 */
export function renderRows(panel, threads, actions, now = new Date()) {
  const rows = threads.map((thread, i) => row(thread, i, actions, now));
  fill(panel, h('ul', { class: 'rows', 'aria-label': `${threads.length} conversations` }, rows));
  fitReasons(panel);
}

/** "Show more" only where the one-line reason is cut; measured after layout, again when the pane is resized. */
export function fitReasons(root) {
  for (const li of root.querySelectorAll('.row')) {
    const reason = li.querySelector('.reason');
    const more = li.querySelector('.more');
    if (!reason || !more || more.getAttribute('aria-expanded') === 'true') continue;
    more.hidden = reason.scrollWidth <= reason.clientWidth;
  }
}

function reasonLine(thread, i) {
  const reason = h('p', { class: 'reason clamped', id: `reason-${i}`, text: thread.reason });
  const more = h('button', { type: 'button', class: 'more', 'aria-expanded': 'false', 'aria-controls': reason.id, text: 'Show more' });
  more.addEventListener('click', () => {
    const open = more.getAttribute('aria-expanded') !== 'true';
    more.setAttribute('aria-expanded', String(open));
    more.textContent = open ? 'Show less' : 'Show more';
    reason.classList.toggle('clamped', !open);
  });
  return [reason, more];
}

function snoozeMenu(thread, i, actions, now) {
  const id = `snooze-${i}`;
  const button = h('button', { type: 'button', class: 'btn btn-small', 'aria-expanded': 'false', 'aria-controls': id, text: 'Snooze' });
  const labelId = `${id}-label`;
  const picker = h('input', { type: 'datetime-local', id: `${id}-at`, min: toLocalInput(now), 'aria-label': 'Date and time' });
  const pick = h('div', { class: 'picker', hidden: true }, picker, h('button', {
    type: 'button', class: 'btn btn-small btn-primary', text: 'Snooze',
    'aria-label': `Snooze until the date picked`,
    onclick: () => (picker.value ? actions.snooze(thread, new Date(picker.value)) : picker.focus()),
  }));
  const pickButton = h('button', {
    type: 'button', class: 'btn btn-small', text: 'Pick a date…', 'aria-expanded': 'false',
    onclick: () => { pick.hidden = false; pickButton.setAttribute('aria-expanded', 'true'); picker.focus(); },
  });
  const menu = h('div', { class: 'choices', id, role: 'group', 'aria-labelledby': labelId, hidden: true },
    h('p', { class: 'choices-label', id: labelId, text: 'Snooze until' }),
    h('div', { class: 'choice-buttons' },
      snoozeChoices(now).map(c => h('button', {
        type: 'button', class: 'btn btn-small', text: c.label, 'aria-label': `${c.label}, ${when(c.at)}`,
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
  const meta = h('p', { class: 'meta' }, people.length ? joinPeople(people) : 'unknown', ` · ${age(thread.since, now)}`);
  const snooze = snoozeMenu(thread, i, actions, now);
  const label = thread.subject || 'this conversation';
  const reply = thread.direction === 'mine' ? 'Reply' : 'Draft follow-up';
  const li = h('li', { class: 'row', 'data-thread-key': thread.threadKey },
    h('h3', { class: 'subject', text: thread.subject || '(no subject)' }),
    meta,
    reasonLine(thread, i),
    problems(thread),
    reminderBadge(thread.reminder),
    h('div', { class: 'actions' },
      actions.open && h('button', { type: 'button', class: 'btn btn-small', 'aria-label': `Open: "${label}"`, text: 'Open', onclick: () => actions.open(thread) }),
      h('button', {
        type: 'button', class: 'btn btn-small btn-primary', text: reply, 'aria-label': `${reply}: "${label}"`,
        onclick: () => actions.draft(thread, li),
      }),
      snooze.button,
      h('button', { type: 'button', class: 'btn btn-small', 'aria-label': `Done: "${label}"`, text: 'Done', onclick: () => actions.done(thread) })),
    snooze.menu);
  return li;
}

/** Outside Outlook there is no compose form: the draft is shown under its row, to copy. */
export function showDraftPreview(li, lines) {
  li.querySelector('.draft')?.remove();
  const text = lines.join('\n');
  const copy = h('button', { type: 'button', class: 'btn btn-small', text: 'Copy text' });
  copy.addEventListener('click', async () => {
    try { await navigator.clipboard.writeText(text); copy.textContent = 'Copied'; } catch { copy.textContent = 'Select the text to copy it'; }
  });
  const block = h('div', { class: 'draft', role: 'region', 'aria-label': 'Draft follow-up' }, h('p', { text }), h('div', { class: 'actions' }, copy));
  li.append(block);
  return block;
}
