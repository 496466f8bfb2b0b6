// The follow-up text: short, polite and personal — a greeting by first name, the subject, a clear ask, a courteous close.
import { t, list } from './i18n.js';

// Reply and forward prefixes, Outlook's localized ones too (Italian R:/RIF:, French TR:, Spanish RV:).
const PREFIX = /^\s*((re|aw|fw|fwd|wg|sv|antw|r|rif|tr|rv)\s*:\s*)+/i;

/** The subject as a person would say it: without the "RE:"/"FW:" run; '' when nothing is left. */
export function plainSubject(subject) {
  return (subject ?? '').replace(PREFIX, '').trim();
}

/** "ana.silva@fabrikam.com" → "Ana"; null when the address does not look like a person's name ("h.kim", "sales"). */
export function firstName(address) {
  const local = String(address ?? '').split('@')[0];
  const parts = local.split(/[._\-+]/).filter(Boolean);
  if (parts.length < 2) return null; // a single token is more often a role ("sales", "info") than a name
  const first = parts[0];
  if (first.length < 2 || !/^\p{L}+$/u.test(first)) return null;
  return first[0].toLocaleUpperCase() + first.slice(1).toLocaleLowerCase();
}

export function greeting(counterparts) {
  const names = (counterparts ?? []).map(firstName);
  if ((names.length === 1 || names.length === 2) && names.every(Boolean)) return t('nudge.hi', { names: list(names) });
  return names.length > 1 ? t('nudge.hiAll') : t('nudge.hello');
}

/** The lines of the draft, in the pane's language, signed with the user's display name when the pane knows it. */
export function nudgeLines(thread, myName) {
  const subject = plainSubject(thread.subject);
  const name = String(myName ?? '').trim();
  const about = subject ? 'Subject' : 'NoSubject';
  // Languages that address one person and several differently (Lei/voi, usted/ustedes) pick by the recipients' count.
  const count = Math.max(1, (thread.counterparts ?? []).length);
  if (thread.direction === 'mine') {
    return [greeting(thread.counterparts), '', t(`nudge.mine${about}`, { subject, count }), ''];
  }
  return [greeting(thread.counterparts), '', t(`nudge.theirs${about}`, { subject, count }), '', t('nudge.thanks'), ...(name ? [name] : [])];
}

/** The draft as HTML for displayReplyAllForm, built through the DOM so that a subject's markup stays text. */
export function nudgeHtml(lines) {
  const div = document.createElement('div');
  for (const line of lines) {
    const p = document.createElement('p');
    if (line) p.textContent = line; else p.append(document.createElement('br'));
    div.append(p);
  }
  return div.innerHTML;
}
