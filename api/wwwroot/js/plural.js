// CLDR's plural rules, from locales/plurals.json (CLDR 48's supplemental plurals and ordinals, trimmed to the five
// languages, which i18n.js loads); the server evaluates the same file the same way (Localization/PluralRule.cs).

/** CLDR's operands of a number as written: "1.50" has two fraction digits, "1.1c6" is 1.1 × 10⁶. */
export function operands(number) {
  let text = String(number).trim().replace(/^-/, '');
  let e = 0;
  const c = text.search(/[ce]/);
  if (c >= 0) { e = Number(text.slice(c + 1)); text = text.slice(0, c); }
  let [integer, fraction = ''] = text.split('.');
  // The exponent moves the point right, into zeros when the fraction runs out.
  const moved = Math.min(e, fraction.length);
  integer += fraction.slice(0, moved) + '0'.repeat(e - moved);
  fraction = fraction.slice(moved);
  const trimmed = fraction.replace(/0+$/, '');
  const i = Number(integer);
  return { n: Number(fraction ? `${integer}.${fraction}` : integer), i, v: fraction.length, w: trimmed.length, f: Number(fraction || 0), t: Number(trimmed || 0), e, c: e };
}

// "n % 10 = 3 and n % 100 != 13 or …": a range "2..4" holds integers only; the samples after '@' are left out.
function compile(rule) {
  const condition = rule.split('@')[0].trim();
  if (!condition) return () => true;
  const anyOf = condition.split(' or ').map(all => all.split(' and ').map(relation => {
    const equal = !relation.includes('!=');
    const [expression, list] = relation.split(equal ? '=' : '!=');
    const [operand, modulo] = expression.split('%').map(s => s.trim());
    const ranges = list.split(',').map(range => range.split('..').map(Number)).map(([from, to = from]) => [from, to]);
    return o => {
      const value = modulo === undefined ? o[operand] : o[operand] % Number(modulo);
      const inside = ranges.some(([from, to]) => value === from || (Number.isInteger(value) && value >= from && value <= to));
      return inside === equal;
    };
  }));
  return o => anyOf.some(all => all.every(relation => relation(o)));
}

const TABLES = data => [['cardinal', data.supplemental['plurals-type-cardinal']], ['ordinal', data.supplemental['plurals-type-ordinal']]];

/**
 * The rules of plurals.json as category(language, number, type): 'one', 'few', 'many', 'other'… for number in
 * language ('en' when not one of the five); type 'ordinal' ranks ("2nd").
 */
export function pluralRules(data) {
  const rules = {};
  for (const [type, table] of TABLES(data)) {
    for (const [language, named] of Object.entries(table)) {
      rules[`${type}:${language}`] = Object.entries(named).map(([name, rule]) => [name.replace('pluralRule-count-', ''), compile(rule)]);
    }
  }
  return (language, number, type = 'cardinal') => {
    const o = operands(number);
    return (rules[`${type}:${language}`] ?? rules[`${type}:en`]).find(([, matches]) => matches(o))?.[0] ?? 'other';
  };
}
