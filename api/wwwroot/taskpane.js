// The task pane: Waiting on them / Waiting on you, the open message's card, settings. State lives here; rendering in js/.
import { h, fill, icon, Icons, announce } from './js/dom.js';
import { detectHost } from './js/host.js';
import { connect } from './js/connect.js';
import { renderRows, renderEmpty, renderLoading, showDraftPreview, fitReasons } from './js/list.js';
import { renderCard } from './js/card.js';
import { renderSettings } from './js/settings.js';
import { nudgeLines, nudgeHtml } from './js/nudge.js';
import { when } from './js/time.js';

const $ = id => document.getElementById(id);
const DIRECTIONS = ['theirs', 'mine'];
const state = { direction: 'theirs', threads: null, stale: false, lastSyncedAt: null, host: null, api: null, localMode: false, userName: '' };

$('refresh').append(icon(Icons.refresh), h('span', { text: 'Refresh' }));
$('open-settings').append(icon(Icons.settings));

function setBusy(busy) { $('content').setAttribute('aria-busy', String(busy)); }

function showError(error, retry) {
  setBusy(false);
  for (const d of DIRECTIONS) $(`count-${d}`).textContent = '';
  fill($('panel'), h('div', { class: 'message message-error', role: 'alert' },
    h('p', {}, h('strong', { text: error.title || 'Something went wrong.' }), error.detail || 'Try again in a moment.'),
    h('button', { type: 'button', class: 'btn btn-small', text: 'Try again', onclick: retry })));
}

function renderBanner() {
  const banner = $('banner');
  if (!state.stale) { banner.hidden = true; banner.replaceChildren(); return; }
  banner.hidden = false;
  banner.className = 'message message-warning';
  const since = state.lastSyncedAt ? ` These results are from ${when(state.lastSyncedAt)}.` : '';
  fill(banner, h('p', {}, h('strong', { text: 'Outlook could not be reached just now.' }), `${since} Some replies may be missing.`),
    h('button', { type: 'button', class: 'btn btn-small', text: 'Try again', onclick: () => load(true) }));
}

function renderFooter() {
  const parts = [];
  if (state.lastSyncedAt) parts.push(`Updated ${when(state.lastSyncedAt)}`);
  if (state.localMode) parts.push('Local mode: sample mailbox, no sign-in');
  $('footer').textContent = parts.join(' · ');
}

function renderList() {
  const threads = state.threads ?? [];
  for (const d of DIRECTIONS) $(`count-${d}`).textContent = String(threads.filter(t => t.direction === d).length);
  const shown = threads.filter(t => t.direction === state.direction);
  if (shown.length === 0) renderEmpty($('panel'), state.direction);
  else renderRows($('panel'), shown, actions);
  renderBanner();
  renderFooter();
  setBusy(false);
}

const MAX_PAGES = 10;

/** Both directions, every page (the API pages by 50 by default; the counts need them all). */
async function fetchThreads(sync) {
  const query = 'direction=all&top=200';
  const first = sync ? await state.api.post(`/api/threads/sync?${query}`) : await state.api.get(`/api/threads?${query}`);
  const threads = [...(first.threads ?? [])];
  let cursor = first.nextCursor;
  for (let page = 1; cursor && page < MAX_PAGES; page++) {
    const next = await state.api.get(`/api/threads?${query}&cursor=${encodeURIComponent(cursor)}`);
    threads.push(...(next.threads ?? []));
    cursor = next.nextCursor;
  }
  return { ...first, threads };
}

async function load(sync = false) {
  setBusy(true);
  renderLoading($('panel'));
  try {
    const body = await fetchThreads(sync);
    Object.assign(state, { threads: body.threads ?? [], stale: !!body.stale, lastSyncedAt: body.lastSyncedAt ?? null });
    renderList();
    if (sync) announce(`Updated. ${state.threads.length} conversations.`);
  } catch (error) {
    showError(error, () => load(sync));
  }
}

function selectTab(direction, focus = false) {
  state.direction = direction;
  for (const d of DIRECTIONS) {
    const tab = $(`tab-${d}`);
    tab.setAttribute('aria-selected', String(d === direction));
    tab.tabIndex = d === direction ? 0 : -1;
  }
  $('panel').setAttribute('aria-labelledby', `tab-${direction}`);
  if (focus) $(`tab-${direction}`).focus();
  if (state.threads) renderList();
}

function toast(text, undo) {
  const el = $('toast');
  el.hidden = false;
  // "Close" hides this message only; "Dismiss" would read like Done, which dismisses a thread.
  fill(el, h('p', { text }), undo && h('button', {
    type: 'button', class: 'btn btn-small', text: 'Undo',
    onclick: async () => { el.hidden = true; await undo(); },
  }), h('button', {
    type: 'button', class: 'btn btn-small btn-subtle btn-icon', 'aria-label': 'Close message', title: 'Close message',
    onclick: () => { el.hidden = true; $('panel').focus(); },
  }, icon(Icons.close)));
}

