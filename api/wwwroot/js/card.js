// The card for the message open in Outlook: remind-me buttons, or the state of its reminder; compose gets "remind me if no reply".
import { h, fill, announce } from './dom.js';
import { when, toLocalInput } from './time.js';
import { restIdOf, isCompose, markRemindIfNoReply, readRemindMark, clearRemindMark } from './host.js';

const OPEN = new Set(['scheduled', 'due']);

/** The user's reminder on this message, matched on either id (the REST id Outlook gives is not Graph's immutable id). */
export function findReminder(reminders, item, restId) {
  const mine = (reminders ?? []).filter(r => (restId && r.messageId === restId)
    || (item.internetMessageId && r.internetMessageId === item.internetMessageId));
  return mine.find(r => OPEN.has(r.status)) ?? mine.at(-1) ?? null;
}

/** ctx: { api, item, focusPicker, onChange } */
export async function renderCard(section, ctx) {
  const { api, item } = ctx;
  section.hidden = false;
  const title = h('h2', { id: 'card-title', text: 'This message' });
  if (!item) {
    fill(section, title, h('p', { class: 'muted', text: 'Select a message to set a reminder on it.' }));
    return;
  }
  if (isCompose(item)) {
    await renderCompose(section, title, item);
    return;
  }

  const restId = restIdOf(item);
  const subject = h('p', { class: 'subject', text: item.subject || '(no subject)' });
  fill(section, title, subject, h('p', { class: 'muted', text: 'Checking for a reminder…' }));
  let reminder = null;
  try {
    reminder = findReminder((await api.get('/api/reminders')).reminders, item, restId);
  } catch (error) {
    if (error.status !== 404) {
      fill(section, title, subject, h('p', { class: 'muted', text: `Reminders are unavailable: ${error.title}` }));
      return;
    }
  }

  const refresh = () => renderCard(section, { ...ctx, focusPicker: false });
  const status = reminder?.status;
  if (reminder && OPEN.has(status)) {
    const text = status === 'due' ? 'Your reminder is due: no reply yet.' : `I'll remind you ${when(reminder.remindAt)} if no one replies.`;
    fill(section, title, subject, h('p', { text }), h('div', { class: 'actions' },
      h('button', {
        type: 'button', class: 'btn btn-small', text: 'Remove reminder',
        onclick: async () => { await api.del(`/api/reminders/${encodeURIComponent(reminder.id)}`); announce('Reminder removed.'); await refresh(); ctx.onChange?.(); },
      })));
    return;
  }

  const create = async body => {
    try {
      const created = await api.post('/api/reminders', { messageId: restId, internetMessageId: item.internetMessageId || undefined, ...body });
      // The API says once when something needs the user's attention (flags need Mail.ReadWrite, say).
      announce([`Reminder set for ${when(created.remindAt)}.`, ...(created.warnings ?? [])].join(' '));
      await refresh();
      ctx.onChange?.();
    } catch (error) {
      announce(`The reminder was not set: ${error.title}`);
      section.querySelector('.error')?.remove();
      section.append(h('p', { class: 'error', role: 'alert', text: `The reminder was not set: ${error.detail || error.title}` }));
    }
  };
  const picker = h('input', { type: 'datetime-local', id: 'remind-at', min: toLocalInput(new Date()) });
  const resolved = status === 'resolved' ? h('p', { class: 'muted', text: 'A reply arrived, so the last reminder closed.' }) : null;
  fill(section, title, subject, resolved,
    h('p', { text: 'Remind me to follow up if no one replies:' }),
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'btn btn-small btn-primary', text: 'In 24 hours', onclick: () => create({ afterHours: 24 }) }),
      h('button', { type: 'button', class: 'btn btn-small btn-primary', text: 'In 48 hours', onclick: () => create({ afterHours: 48 }) })),
    h('div', { class: 'field' },
      h('label', { for: 'remind-at', text: 'Or pick a date' }),
      h('div', { class: 'picker' }, picker, h('button', {
        type: 'button', class: 'btn btn-small', text: 'Set reminder',
        onclick: () => picker.value ? create({ remindAt: new Date(picker.value).toISOString() }) : picker.focus(),
      }))));
  if (ctx.focusPicker) picker.focus();
}

/** Compose: mark the draft (24 h, 48 h or a date) with the custom property the sync reads on the sent copy. */
async function renderCompose(section, title, item) {
  const result = h('p', { class: 'muted', role: 'status' });
  const rerender = () => renderCompose(section, title, item);
  let mark = null;
  try { mark = await readRemindMark(item); } catch { /* shown again when the user tries to mark */ }
  const apply = async choice => {
    try {
      const value = await markRemindIfNoReply(item, choice);
      await rerender();
      announce(composeMarkText(value));
    } catch (e) {
      result.textContent = `Not marked: ${e.message}`;
    }
  };
  if (mark) {
    fill(section, title, h('p', { text: composeMarkText(mark) }), h('div', { class: 'actions' }, h('button', {
      type: 'button', class: 'btn btn-small', text: 'Remove the mark',
      onclick: async () => {
        try { await clearRemindMark(item); await rerender(); announce('No reminder for this message.'); } catch (e) { result.textContent = `Not changed: ${e.message}`; }
      },
    })), result);
    return;
  }
  const picker = h('input', { type: 'datetime-local', id: 'compose-remind-at', min: toLocalInput(new Date()) });
  fill(section, title, h('p', { text: 'Remind me if no reply: track this message once it is sent.' }),
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'btn btn-small btn-primary', text: 'In 24 hours', onclick: () => apply(24) }),
      h('button', { type: 'button', class: 'btn btn-small btn-primary', text: 'In 48 hours', onclick: () => apply(48) })),
    h('div', { class: 'field' },
      h('label', { for: 'compose-remind-at', text: 'Or pick a date' }),
      h('div', { class: 'picker' }, picker, h('button', {
        type: 'button', class: 'btn btn-small', text: 'Set reminder',
        onclick: () => (picker.value ? apply(new Date(picker.value)) : picker.focus()),
      }))),
    result);
}

/** What a mark means, in words: "48" → after 48 hours; an ISO date → at that time. */
export function composeMarkText(value) {
  return /^\d+$/.test(value)
    ? `You'll be reminded ${value} h after sending if nobody replies.`
    : `You'll be reminded ${when(value)} if nobody replies.`;
}
