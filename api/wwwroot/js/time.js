// Ages, due times and snooze targets. Pure functions over Date so that the tests can pin the clock.
import { t, locale } from './i18n.js';

const HOUR = 3_600_000;

/** How long a thread has waited, in the reader's language: "5 hours", "1 day", "3 giorni". */
export function age(sinceIso, now = new Date()) {
  const hours = Math.max(0, Math.floor((now - new Date(sinceIso)) / HOUR));
  if (hours < 1) return t('age.lessThanHour');
  return hours < 24 ? duration(hours, 'hour') : duration(Math.floor(hours / 24), 'day');
}

/** "3 days", "3 Tage": the unit's own plural, from Intl. */
export function duration(count, unit) {
  return new Intl.NumberFormat(locale(), { style: 'unit', unit, unitDisplay: 'long' }).format(count);
}

/** "3 days ago", "vor 3 Tagen", "hace 3 días": the language's own grammar for a past time, from Intl. */
export function ago(count, unit) {
  return new Intl.RelativeTimeFormat(locale(), { numeric: 'always' }).format(-count, unit);
}

/** A due time in the reader's locale and zone: "Tue, Nov 24, 9:00 AM", "mar 24 nov, 09:00". */
export function when(iso) {
  return new Intl.DateTimeFormat(locale(), {
    weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit',
  }).format(new Date(iso));
}

/**
 * The end of an absence in the reader's locale and zone. An end at midnight means the day before was the last one
 * away, so it reads as that day alone ("Wed, Nov 25"); any other end as a due time ("Thu, Nov 26, 2:00 PM").
 */
export function untilWhen(iso) {
  const end = new Date(iso);
  if (end.getHours() !== 0 || end.getMinutes() !== 0) return when(iso);
  return new Intl.DateTimeFormat(locale(), { weekday: 'short', month: 'short', day: 'numeric' }).format(addDays(end, -1));
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
    { key: 'tomorrow', label: t('snooze.tomorrow'), at: atNine(addDays(now, 1)) },
    { key: 'twoDays', label: t('snooze.twoDays'), at: atNine(addDays(now, 2)) },
    { key: 'nextWeek', label: t('snooze.nextWeek'), at: atNine(addDays(now, daysToMonday)) },
  ];
}

/** The value of an <input type="datetime-local"> (local time, minutes) for a Date. */
export function toLocalInput(date) {
  const pad = n => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
