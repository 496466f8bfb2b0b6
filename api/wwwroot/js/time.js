// Ages, due times and snooze targets. Pure functions over Date so that the tests can pin the clock.

const HOUR = 3_600_000;

/** How long a thread has waited, in the words the pane shows: "5 hours", "1 day", "3 days". */
export function age(sinceIso, now = new Date()) {
  const hours = Math.max(0, Math.floor((now - new Date(sinceIso)) / HOUR));
  if (hours < 1) return 'less than an hour';
  if (hours < 24) return hours === 1 ? '1 hour' : `${hours} hours`;
  const days = Math.floor(hours / 24);
  return days === 1 ? '1 day' : `${days} days`;
}

/** A due time in the reader's locale and zone: "Tue, Nov 24, 9:00 AM". */
export function when(iso) {
  return new Intl.DateTimeFormat(undefined, {
    weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit',
  }).format(new Date(iso));
}

function atNine(date) {
  const d = new Date(date);
  d.setHours(9, 0, 0, 0);
  return d;
}

function addDays(date, days) {
  const d = new Date(date);
  d.setDate(d.getDate() + days);
  return d;
}

/** The snooze choices, each at 9:00 in the reader's zone, when a follow-up is most likely to be read. */
export function snoozeChoices(now = new Date()) {
  const daysToMonday = ((8 - now.getDay()) % 7) || 7;
  return [
    { key: 'tomorrow', label: 'Tomorrow', at: atNine(addDays(now, 1)) },
    { key: 'twoDays', label: 'In 2 days', at: atNine(addDays(now, 2)) },
    { key: 'nextWeek', label: 'Next week', at: atNine(addDays(now, daysToMonday)) },
  ];
}

/** The value of an <input type="datetime-local"> (local time, minutes) for a Date. */
export function toLocalInput(date) {
  const pad = n => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
