// The task pane: Waiting on them / Waiting on you, the open message's card, settings. State lives here; rendering in js/.
import { h, fill, icon, Icons, announce } from './js/dom.js';
import { detectHost } from './js/host.js';
import { connect } from './js/connect.js';
import { renderRows, renderEmpty, renderLoading, showDraftPreview } from './js/list.js';
import { renderCard } from './js/card.js';
import { renderSettings, syncLanguage } from './js/settings.js';
import { nudgeLines, nudgeHtml } from './js/nudge.js';
import { when } from './js/time.js';
import { t, setLanguage, language } from './js/i18n.js';
import { renderReminders } from './js/reminders.js';
import { backgroundProblem, problemOf } from './js/background.js';
import { fetchThreads, fetchReminders } from './js/fetch.js';

const $ = id => document.getElementById(id);
const DIRECTIONS = ['theirs', 'mine'];
const state = {
  direction: 'theirs', threads: null, stale: false, lastSyncedAt: null, problem: null, reminders: null,
  host: null, api: null, localMode: false, userName: '',
};

/** The page's own words (taskpane.html is English until this runs), in the language chosen at start. */
function translatePage() {
  document.title = t('app.title');
  $('title').textContent = t('app.title');
  document.querySelector('.skip-link').textContent = t('app.skip');
  $('refresh').replaceChildren(icon(Icons.refresh), h('span', { text: t('refresh') }));
  $('refresh').title = t('refresh');
  $('open-settings').replaceChildren(icon(Icons.settings));
  $('open-settings').setAttribute('aria-label', t('settings'));
  $('list-view').querySelector('[role=tablist]').setAttribute('aria-label', t('app.title'));
  for (const d of DIRECTIONS) $(`tab-${d}`).firstChild.textContent = `${t(`tab.${d}`)} `;
}

function setBusy(busy) { $('content').setAttribute('aria-busy', String(busy)); }

function showError(error, retry) {
  setBusy(false);
  for (const d of DIRECTIONS) $(`count-${d}`).textContent = '';
  // No "Try again" where it cannot help: the pane opened outside Outlook with Entra ID, a server without its sign-in
  // library, or local mode's 401 (the pasted token: only a new token and a restart fix it, and the detail says how).
  const retryHelps = error.retry !== false && !(state.localMode && error.status === 401);
  fill($('panel'), h('div', { class: 'message message-error', role: 'alert' },
    h('p', {}, h('strong', { text: error.title || t('error.title') }), error.detail || t('error.detail')),
    retryHelps && h('button', { type: 'button', class: 'btn btn-small', text: t('tryAgain'), onclick: retry })));
}

function renderBanner() {
  const banner = $('banner');
  // A background-access problem (token expired, sign-in required…) says what to do; a plain outage says the list may be old.
  const problem = state.problem && backgroundProblem(state.problem, state.localMode);
  if (!problem && !state.stale) { banner.hidden = true; banner.replaceChildren(); return; }
  banner.hidden = false;
  banner.className = `message ${problem?.severity === 'error' ? 'message-error' : 'message-warning'}`;
  banner.setAttribute('role', problem ? 'alert' : 'status');
  const title = problem?.title ?? t('stale.title');
  const since = state.lastSyncedAt ? t('stale.since', { when: when(state.lastSyncedAt) }) : t('stale.noSync');
  const detail = problem?.detail ?? since;
  fill(banner, h('p', {}, h('strong', { text: title }), detail),
    problem?.code && h('p', { class: 'muted problem-code', text: t('problem.code', { code: problem.code }) }),
    problem?.action !== null && h('button', { type: 'button', class: 'btn btn-small', text: problem?.action ?? t('tryAgain'), onclick: () => load(true) }));
}

function renderFooter() {
  const parts = [];
  if (state.lastSyncedAt) parts.push(t('footer.updated', { when: when(state.lastSyncedAt) }));
  if (state.localMode) parts.push(t('footer.localMode'));
  $('footer').textContent = parts.join(' · ');
}

function renderList() {
  const threads = state.threads ?? [];
  for (const d of DIRECTIONS) $(`count-${d}`).textContent = String(threads.filter(th => th.direction === d).length);
  const shown = threads.filter(th => th.direction === state.direction);
  if (shown.length === 0) renderEmpty($('panel'), state.direction);
  else renderRows($('panel'), shown, actions);
  if (state.reminders) renderReminders($('reminders'), state.reminders, { remove: removeReminder });
  renderBanner();
  renderFooter();
  setBusy(false);
}

