// The pane's five languages. Each catalog (locales/en.json…) is shared with the server: one entry per sentence,
// ICU-style {placeholders} and {count, plural, …} forms picked by CLDR's rules (plural.js). No sentence is ever
// assembled from translated pieces.
import { format, forms } from './message.js';
import { pluralRules } from './plural.js';

// Fetched rather than imported as JSON modules, which older Outlook web views (Safari before 17.2) cannot load.
async function load(name) {
  const response = await fetch(new URL(`./locales/${name}.json`, import.meta.url));
  if (!response.ok) throw new Error(`The pane's texts (locales/${name}.json) could not be loaded: ${response.status}`);
  return response.json();
}

const [plurals, en, it, de, fr, es] = await Promise.all(['plurals', 'en', 'it', 'de', 'fr', 'es'].map(load));
const SOURCES = { en, it, de, fr, es };
const category = pluralRules(plurals);

/** Each language's messages as forms to read: the text, or a plural's text by category ({ one, other }). */
export const CATALOGS = Object.fromEntries(Object.entries(SOURCES).map(([lang, catalog]) =>
  [lang, Object.fromEntries(Object.entries(catalog).map(([key, message]) => [key, forms(message)]))]));
export const LANGUAGES = Object.keys(SOURCES);

let current = { language: 'en', locale: 'en-US' };

/** "it-IT" → it; "pt-BR" → en (not offered); the full tag stays the locale for dates and numbers. */
export function pickLanguage(tag) {
  const language = String(tag ?? '').toLowerCase().split(/[-_]/)[0];
  return SOURCES[language] ? language : 'en';
}

/** tag: Office's display language inside Outlook, else the browser's. */
export function setLanguage(tag) {
  const language = pickLanguage(tag);
  let locale = language;
  try {
    // Keep the region (de-CH, es-MX) for dates when the tag names one in this language; else the language alone.
    const canonical = Intl.getCanonicalLocales(String(tag ?? ''))[0];
    if (canonical && canonical.toLowerCase().split('-')[0] === language) locale = canonical;
  } catch { /* not a valid tag: the language alone */ }
  current = { language, locale };
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
  return current;
}

export const language = () => current.language;
export const locale = () => current.locale;

/**
 * t('toast.snoozed', { when: '…' }): the message in the current language (English when a key is missing there), its
 * plural form picked by the number its message names ({count}; {ordinal} for "1st", "2nd").
 */
export function t(key, params = {}) {
  const own = SOURCES[current.language][key];
  const message = own ?? en[key];
  if (message === undefined) throw new Error(`No message ${key}`);
  return format(message, own === undefined ? 'en' : current.language, params, category);
}

/** A message the server says without a full stop, as a sentence of the pane: with one ("… moved to 8 déc." keeps its own). */
export const sentence = text => (text.endsWith('.') ? text : `${text}.`);

/** A list of names joined the way the language joins them: "Ana, Ben and Carla", "Ana, Ben e Carla". */
export function list(items) {
  return new Intl.ListFormat(current.locale, { style: 'long', type: 'conjunction' }).format(items.map(String));
}
