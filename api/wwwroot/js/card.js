// The card for the message open in Outlook: remind-me buttons, or the state of its reminder; compose gets "remind me if no reply".
import { h, fill, announce } from './dom.js';
import { when, toLocalInput } from './time.js';
import { t } from './i18n.js';
import { restIdOf, isCompose, markRemindIfNoReply, readRemindMark, clearRemindMark } from './host.js';
import { reminderState, isOpen } from './reminders.js';

/** The user's reminder on this message, matched on either id (the REST id Outlook gives is not Graph's immutable id). */
export function findReminder(reminders, item, restId) {
  const mine = (reminders ?? []).filter(r => (restId && r.messageId === restId)
    || (item.internetMessageId && r.internetMessageId === item.internetMessageId));
  return mine.find(isOpen) ?? mine.at(-1) ?? null;
}

/** ctx: { api, item, focusPicker, onChange } */
export async function renderCard(section, ctx) {
  const { api, item } = ctx;
  section.hidden = false;
  const title = h('h2', { id: 'card-title', text: t('card.title') });
  if (!item) {
    fill(section, title, h('p', { class: 'muted', text: t('card.select') }));
    return;
  }
  if (isCompose(item)) {
    await renderCompose(section, title, item);
    return;
  }

  const restId = restIdOf(item);
  const subject = h('p', { class: 'subject', text: item.subject || t('noSubject') });
  fill(section, title, subject, h('p', { class: 'muted', text: t('card.checking') }));
  let reminder = null;
  try {
    reminder = findReminder((await api.get('/api/reminders')).reminders, item, restId);
  } catch (error) {
    if (error.status !== 404) {
      fill(section, title, subject, h('p', { class: 'muted', text: t('card.unavailable', { reason: error.title }) }));
      return;
    }
  }

  const refresh = () => renderCard(section, { ...ctx, focusPicker: false });
  if (isOpen(reminder)) {
    fill(section, title, subject, h('p', { class: 'reminder-state', text: reminderState(reminder).text }), h('div', { class: 'actions' },
      h('button', {
        type: 'button', class: 'btn btn-small', text: t('card.remove'),
        onclick: async () => { await api.del(`/api/reminders/${encodeURIComponent(reminder.id)}`); announce(t('card.removed')); await refresh(); ctx.onChange?.(); },
      })));
    return;
  }

  const create = async body => {
    try {
      const created = await api.post('/api/reminders', { messageId: restId, internetMessageId: item.internetMessageId || undefined, ...body });
      // The API says once when something needs the user's attention (flags need Mail.ReadWrite, say); its words are English.
      announce([t('card.set', { when: when(created.remindAt) }), ...(created.warnings ?? [])].join(' '));
      await refresh();
      ctx.onChange?.();
    } catch (error) {
      announce(t('card.notSet', { reason: error.title }));
      section.querySelector('.error')?.remove();
      section.append(h('p', { class: 'error', role: 'alert', text: t('card.notSet', { reason: error.detail || error.title }) }));
    }
  };
  const picker = h('input', { type: 'datetime-local', id: 'remind-at', min: toLocalInput(new Date()) });
  // A closed reminder says how it ended (answered by Ana, done in Outlook) above the buttons that set a new one.
  const closed = reminder ? h('p', { class: 'muted reminder-state', text: reminderState(reminder).text }) : null;
  fill(section, title, subject, closed,
    h('p', { text: t('card.prompt') }),
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'btn btn-small btn-primary', text: t('in24h'), onclick: () => create({ afterHours: 24 }) }),
      h('button', { type: 'button', class: 'btn btn-small btn-primary', text: t('in48h'), onclick: () => create({ afterHours: 48 }) })),
    h('div', { class: 'field' },
      h('label', { for: 'remind-at', text: t('card.orPick') }),
      h('div', { class: 'picker' }, picker, h('button', {
        type: 'button', class: 'btn btn-small', text: t('card.setReminder'),
        onclick: () => picker.value ? create({ remindAt: new Date(picker.value).toISOString() }) : picker.focus(),
      }))));
  if (ctx.focusPicker) picker.focus();
}

/** Compose: mark the draft (24 h, 48 h or a date) with the custom property the sync reads on the sent copy. */
async function renderCompose(section, title, item) {
  const result = h('p', { class: 'muted', role: 'status' });
  const rerender = () => renderCompose(section, title, item);
  let mark = null;
  try { mark = await readRemindMark(item); } catch { /* said again when the user tries to mark */ }
  const apply = async choice => {
    try {
      const value = await markRemindIfNoReply(item, choice);
      await rerender();
      announce(composeMarkText(value));
    } catch (e) {
      result.textContent = t('compose.notMarked', { reason: e.message });
    }
  };
  if (mark) {
    fill(section, title, h('p', { text: composeMarkText(mark) }), h('div', { class: 'actions' }, h('button', {
      type: 'button', class: 'btn btn-small', text: t('compose.remove'),
      onclick: async () => {
        try { await clearRemindMark(item); await rerender(); announce(t('compose.removed')); } catch (e) { result.textContent = t('compose.notChanged', { reason: e.message }); }
      },
    })), result);
    return;
  }
  const picker = h('input', { type: 'datetime-local', id: 'compose-remind-at', min: toLocalInput(new Date()) });
  fill(section, title, h('p', { text: t('compose.prompt') }),
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'btn btn-small btn-primary', text: t('in24h'), onclick: () => apply(24) }),
      h('button', { type: 'button', class: 'btn btn-small btn-primary', text: t('in48h'), onclick: () => apply(48) })),
    h('div', { class: 'field' },
      h('label', { for: 'compose-remind-at', text: t('card.orPick') }),
      h('div', { class: 'picker' }, picker, h('button', {
        type: 'button', class: 'btn btn-small', text: t('card.setReminder'),
        onclick: () => (picker.value ? apply(new Date(picker.value)) : picker.focus()),
      }))),
    result);
}

/** What a mark means, in words: "48" → 48 hours after sending; an ISO date → at that time. */
export function composeMarkText(value) {
  return /^\d+$/.test(value) ? t('compose.markedHours', { count: Number(value) }) : t('compose.markedDate', { when: when(value) });
}
