// One catalog message in the part of ICU MessageFormat the catalogs use: text, {name}, and
// {count, plural, one {…} other {…}} or {n, selectordinal, …} with CLDR's categories or an exact =0. An apostrophe is
// plain text. The server reads the same syntax the same way (Localization/Message.cs).
const parsed = new Map();

/** The message's parts: strings, { name }, and { name, ordinal, branches: [[selector, parts, source]] }. */
export function parse(source) {
  let cached = parsed.get(source);
  if (!cached) parsed.set(source, cached = parseParts(source, { at: 0 }, false));
  return cached;
}

function parseParts(source, position, inBranch) {
  const parts = [];
  let words = '';
  for (; position.at < source.length && !(inBranch && source[position.at] === '}'); position.at++) {
    const c = source[position.at];
    if (c === '}') throw new Error(`An unmatched '}' at ${position.at} in "${source}".`);
    if (c !== '{') { words += c; continue; }
    if (words) { parts.push(words); words = ''; }
    parts.push(parseArgument(source, position));
  }
  if (inBranch && position.at >= source.length) throw new Error(`A form is not closed in "${source}".`);
  if (words) parts.push(words);
  return parts;
}

// At the '{' of an argument; leaves position on its closing '}'.
function parseArgument(source, position) {
  const name = until(source, position, ',}');
  if (!/^\w+$/.test(name)) throw new Error(`"${name}" is not an argument name in "${source}".`);
  if (source[position.at] === '}') return { name };
  const kind = until(source, position, ',');
  if (kind !== 'plural' && kind !== 'selectordinal') throw new Error(`"${kind}" is not plural or selectordinal in "${source}".`);
  const branches = [];
  for (;;) {
    const selector = until(source, position, '{}');
    if (source[position.at] === '}') break;
    const start = ++position.at;
    branches.push([selector, parseParts(source, position, true), source.slice(start, position.at)]);
  }
  if (!branches.some(([selector]) => selector === 'other')) throw new Error(`{${name}, ${kind}} has no 'other' form in "${source}".`);
  return { name, ordinal: kind === 'selectordinal', branches };
}

function until(source, position, stops) {
  const start = ++position.at;
  while (position.at < source.length && !stops.includes(source[position.at])) position.at++;
  if (position.at >= source.length) throw new Error(`An argument is not closed in "${source}".`);
  return source.slice(start, position.at).trim();
}

/**
 * The message with params filled in (a missing one stays as {name}); a plural picks its form by its argument's number
 * (no number: 'other') through category (plural.js). A value ending in a full stop where the message has one too
 * ("8 déc." then ".") keeps one stop.
 */
export function format(source, language, params, category) {
  let out = '';
  let valueEndsInStop = false;
  const write = parts => {
    for (const part of parts) {
      if (typeof part === 'string') {
        out += valueEndsInStop && part.startsWith('.') ? part.slice(1) : part;
        valueEndsInStop = false;
      } else if (!part.branches) {
        const value = part.name in params ? String(params[part.name]) : `{${part.name}}`;
        out += value;
        valueEndsInStop = value.endsWith('.');
      } else {
        write(pick(part, params[part.name], language, category));
      }
    }
  };
  write(parse(source));
  return out;
}

function pick(plural, number, language, category) {
  const n = number === undefined || number === null || number === '' || !Number.isFinite(Number(number)) ? null : number;
  const exact = n === null ? undefined : plural.branches.find(([selector]) => selector.startsWith('=') && Number(selector.slice(1)) === Number(n));
  const form = n === null ? 'other' : category(language, n, plural.ordinal ? 'ordinal' : 'cardinal');
  return (exact ?? plural.branches.find(([selector]) => selector === form) ?? plural.branches.find(([selector]) => selector === 'other'))[1];
}

/** A message as forms to read: the text itself, or, for one that is a single plural, its text by category. */
export function forms(source) {
  const parts = parse(source);
  if (parts.length !== 1 || typeof parts[0] === 'string' || !parts[0].branches) return source;
  return Object.fromEntries(parts[0].branches.map(([selector, , text]) => [selector, text]));
}
