using System.Globalization;
using System.Text;

namespace OutlookFollowUp.Localization;

/// <summary>
/// One catalog message in the part of ICU MessageFormat the catalogs use: text, <c>{name}</c>, and
/// <c>{count, plural, one {…} other {…}}</c> or <c>{n, selectordinal, …}</c> with CLDR's categories or an exact
/// <c>=0</c>. An apostrophe is plain text (no message needs a literal brace). The pane's <c>js/message.js</c> reads
/// the same syntax the same way.
/// </summary>
internal sealed class Message
{
    private readonly Part[] _parts;

    private Message(Part[] parts) => _parts = parts;

    private abstract record Part;

    private sealed record Literal(string Text) : Part;

    private sealed record Argument(string Name) : Part;

    private sealed record Plural(string Name, bool Ordinal, (string Selector, Part[] Parts)[] Branches) : Part;

    /// <summary>The message, or a <see cref="FormatException"/> saying where it is malformed.</summary>
    public static Message Parse(string source)
    {
        var position = 0;
        var parts = ParseParts(source, ref position, inBranch: false);
        return new Message(parts);
    }

    /// <summary>Every argument the message names, with "plural" or "selectordinal" for those that pick a form.</summary>
    public IEnumerable<(string Name, string Kind)> Arguments() => ArgumentsOf(_parts).Distinct();

    /// <summary>
    /// The message with its arguments filled in: <paramref name="text"/> gives a value as written, <paramref name="number"/>
    /// the number a plural picks its form by; <paramref name="literal"/> writes the message's own words (encodes them for
    /// HTML, say). A value ending in a full stop where the message has one too ("8 déc." then ".") keeps one stop.
    /// </summary>
    public string Format(string language, Func<string, string> text, Func<string, decimal> number, Func<string, string> literal)
    {
        var output = new StringBuilder();
        var valueEndsInStop = false;
        Write(_parts);
        return output.ToString();

        void Write(Part[] parts)
        {
            foreach (var part in parts)
            {
                switch (part)
                {
                    case Literal { Text: var words }:
                        output.Append(literal(valueEndsInStop && words.StartsWith('.') ? words[1..] : words));
                        valueEndsInStop = false;
                        break;
                    case Argument { Name: var name }:
                        var value = text(name);
                        output.Append(value);
                        valueEndsInStop = value.EndsWith('.');
                        break;
                    case Plural plural:
                        Write(Pick(plural, number(plural.Name), language));
                        break;
                }
            }
        }
    }

    private static Part[] Pick(Plural plural, decimal n, string language)
    {
        var category = PluralRules.Category(language, n, plural.Ordinal);
        return plural.Branches.FirstOrDefault(b => b.Selector.StartsWith('=') && decimal.Parse(b.Selector[1..], CultureInfo.InvariantCulture) == n).Parts
            ?? plural.Branches.FirstOrDefault(b => b.Selector == category).Parts
            ?? plural.Branches.First(b => b.Selector == "other").Parts;
    }

    private static IEnumerable<(string, string)> ArgumentsOf(IEnumerable<Part> parts) => parts.SelectMany(part => part switch
    {
        Argument a => [(a.Name, "")],
        Plural p => p.Branches.SelectMany(b => ArgumentsOf(b.Parts)).Prepend((p.Name, p.Ordinal ? "selectordinal" : "plural")),
        _ => Enumerable.Empty<(string, string)>(),
    });

    private static Part[] ParseParts(string source, ref int position, bool inBranch)
    {
        var parts = new List<Part>();
        var words = new StringBuilder();
        for (; position < source.Length && !(inBranch && source[position] == '}'); position++)
        {
            if (source[position] == '}')
            {
                throw new FormatException($"An unmatched '}}' at {position} in \"{source}\".");
            }

            if (source[position] != '{')
            {
                words.Append(source[position]);
                continue;
            }

            if (words.Length > 0)
            {
                parts.Add(new Literal(words.ToString()));
                words.Clear();
            }

            parts.Add(ParseArgument(source, ref position));
        }

        if (inBranch && position >= source.Length)
        {
            throw new FormatException($"A form is not closed in \"{source}\".");
        }

        if (words.Length > 0)
        {
            parts.Add(new Literal(words.ToString()));
        }

        return [.. parts];
    }

    // At the '{' of an argument; leaves position on its closing '}'.
    private static Part ParseArgument(string source, ref int position)
    {
        var name = Until(source, ref position, ",}");
        if (name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            throw new FormatException($"\"{name}\" is not an argument name in \"{source}\".");
        }

        if (source[position] == '}')
        {
            return new Argument(name);
        }

        var kind = Until(source, ref position, ",");
        if (kind is not ("plural" or "selectordinal"))
        {
            throw new FormatException($"\"{kind}\" is not plural or selectordinal in \"{source}\".");
        }

        var branches = new List<(string, Part[])>();
        while (true)
        {
            var selector = Until(source, ref position, "{}");
            if (source[position] == '}')
            {
                break;
            }

            position++;
            branches.Add((selector, ParseParts(source, ref position, inBranch: true)));
        }

        if (!branches.Any(b => b.Item1 == "other"))
        {
            throw new FormatException($"{{{name}, {kind}}} has no 'other' form in \"{source}\".");
        }

        return new Plural(name, kind == "selectordinal", [.. branches]);
    }

    // The trimmed text after position up to one of stops; position ends on that stop.
    private static string Until(string source, ref int position, string stops)
    {
        var start = ++position;
        position = source.IndexOfAny(stops.ToCharArray(), start);
        if (position < 0)
        {
            throw new FormatException($"An argument is not closed in \"{source}\".");
        }

        return source[start..position].Trim();
    }
}
