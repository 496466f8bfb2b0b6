using System.Globalization;

namespace OutlookFollowUp.Localization;

/// <summary>
/// The operands CLDR's rules read from a number as written: n its absolute value, i its integer digits, v and w how
/// many fraction digits with and without trailing zeros, f and t those digits, e the exponent of "1.2c6".
/// </summary>
internal readonly record struct PluralOperands(decimal N, decimal I, int V, int W, decimal F, decimal T, int E)
{
    public static PluralOperands Parse(string number)
    {
        var text = number.Trim().TrimStart('-');
        var exponent = 0;
        var c = text.IndexOfAny(['c', 'e']);
        if (c >= 0)
        {
            exponent = int.Parse(text[(c + 1)..], CultureInfo.InvariantCulture);
            text = text[..c];
        }

        var point = text.IndexOf('.', StringComparison.Ordinal);
        var integer = point < 0 ? text : text[..point];
        var fraction = point < 0 ? "" : text[(point + 1)..];
        // 1.1c6 is 1100000: the exponent moves the point right, into zeros when the fraction runs out.
        var moved = Math.Min(exponent, fraction.Length);
        integer += fraction[..moved] + new string('0', exponent - moved);
        fraction = fraction[moved..];
        var trimmed = fraction.TrimEnd('0');
        var i = decimal.Parse(integer, CultureInfo.InvariantCulture);
        return new PluralOperands(
            N: fraction.Length == 0 ? i : decimal.Parse($"{integer}.{fraction}", CultureInfo.InvariantCulture),
            I: i,
            V: fraction.Length,
            W: trimmed.Length,
            F: fraction.Length == 0 ? 0 : decimal.Parse(fraction, CultureInfo.InvariantCulture),
            T: trimmed.Length == 0 ? 0 : decimal.Parse(trimmed, CultureInfo.InvariantCulture),
            E: exponent);
    }

    public decimal this[char operand] => operand switch
    {
        'n' => N,
        'i' => I,
        'v' => V,
        'w' => W,
        'f' => F,
        't' => T,
        'c' or 'e' => E,
        _ => throw new FormatException($"CLDR has no plural operand '{operand}'."),
    };
}

/// <summary>
/// One CLDR plural rule ("n % 10 = 3 and n % 100 != 13"): relations joined by "and", those joined by "or"; a range
/// "2..4" holds integers only, so 2.5 is not in it. The samples after '@' are left out; an empty rule is "other".
/// </summary>
internal sealed class PluralRule
{
    private readonly Relation[][] _anyOf;

    private PluralRule(Relation[][] anyOf) => _anyOf = anyOf;

    public static PluralRule Parse(string rule)
    {
        var condition = rule.Split('@')[0].Trim();
        return new PluralRule(condition.Length == 0
            ? [[]]
            : [.. condition.Split(" or ").Select(all => all.Split(" and ").Select(Relation.Parse).ToArray())]);
    }

    public bool Matches(PluralOperands operands) => _anyOf.Any(all => all.All(r => r.Matches(operands)));

    private sealed record Relation(char Operand, decimal? Modulo, bool Equal, (decimal From, decimal To)[] Ranges)
    {
        public static Relation Parse(string relation)
        {
            var equal = !relation.Contains("!=", StringComparison.Ordinal);
            var sides = relation.Split(equal ? "=" : "!=");
            var expression = sides[0].Split('%', StringSplitOptions.TrimEntries);
            var ranges = sides[1].Split(',', StringSplitOptions.TrimEntries).Select(range =>
            {
                var ends = range.Split("..");
                return (Number(ends[0]), Number(ends[^1]));
            });
            return new Relation(expression[0].Single(), expression.Length > 1 ? Number(expression[1]) : null, equal, [.. ranges]);
        }

        public bool Matches(PluralOperands operands)
        {
            var value = Modulo is { } m ? operands[Operand] % m : operands[Operand];
            var inside = Ranges.Any(r => value == r.From || (value == decimal.Truncate(value) && value >= r.From && value <= r.To));
            return inside == Equal;
        }

        private static decimal Number(string text) => decimal.Parse(text.Trim(), CultureInfo.InvariantCulture);
    }
}
