// The pane's five languages. Every message is whole, with named {placeholders}; plurals pick a form through
// Intl.PluralRules. No sentence is ever assembled from translated pieces.
import en from './locales/en.js';
import it from './locales/it.js';
import de from './locales/de.js';
import fr from './locales/fr.js';
import es from './locales/es.js';

export const CATALOGS = { en, it, de, fr, es };
export const LANGUAGES = Object.keys(CATALOGS);

let current = { language: 'en', locale: 'en-US' };

/** "it-IT" → it; "pt-BR" → en (not offered); the full tag stays the locale for dates, numbers and plurals. */
export function pickLanguage(tag) {
  const language = String(tag ?? '').toLowerCase().split(/[-_]/)[0];
  return CATALOGS[language] ? language : 'en';
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

function select(entry, count, lang, type) {
  if (typeof entry === 'string') return entry;
  const rule = new Intl.PluralRules(lang, { type }).select(Number(count));
  return entry[rule] ?? entry.other;
}

/**
 * t('snoozedUntil', { when: '…' }): the message in the current language (English when a key is missing there).
 * A plural entry picks its form by {count}; by {ordinal} instead when that is given ("1st", "2nd": one, two, few, other).
 */
export function t(key, params = {}) {
  const own = CATALOGS[current.language][key];
  const entry = own ?? en[key];
  if (entry === undefined) throw new Error(`No message ${key}`);
  const lang = own === undefined ? 'en' : current.locale;
  const text = 'ordinal' in params ? select(entry, params.ordinal, lang, 'ordinal') : select(entry, params.count, lang, 'cardinal');
  // A value ending in a full stop ("8. Dez.", "8 déc.") where the sentence ends too: one stop, not two.
  return text.replace(/\{(\w+)\}(\.?)/g, (whole, name, stop) => {
    if (!(name in params)) return whole;
    const value = String(params[name]);
    return value + (stop && value.endsWith('.') ? '' : stop);
  });
}

/** A list of names joined the way the language joins them: "Ana, Ben and Carla", "Ana, Ben e Carla". */
export function list(items) {
  return new Intl.ListFormat(current.locale, { style: 'long', type: 'conjunction' }).format(items.map(String));
}
