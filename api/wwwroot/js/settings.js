// Settings: which threads to list, the window slider inside the tenant's bounds, business days, time zone, lookback, exclusions.
import { h, fill, announce } from './dom.js';
import { t } from './i18n.js';


const lines = text => text.split(/[\n,;]/).map(v => v.trim()).filter(Boolean);

function field(id, label, control, hint) {
  const hintId = hint ? `${id}-hint` : null;
  if (hintId) control.setAttribute('aria-describedby', `${hintId} ${id}-error`);
  return h('div', { class: 'field' }, h('label', { for: id, text: label }), control,
    hint && h('p', { class: 'hint', id: hintId, text: hint }), h('p', { class: 'error', id: `${id}-error` }));
}

/** ctx: { api, onClose(saved) } */
export async function renderSettings(section, ctx) {
  const title = h('h2', { id: 'settings-title', tabindex: '-1', text: t('settings') });
  let listChanged = false; // the switch below saves at once: going back then shows the other list
  const back = h('button', { type: 'button', class: 'btn btn-subtle', text: t('settings.back'), onclick: () => ctx.onClose(listChanged) });
  fill(section, title, h('p', { class: 'muted', text: t('settings.loading') }));
  title.focus();
  let s;
  try {
    s = await ctx.api.get('/api/settings');
  } catch (error) {
    const text = error.status === 404 ? t('settings.none') : t('settings.notLoaded', { reason: error.title });
    fill(section, title, h('div', { class: 'message message-error', role: 'alert' }, h('p', { text })), back);
    return;
  }

  const { min, max } = s.allowedWindowHours;
  const window = h('input', { type: 'range', id: 'window', min, max, step: 1, value: Math.min(max, Math.max(min, s.windowHours ?? 48)) });
  const windowValue = h('output', { for: 'window', id: 'window-value' });
  const showWindow = () => {
    windowValue.textContent = t('settings.hours', { count: Number(window.value) });
    window.setAttribute('aria-valuetext', t('settings.hours', { count: Number(window.value) }));
  };
  window.addEventListener('input', showWindow);
  showWindow();
  const business = h('input', { type: 'checkbox', id: 'business-days', checked: !!s.businessDays });
  const flags = h('input', { type: 'checkbox', id: 'outlook-flags', checked: !!s.setOutlookFlags });
  // The morning digest is offered when the API has it (its value is the user's choice or the admin's default).
  const digest = 'digest' in s ? h('input', { type: 'checkbox', id: 'digest', checked: !!s.digest, 'aria-describedby': 'digest-hint' }) : null;
  const status = h('p', { role: 'status', class: 'muted' });
  // Every unanswered thread, or only those whose last message asks: offered when the API has it, saved as it flips.
  const everyThread = 'allUnanswered' in s
    ? h('input', { type: 'checkbox', role: 'switch', id: 'all-unanswered', checked: !!s.allUnanswered, 'aria-describedby': 'all-unanswered-hint' }) : null;
  everyThread?.addEventListener('change', async () => {
    everyThread.disabled = true;
    try {
      await ctx.api.patch('/api/settings', { allUnanswered: everyThread.checked });
      listChanged = !listChanged;
      status.textContent = t('settings.saved');
      announce(t('settings.savedAnnounce'));
    } catch (error) {
      everyThread.checked = !everyThread.checked;
      status.textContent = t('settings.notSaved', { reason: error.title });
    } finally {
      everyThread.disabled = false;
    }
  });
  const colleagues = 'colleagueAnswers' in s
    ? h('input', { type: 'checkbox', id: 'colleague-answers', checked: !!s.colleagueAnswers, 'aria-describedby': 'colleague-answers-hint' }) : null;
  // A route that is off says which permission would turn it on (an administrator grants it).
  const routesOff = (s.routes ?? []).filter(r => !r.on && (r.route === 'teams' || r.route === 'meetings'))
    .map(r => h('p', { class: 'hint route-off', text: t(`settings.routeOff.${r.route}`, { permission: r.permission }) }));
  const zone = h('input', { type: 'text', id: 'time-zone', value: s.timeZone ?? '', placeholder: t('settings.zonePlaceholder'), autocomplete: 'off', spellcheck: 'false' });
  const lookback = h('input', { type: 'number', id: 'lookback', min: s.allowedLookbackDays?.min ?? 1, max: s.allowedLookbackDays?.max, value: s.lookbackDays ?? 14 });
  const senders = h('textarea', { id: 'excluded-senders', rows: 3 });
  senders.value = (s.excludedSenders ?? []).join('\n');
  const domains = h('textarea', { id: 'excluded-domains', rows: 3 });
  domains.value = (s.excludedDomains ?? []).join('\n');
  const tenant = s.tenantExcludedDomains?.length
    ? t('settings.tenantExcludes', { domains: s.tenantExcludedDomains.join(', ') }) : t('settings.oneDomain');

  const form = h('form', { class: 'form', novalidate: true },
    everyThread && h('div', { class: 'field' }, h('label', { class: 'check' }, everyThread, t('settings.allUnanswered')),
      h('p', { class: 'hint', id: 'all-unanswered-hint', text: t('settings.allUnansweredHint') })),
    h('div', { class: 'field' },
      h('label', { for: 'window', text: t('settings.window') }), window, windowValue,
      h('p', { class: 'hint', text: t('settings.windowRange', { min, max }) }), h('p', { class: 'error', id: 'window-error' })),
    h('div', { class: 'field' }, h('label', { class: 'check' }, business, t('settings.business'))),
    field('time-zone', t('settings.zone'), zone, t('settings.zoneHint')),
    field('lookback', t('settings.lookback'), lookback),
    field('excluded-senders', t('settings.senders'), senders, t('settings.oneAddress')),
    field('excluded-domains', t('settings.domains'), domains, tenant),
    h('div', { class: 'field' }, h('label', { class: 'check' }, flags, t('settings.flags'))),
    digest && h('div', { class: 'field' }, h('label', { class: 'check' }, digest, t('settings.digest')),
      h('p', { class: 'hint', id: 'digest-hint', text: t('settings.digestHint') })),
    colleagues && h('div', { class: 'field' }, h('label', { class: 'check' }, colleagues, t('settings.colleagues')),
      h('p', { class: 'hint', id: 'colleague-answers-hint', text: t('settings.colleaguesHint') }), ...routesOff),
    h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'btn btn-primary', text: t('save') }), back),
    status);

  form.addEventListener('submit', async e => {
    e.preventDefault();
    for (const el of form.querySelectorAll('.error')) el.textContent = '';
    const body = {
      windowHours: Number(window.value), businessDays: business.checked, timeZone: zone.value.trim() || null,
      lookbackDays: Number(lookback.value), excludedSenders: lines(senders.value), excludedDomains: lines(domains.value),
      setOutlookFlags: flags.checked,
      ...(digest ? { digest: digest.checked } : {}),
      ...(everyThread ? { allUnanswered: everyThread.checked } : {}),
      ...(colleagues ? { colleagueAnswers: colleagues.checked } : {}),
    };
    try {
      await ctx.api.put('/api/settings', body);
      status.textContent = t('settings.saved');
      announce(t('settings.savedAnnounce'));
      ctx.onClose(true);
    } catch (error) {
      status.textContent = t('settings.notSaved', { reason: error.title });
      showFieldErrors(form, error.errors);
    }
  });
  fill(section, title, form);
}

/**
 * What the server writes to the user (the morning digest) follows the pane's language, picked from Office's display
 * language: told once, when the stored one differs (null is English). Only the language is sent (PATCH), so the
 * settings form and a user's untouched defaults are left alone. Failing is harmless: the next open tries again.
 */
export async function syncLanguage(api, wanted) {
  try {
    const s = await api.get('/api/settings');
    if (!s || !('language' in s) || (s.language ?? 'en') === wanted) return false;
    await api.patch('/api/settings', { language: wanted });
    return true;
  } catch {
    return false;
  }
}

const FIELD_IDS = {
  windowhours: 'window', timezone: 'time-zone', lookbackdays: 'lookback', excludedsenders: 'excluded-senders', excludeddomains: 'excluded-domains',
};

function showFieldErrors(form, errors) {
  for (const [name, messages] of Object.entries(errors ?? {})) {
    const id = FIELD_IDS[name.toLowerCase().replace(/\[.*$/, '')];
    const target = id && form.querySelector(`#${id}-error`);
    if (target) target.textContent = messages.join(' ');
  }
}