async function load(sync = false) {
  setBusy(true);
  renderLoading($('panel'));
  try {
    // One after the other: the first call may sign in (a popup at most once), the second reuses its token.
    const body = await fetchThreads(state.api, sync);
    const reminders = await fetchReminders(state.api);
    Object.assign(state, {
      threads: body.threads ?? [], stale: !!body.stale, lastSyncedAt: body.lastSyncedAt ?? null, problem: problemOf(body), reminders,
    });
    renderList();
    if (sync) announce(t('updated', { count: state.threads.length }));
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
    type: 'button', class: 'btn btn-small', text: t('undo'),
    onclick: async () => { el.hidden = true; await undo(); },
  }), h('button', {
    type: 'button', class: 'btn btn-small btn-subtle btn-icon', 'aria-label': t('closeMessage'), title: t('closeMessage'),
    onclick: () => { el.hidden = true; $('panel').focus(); },
  }, icon(Icons.close)));
}

const openReminder = th => th.reminder && ['scheduled', 'due'].includes(th.reminder.status) ? th.reminder : null;

const actions = {
  /** options.onlyWaiting (group rows): the draft goes to, and greets, only the people who have not answered. */
  async draft(thread, li, options = {}) {
    const onlyWaiting = !!options.onlyWaiting;
    const to = onlyWaiting ? { ...thread, counterparts: thread.waitingOn.map(p => p.address) } : thread;
    const lines = nudgeLines(to, state.userName);
    const item = state.host.item();
    if (!state.host.inOffice) {
      showDraftPreview(li, lines).querySelector('button')?.focus();
      return;
    }
    // Office.js can reply only to the open message; any other row gets a reply-all draft from Graph, opened in Outlook.
    if (!onlyWaiting && item?.internetMessageId && item.internetMessageId === thread.internetMessageId && typeof item.displayReplyAllForm === 'function') {
      state.host.replyAll(item, nudgeHtml(lines));
      return;
    }
    try {
      const { draftId } = await state.api.post(`/api/threads/${encodeURIComponent(thread.threadKey)}/draft`,
        { messageId: thread.messageId, comment: lines.join('\n'), ...(onlyWaiting ? { onlyWaiting: true } : {}) });
      state.host.openMessage(draftId);
    } catch (error) {
      toast(t('toast.noDraft', { reason: error.title }));
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
      toast([t('toast.snoozed', { when: when(remindAt) }), ...(saved?.warnings ?? [])].join(' '));
      announce(t('toast.snoozed', { when: when(remindAt) }));
      await load();
    } catch (error) {
      toast(t('toast.notSnoozed', { reason: error.title }));
    }
  },
  /** The waited-on people's phone numbers (GET /api/threads/{key}/phones); list.js asks once per thread it was given. */
  phones(thread) {
    return state.api.get(`/api/threads/${encodeURIComponent(thread.threadKey)}/phones`);
  },
  openUrl(url) {
    // The URL is the API's (escalation.teamsChatUrl), never built here.
    state.host.openUrl(url);
  },
  /** Closes the thread and its open reminders on the server (reason moved_on); a failure is thrown for the form to show. */
  async moveOn(thread, note) {
    const key = encodeURIComponent(thread.threadKey);
    await state.api.post(`/api/threads/${key}/dismiss`, { reason: 'moved_on', ...(note ? { note } : {}) });
    state.threads = state.threads.filter(th => th.threadKey !== thread.threadKey);
    renderList();
    $('panel').focus();
    const text = t('toast.movedOn', { subject: thread.subject || t('noSubject') });
    toast(text);
    announce(text);
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
      toast(t('toast.done', { subject: thread.subject || t('noSubject') }), async () => { await state.api.del(`/api/threads/${key}/dismiss`); await load(); });
      announce(t('toast.doneShort'));
    } catch (error) {
      toast(t('toast.notDone', { reason: error.title }));
    }
  },
};

/** Deletes a reminder (its Outlook flag is cleared by the API), whatever its state, then reloads the list. */
async function removeReminder(reminder) {
  const subject = reminder.subject || t('noSubject');
  try {
    await state.api.del(`/api/reminders/${encodeURIComponent(reminder.id)}`);
    toast(t('toast.reminderDeleted', { subject }));
    announce(t('toast.reminderDeleted', { subject }));
    await load();
  } catch (error) {
    toast(t('toast.reminderNotDeleted', { reason: error.title }));
  }
}

function showSettings(open) {
  $('open-settings').setAttribute('aria-pressed', String(open));
  $('list-view').hidden = open;
  $('card').hidden = open || !state.host?.inOffice;
  $('settings').hidden = !open;
  if (open) {
    renderSettings($('settings'), { api: state.api, onClose: saved => { showSettings(false); if (saved) load(true); } });
  } else {
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
}

async function start() {
  setLanguage(navigator.language);
  translatePage();
  wireTabs();
  renderLoading($('panel'));
  state.host = await detectHost();
  // Inside Outlook, Office's display language wins over the browser's.
  const office = state.host.displayLanguage();
  if (office && office !== navigator.language) {
    setLanguage(office);
    translatePage();
    renderLoading($('panel'));
  }
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
  // After the list, so it never delays it; one GET per open, a PATCH only when the language changed.
  await syncLanguage(state.api, language());
  document.documentElement.dataset.languageSynced = 'true';
}

start();
