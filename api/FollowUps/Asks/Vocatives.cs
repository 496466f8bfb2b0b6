namespace OutlookFollowUp.FollowUps.Asks;

/// <summary>
/// Who a sentence names first: "Hi Bob," / "Bob, can you …" / "@Bob", and where its own words start after that and
/// after fillers ("please", "also"). A question addressed by name to someone else does not ask the user.
/// </summary>
internal static class Vocatives
{
    private static readonly HashSet<string> Greetings = Folded(LanguageCues.All.SelectMany(l => l.Greetings));
    private static readonly HashSet<string> Everyone = Folded(LanguageCues.All.SelectMany(l => l.Everyone));
    private static readonly HashSet<string> Connectors = new(StringComparer.Ordinal) { "and", "e", "und", "et", "y" };

    private static readonly HashSet<string> Fillers = new(StringComparer.Ordinal)
    {
        "please", "pls", "plz", "kindly", "also", "and", "so", "then", "but", "just", "now", "ok", "okay", "oh", "well", "anyway", "btw", "e", "anche",
        "poi", "quindi", "allora", "inoltre", "per", "favore", "und", "dann", "bitte", "auch", "noch", "et", "alors", "puis", "aussi", "y", "entonces",
        "tambien", "pues", "ademas", "por", "favor",
    };

    public static void Read(char[] text, Sentence sentence, TokenList tokens)
    {
        var i = sentence.TokenStart;
        var end = sentence.TokenEnd;
        if (i < end && Is(tokens, i, "ps", "pps") || (i + 1 < end && Is(tokens, i, "p") && Is(tokens, i + 1, "s")))
        {
            i += Is(tokens, i, "p") ? 2 : 1;
        }

        var greeting = GreetingLength(tokens, i, end);
        if (greeting > 0)
        {
            i += greeting;
            if (i < end && Is(tokens, i, "a", "à") && i + 1 < end && Everyone.Contains(tokens[i + 1].ToString()))
            {
                i++;
            }

            if (i < end && Everyone.Contains(tokens[i].ToString()))
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

        while (i < end && Fillers.Contains(tokens[i].ToString()))
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

            if (i < end && Connectors.Contains(tokens[i].ToString()))
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
        if (i + 1 < end && Greetings.Contains(string.Concat(tokens[i], " ", tokens[i + 1])))
        {
            return 2;
        }

        return i < end && Greetings.Contains(tokens[i].ToString()) ? 1 : 0;
    }

    private static bool Is(TokenList tokens, int i, params string[] words)
    {
        foreach (var word in words)
        {
            if (tokens[i].SequenceEqual(word))
            {
                return true;
            }
        }

        return false;
    }

    private static HashSet<string> Folded(IEnumerable<string> words) =>
        new(words.Select(w => string.Join(' ', Tokenizer.Words(w))), StringComparer.Ordinal);
}
