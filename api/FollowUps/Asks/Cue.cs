namespace OutlookFollowUp.FollowUps.Asks;

/// <summary>What a cue says about its sentence.</summary>
internal enum CueGroup
{
    /// <summary>The sentence asks, with the cue's kind.</summary>
    Ask,

    /// <summary>An asking sentence is about this kind (signature, review, date, …); asks nothing on its own.</summary>
    Topic,

    /// <summary>An offer ("let me know if you have any questions"): the sentence asks nothing.</summary>
    Offer,

    /// <summary>A day or a time: the date kind in a question, nothing in a request (a deadline).</summary>
    Day,

    /// <summary>"No need to reply": the message asks nothing.</summary>
    NoReply,

    /// <summary>"FYI": only explicit asks count.</summary>
    Fyi,

    /// <summary>"Why not?": the question asks nothing.</summary>
    Rhetorical,
}

/// <summary>One phrase of a <see cref="LanguageCues"/> list, parsed (the syntax is described there).</summary>
internal sealed class Cue
{
    public required CueGroup Group { get; init; }

    public required AskKind Kind { get; init; }

    public required CueStep[] Steps { get; init; }

    public bool AtStart { get; init; }

    public bool InQuestion { get; init; }

    /// <summary>A soft ask ("let me know", "please call me"): an offer in the same sentence cancels it.</summary>
    public bool Soft { get; init; }

    /// <summary>The phrase as written, for tests and when a person asks why.</summary>
    public required string Text { get; init; }

    public static Cue Parse(string phrase, CueGroup group, AskKind kind)
    {
        var text = phrase.Trim();
        var soft = text.StartsWith('~');
        text = text.TrimStart('~');
        var atStart = text.StartsWith('^');
        var inQuestion = text.EndsWith(" ?", StringComparison.Ordinal);
        text = text.TrimStart('^');
        text = inQuestion ? text[..^2] : text;
        var steps = new List<CueStep>();
        var gap = false;
        foreach (var part in Parts(text))
        {
            if (part == "…")
            {
                gap = true;
            }
            else if (part.StartsWith('!'))
            {
                var last = steps.Count > 0 ? steps[^1] : throw new FormatException($"'{phrase}': '!' must follow a word.");
                steps[^1] = last with { Not = [.. part[1..].Split('|').Select(w => Tokenizer.Words(w.Replace('+', ' ')))] };
            }
            else
            {
                var alternatives = part.Trim('(', ')').Split('|').Select(CueWord.Parse).ToArray();
                steps.Add(new CueStep(alternatives, gap));
                gap = false;
            }
        }

        return steps.Count == 0 ? throw new FormatException($"'{phrase}' has no words.") : new Cue
        {
            Group = group, Kind = kind, Steps = [.. steps], AtStart = atStart, InQuestion = inQuestion, Soft = soft, Text = phrase,
        };
    }

    /// <summary>Space-separated parts; a parenthesised group of alternatives is one part.</summary>
    private static IEnumerable<string> Parts(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == ' ')
            {
                i++;
                continue;
            }

            var end = text[i] == '(' ? text.IndexOf(')', i) + 1 : text.IndexOf(' ', i);
            end = end <= 0 ? text.Length : end;
            yield return text[i..end];
            i = end;
        }
    }
}

/// <summary>One position of a phrase: any of its alternatives, perhaps after a gap, perhaps not followed by some words.</summary>
internal sealed record CueStep(CueWord[] Alternatives, bool Gap)
{
    /// <summary>Word sequences that must not follow ("!excuser|nous+excuser").</summary>
    public string[][]? Not { get; init; }

    /// <summary><see cref="Not"/> as the cue set's word numbers.</summary>
    public int[][]? NotIds { get; set; }
}

/// <summary>One alternative: a word or a few words (folded); the last may be a prefix ("firm*"), or "#time" (3pm, 10am).</summary>
internal sealed record CueWord(string[] Words, bool Prefix)
{
    public const string Time = "#time";

    /// <summary>The words as the cue set numbers them (a prefix keeps its text), so matching compares numbers.</summary>
    public int[] Ids { get; set; } = [];

    public static CueWord Parse(string alternative)
    {
        var text = alternative.Trim();
        if (text == Time)
        {
            return new CueWord([Time], false);
        }

        var prefix = text.EndsWith('*');
        var words = Tokenizer.Words(prefix ? text[..^1] : text);
        return words.Length == 0 ? throw new FormatException($"'{alternative}' has no words.") : new CueWord(words, prefix);
    }
}
