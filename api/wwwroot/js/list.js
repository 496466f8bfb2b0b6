// The thread rows: subject, counterpart and age; the reason on expand; Open, Draft follow-up, Snooze and Done.
import { h, icon, Icons, fill } from './dom.js';
import { age, when, snoozeChoices } from './time.js';

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
  if (!reminder) return null;
  const status = reminder.status ?? reminder.state;
  if (status === 'scheduled') return h('span', { class: 'badge', text: `Reminder ${when(reminder.remindAt)}` });
  if (status === 'due') return h('span', { class: 'badge', text: 'Reminder due' });
  return null;
}

/**
 * actions: { open(thread), draft(thread, row), snooze(thread, at), done(thread) } — each may be missing
 * (Open needs Outlook). now: the clock for ages.
 */
export function renderRows(panel, threads, actions, now = new Date()) {
  const rows = threads.map((thread, i) => row(thread, i, actions, now));
  fill(panel, h('ul', { class: 'rows', 'aria-label': `${threads.length} conversations` }, rows));
}

function row(thread, i, actions, now) {
  const reasonId = `reason-${i}`;
  const who = thread.counterparts?.join(', ') || 'unknown';
  const reason = h('p', { class: 'reason', id: reasonId, hidden: true, text: thread.reason });
  const toggle = h('button', { type: 'button', class: 'row-toggle', 'aria-expanded': 'false', 'aria-controls': reasonId },
    h('span', { class: 'subject' }, icon(Icons.chevron, 'chevron'), thread.subject || '(no subject)'),
    h('span', { class: 'meta', text: `${who} · ${age(thread.since, now)}` }));
  toggle.addEventListener('click', () => {
    const open = toggle.getAttribute('aria-expanded') !== 'true';
    toggle.setAttribute('aria-expanded', String(open));
    reason.hidden = !open;
  });

  const snoozeId = `snooze-${i}`;
  const snoozeButton = h('button', { type: 'button', class: 'btn btn-small', 'aria-expanded': 'false', 'aria-controls': snoozeId, text: 'Snooze' });
  const choices = h('div', { class: 'choices', id: snoozeId, role: 'group', 'aria-label': `Snooze "${thread.subject}" until`, hidden: true },
    snoozeChoices(now).map(c => h('button', {
      type: 'button', class: 'btn btn-small', title: when(c.at), text: c.label,
      onclick: () => actions.snooze(thread, c.at),
    })));
  snoozeButton.addEventListener('click', () => {
    const open = choices.hidden;
    choices.hidden = !open;
    snoozeButton.setAttribute('aria-expanded', String(open));
    if (open) choices.querySelector('button')?.focus();
  });
  choices.addEventListener('keydown', e => {
    if (e.key === 'Escape') { choices.hidden = true; snoozeButton.setAttribute('aria-expanded', 'false'); snoozeButton.focus(); }
  });

  const label = thread.subject || 'this conversation';
  const li = h('li', { class: 'row', 'data-thread-key': thread.threadKey },
    toggle,
    reminderBadge(thread.reminder),
    reason,
    h('div', { class: 'actions' },
      actions.open && h('button', { type: 'button', class: 'btn btn-small', 'aria-label': `Open: "${label}"`, text: 'Open', onclick: () => actions.open(thread) }),
      h('button', {
        type: 'button', class: 'btn btn-small btn-primary', text: thread.direction === 'mine' ? 'Reply' : 'Draft follow-up',
        'aria-label': `${thread.direction === 'mine' ? 'Reply' : 'Draft follow-up'}: "${label}"`,
        onclick: () => actions.draft(thread, li),
      }),
      snoozeButton,
      h('button', { type: 'button', class: 'btn btn-small', 'aria-label': `Done: "${label}"`, text: 'Done', onclick: () => actions.done(thread) })),
    choices);
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
