// The follow-up text: short, polite and personal — a greeting by first name, the subject, a clear ask, a courteous close.

const PREFIX = /^\s*((re|aw|fw|fwd|wg|sv|antw)\s*:\s*)+/i;

/** The subject as a person would say it: without the "RE:"/"FW:" run, or a fallback when there is none. */
export function plainSubject(subject) {
  const s = (subject ?? '').replace(PREFIX, '').trim();
  return s || 'my earlier message';
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
  if (names.length === 1 && names[0]) return `Hi ${names[0]},`;
  if (names.length === 2 && names.every(Boolean)) return `Hi ${names[0]} and ${names[1]},`;
  return names.length > 1 ? 'Hi all,' : 'Hello,';
}

/** The lines of the draft, signed with the user's display name when the pane knows it. */
export function nudgeLines(thread, myName) {
  const subject = plainSubject(thread.subject);
  const name = String(myName ?? '').trim();
  if (thread.direction === 'mine') {
    return [greeting(thread.counterparts), '', `Thank you for your message about "${subject}", and sorry for the slow reply.`, ''];
  }
  return [
    greeting(thread.counterparts),
    '',
    `I wanted to follow up on my message about "${subject}". Could you let me know where this stands, or when I can expect an answer?`,
    '',
    'Thank you,',
    ...(name ? [name] : []),
  ];
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