const openReminder = t => t.reminder && ['scheduled', 'due'].includes(t.reminder.status) ? t.reminder : null;

const actions = {
  async draft(thread, li) {
    const lines = nudgeLines(thread, state.userName);
    const item = state.host.item();
    if (!state.host.inOffice) {
      showDraftPreview(li, lines).querySelector('button')?.focus();
      return;
    }
    // Office.js can reply only to the open message; any other row gets a reply-all draft from Graph, opened in Outlook.
    if (item?.internetMessageId && item.internetMessageId === thread.internetMessageId && typeof item.displayReplyAllForm === 'function') {
      state.host.replyAll(item, nudgeHtml(lines));
      return;
    }
    try {
      const { draftId } = await state.api.post(`/api/threads/${encodeURIComponent(thread.threadKey)}/draft`,
        { messageId: thread.messageId, comment: lines.join('\n') });
      state.host.openMessage(draftId);
    } catch (error) {
      toast(`No draft created: ${error.title}`);
    }
  },
  async snooze(thread, at) {
    try {
      const open = openReminder(thread);
      const remindAt = at.toISOString();
      const saved = open
        ? await state.api.patch(`/api/reminders/${encodeURIComponent(open.id)}`, { remindAt })
        : await state.api.post('/api/reminders', { messageId: thread.messageId, internetMessageId: thread.internetMessageId ?? undefined, remindAt });
      // The API's warnings (flags need Mail.ReadWrite, said once) join the toast.
      toast([`Snoozed until ${when(remindAt)}.`, ...(saved?.warnings ?? [])].join(' '));
      announce(`Snoozed until ${when(remindAt)}.`);
      await load();
    } catch (error) {
      toast(`Not snoozed: ${error.title}`);
    }
  },
  async done(thread) {
    const key = encodeURIComponent(thread.threadKey);
    try {
      await state.api.post(`/api/threads/${key}/dismiss`);
      const open = openReminder(thread);
      if (open) await state.api.post(`/api/reminders/${encodeURIComponent(open.id)}/done`);
      state.threads = state.threads.filter(t => t.threadKey !== thread.threadKey);
      renderList();
      $('panel').focus();
      toast(`Marked done: ${thread.subject}`, async () => { await state.api.del(`/api/threads/${key}/dismiss`); await load(); });
      announce('Marked done.');
    } catch (error) {
      toast(`Not marked done: ${error.title}`);
    }
  },
};

function showSettings(open) {
  $('open-settings').setAttribute('aria-pressed', String(open));
  $('list-view').hidden = open;
  $('card').hidden = open || !state.host?.inOffice;
  $('settings').hidden = !open;
  if (open) {
    renderSettings($('settings'), { api: state.api, onClose: saved => { showSettings(false); if (saved) load(true); } });
  } else {
    fitReasons($('panel')); // the rows were measured while hidden if the pane was resized meanwhile
    $('open-settings').focus();
  }
}

function wireTabs() {
  for (const d of DIRECTIONS) $(`tab-${d}`).addEventListener('click', () => selectTab(d));
  $('list-view').querySelector('[role=tablist]').addEventListener('keydown', e => {
    const i = DIRECTIONS.indexOf(state.direction);
    const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: DIRECTIONS.length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    selectTab(DIRECTIONS[(next + DIRECTIONS.length) % DIRECTIONS.length], true);
  });
  $('refresh').addEventListener('click', () => load(true));
  $('open-settings').addEventListener('click', () => showSettings($('settings').hidden));
  window.addEventListener('resize', () => fitReasons($('panel')));
}

async function start() {
  wireTabs();
  renderLoading($('panel'));
  state.host = await detectHost();
  try {
    const { api, config } = await connect(state.host);
    state.api = api;
    state.localMode = !!config.localMode;
    // Drafts are signed with the user's name: Outlook's profile inside Outlook, the local mailbox owner's in local mode.
    state.userName = state.host.userName() || config.displayName || '';
  } catch (error) {
    showError(error, () => location.reload());
    return;
  }
  if (state.host.inOffice) {
    actions.open = thread => state.host.openMessage(thread.messageId);
    const card = () => renderCard($('card'), { api: state.api, item: state.host.item(), onChange: () => load() });
    state.host.onItemChanged(() => card());
    renderCard($('card'), {
      api: state.api, item: state.host.item(), onChange: () => load(),
      focusPicker: new URLSearchParams(location.search).get('view') === 'remind',
    });
  }
  await load();
  document.documentElement.dataset.ready = 'true';
}

start();
