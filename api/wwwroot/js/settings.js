// Settings: the window slider inside the tenant's bounds, business days, time zone, lookback, exclusions.
import { h, fill, announce } from './dom.js';


const lines = text => text.split(/[\n,;]/).map(v => v.trim()).filter(Boolean);

function field(id, label, control, hint) {
  const hintId = hint ? `${id}-hint` : null;
  if (hintId) control.setAttribute('aria-describedby', `${hintId} ${id}-error`);
  return h('div', { class: 'field' }, h('label', { for: id, text: label }), control,
    hint && h('p', { class: 'hint', id: hintId, text: hint }), h('p', { class: 'error', id: `${id}-error` }));
}

/** ctx: { api, onClose(saved) } */
export async function renderSettings(section, ctx) {
  const title = h('h2', { id: 'settings-title', tabindex: '-1', text: 'Settings' });
  const back = h('button', { type: 'button', class: 'btn btn-subtle', text: 'Back to follow-ups', onclick: () => ctx.onClose(false) });
  fill(section, title, h('p', { class: 'muted', text: 'Loading settings…' }));
  title.focus();
  let s;
  try {
    s = await ctx.api.get('/api/settings');
  } catch (error) {
    const text = error.status === 404 ? 'This server does not offer settings yet.' : `Settings could not be loaded: ${error.title}`;
    fill(section, title, h('div', { class: 'message message-error', role: 'alert' }, h('p', { text })), back);
    return;
  }

  const { min, max } = s.allowedWindowHours;
  const window = h('input', { type: 'range', id: 'window', min, max, step: 1, value: Math.min(max, Math.max(min, s.windowHours ?? 48)) });
  const windowValue = h('output', { for: 'window', id: 'window-value' });
  const showWindow = () => {
    windowValue.textContent = `${window.value} hours`;
    window.setAttribute('aria-valuetext', `${window.value} hours`);
  };
  window.addEventListener('input', showWindow);
  showWindow();
  const business = h('input', { type: 'checkbox', id: 'business-days', checked: !!s.businessDays });
  const flags = h('input', { type: 'checkbox', id: 'outlook-flags', checked: !!s.setOutlookFlags });
  const zone = h('input', { type: 'text', id: 'time-zone', value: s.timeZone ?? '', placeholder: 'Mailbox time zone', autocomplete: 'off', spellcheck: 'false' });
  const lookback = h('input', { type: 'number', id: 'lookback', min: s.allowedLookbackDays?.min ?? 1, max: s.allowedLookbackDays?.max, value: s.lookbackDays ?? 14 });
  const senders = h('textarea', { id: 'excluded-senders', rows: 3 });
  senders.value = (s.excludedSenders ?? []).join('\n');
  const domains = h('textarea', { id: 'excluded-domains', rows: 3 });
  domains.value = (s.excludedDomains ?? []).join('\n');
  const tenant = s.tenantExcludedDomains?.length ? `Your organization also excludes: ${s.tenantExcludedDomains.join(', ')}.` : 'One domain per line.';
  const status = h('p', { role: 'status', class: 'muted' });

  const form = h('form', { class: 'form', novalidate: true },
    h('div', { class: 'field' },
      h('label', { for: 'window', text: 'Wait before a thread counts as unanswered' }), window, windowValue,
      h('p', { class: 'hint', text: `Your organization allows ${min} to ${max} hours.` }), h('p', { class: 'error', id: 'window-error' })),
    h('div', { class: 'field' }, h('label', { class: 'check' }, business, 'Count business days only (Monday to Friday)')),
    field('time-zone', 'Time zone', zone, 'An IANA name such as Europe/Paris; empty uses your mailbox’s.'),
    field('lookback', 'Look back (days)', lookback),
    field('excluded-senders', 'Never list mail with these people', senders, 'One address per line.'),
    field('excluded-domains', 'Never list mail with these domains', domains, tenant),
    h('div', { class: 'field' }, h('label', { class: 'check' }, flags, 'Also flag the messages in Outlook')),
    h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'btn btn-primary', text: 'Save' }), back),
    status);

  form.addEventListener('submit', async e => {
    e.preventDefault();
    for (const el of form.querySelectorAll('.error')) el.textContent = '';
    const body = {
      windowHours: Number(window.value), businessDays: business.checked, timeZone: zone.value.trim() || null,
      lookbackDays: Number(lookback.value), excludedSenders: lines(senders.value), excludedDomains: lines(domains.value),
      setOutlookFlags: flags.checked,
    };
    try {
      await ctx.api.put('/api/settings', body);
      status.textContent = 'Saved.';
      announce('Settings saved.');
      ctx.onClose(true);
    } catch (error) {
      status.textContent = `Not saved: ${error.title}`;
      showFieldErrors(form, error.errors);
    }
  });
  fill(section, title, form);
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
