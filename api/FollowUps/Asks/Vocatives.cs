namespace OutlookFollowUp.FollowUps.Asks;

/// <summary>
/// Who a sentence names first: "Hi Bob," / "Bob, can you …" / "@Bob", and where its own words start after that and
/// after fillers ("please", "also"). A question addressed by name to someone else does not ask the user.
/// </summary>
internal static class Vocatives
{
    private static readonly HashSet<string> Greetings = Folded(LanguageCues.All.SelectMany(l => l.Greetings));
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Everyone =
        Folded(LanguageCues.All.SelectMany(l => l.Everyone)).GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Connectors =
        new HashSet<string>(["and", "e", "und", "et", "y"], StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Fillers = new HashSet<string>(StringComparer.Ordinal)
    {
        "please", "pls", "plz", "kindly", "also", "and", "so", "then", "but", "just", "now", "ok", "okay", "oh", "well", "anyway", "btw", "e", "anche",
        "poi", "quindi", "allora", "inoltre", "per", "favore", "und", "dann", "bitte", "auch", "noch", "et", "alors", "puis", "aussi", "y", "entonces",
        "tambien", "pues", "ademas", "por", "favor",
    }.GetAlternateLookup<ReadOnlySpan<char>>();

    public static void Read(char[] text, Sentence sentence, TokenList tokens)
    {
        var i = sentence.TokenStart;
        var end = sentence.TokenEnd;
        if (i < end && tokens[i] is "ps" or "pps")
        {
            i++;
        }
        else if (i + 1 < end && tokens[i] is "p" && tokens[i + 1] is "s")
        {
            i += 2;
        }

        var greeting = GreetingLength(tokens, i, end);
        if (greeting > 0)
        {
            i += greeting;
            if (i + 1 < end && tokens[i] is "a" && Everyone.Contains(tokens[i + 1]))
            {
                i++;
            }

            if (i < end && Everyone.Contains(tokens[i]))
            {
                sentence.Vocative = [];
                i++;
            }
            else
            {
                i = Names(text, tokens, i, end, requirePunctuation: false, out var names);
                sentence.Vocative = names.Count > 0 ? names : null;
            }
        }
        else if (i < end)
        {
            var after = Names(text, tokens, i, end, requirePunctuation: true, out var names);
            if (names.Count > 0)
            {
                sentence.Vocative = names;
                i = after;
            }
        }

        while (i < end && Fillers.Contains(tokens[i]))
        {
            i++;
        }

        sentence.ContentToken = i;
    }

    /// <summary>Capitalised words joined by "and" (at most four), then a comma or colon when <paramref name="requirePunctuation"/>; or "@name".</summary>
    private static int Names(char[] text, TokenList tokens, int i, int end, bool requirePunctuation, out List<string> names)
    {
        names = [];
        var start = i;
        while (i < end && names.Count < 4)
        {
            var at = tokens.Start(i);
            var mention = at > 0 && text[at - 1] == '@';
            if (!mention && !char.IsUpper(text[at]))
            {
                break;
            }

            names.Add(tokens[i].ToString());
            i++;
            var next = NextNonSpace(text, at + tokens[i - 1].Length);
            if (mention || next is ',' or ':' or '!' or '\n' || i == end)
            {
                return !requirePunctuation || mention || next is ',' or ':' ? i : Reset(names, start);
            }

            if (i < end && Connectors.Contains(tokens[i]))
            {
                i++;
            }
        }

        return requirePunctuation ? Reset(names, start) : i;
    }

    private static int Reset(List<string> names, int start)
    {
        names.Clear();
        return start;
    }

    private static char NextNonSpace(char[] text, int i)
    {
        while (i < text.Length && text[i] == ' ')
        {
            i++;
        }

        return i < text.Length ? text[i] : '\n';
    }

    private static int GreetingLength(TokenList tokens, int i, int end)
    {
        if (i >= end || !GreetingWords.Contains(tokens[i]))
        {
            return 0;
        }

        return i + 1 < end && Greetings.Contains(string.Concat(tokens[i], " ", tokens[i + 1])) ? 2 : Greetings.Contains(tokens[i].ToString()) ? 1 : 0;
    }

    // The first words of the greetings, so most sentences are ruled out without building a string.
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> GreetingWords =
        new HashSet<string>(Greetings.Select(g => g.Split(' ')[0]), StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    private static HashSet<string> Folded(IEnumerable<string> words) =>
        new(words.Select(w => string.Join(' ', Tokenizer.Words(w))), StringComparer.Ordinal);
}
