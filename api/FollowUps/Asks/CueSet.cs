namespace OutlookFollowUp.FollowUps.Asks;

/// <summary>A cue found in a sentence.</summary>
internal readonly record struct CueHit(Cue Cue, int Sentence, int Token);

/// <summary>
/// Every language's cues, indexed by their first word so a message costs one look-up per word: mail that mixes
/// languages (an Italian greeting, English details) is read whole, with no language guess to get wrong.
/// </summary>
internal sealed class CueSet
{
    public static readonly CueSet All = new(LanguageCues.All);

    private readonly Dictionary<string, Cue[]> _byWord;
    private readonly Dictionary<string, Cue[]> _byPrefix;
    private readonly Dictionary<string, Cue[]>.AlternateLookup<ReadOnlySpan<char>> _words;
    private readonly Dictionary<string, Cue[]>.AlternateLookup<ReadOnlySpan<char>> _prefixes;
    private readonly Cue[] _time;

    public CueSet(IEnumerable<LanguageCues> languages)
    {
        var cues = languages.SelectMany(Parse).ToList();
        Cues = cues;
        var byWord = new Dictionary<string, List<Cue>>(StringComparer.Ordinal);
        var byPrefix = new Dictionary<string, List<Cue>>(StringComparer.Ordinal);
        var time = new List<Cue>();
        foreach (var cue in cues)
        {
            foreach (var first in cue.Steps[0].Alternatives.Distinct())
            {
                if (first.Words[0] == CueWord.Time)
                {
                    time.Add(cue);
                }
                else if (first.Prefix && first.Words.Length == 1)
                {
                    Add(byPrefix, Key(first.Words[0]), cue);
                }
                else
                {
                    Add(byWord, first.Words[0], cue);
                }
            }
        }

        _byWord = byWord.ToDictionary(p => p.Key, p => p.Value.Distinct().ToArray(), StringComparer.Ordinal);
        _byPrefix = byPrefix.ToDictionary(p => p.Key, p => p.Value.Distinct().ToArray(), StringComparer.Ordinal);
        _words = _byWord.GetAlternateLookup<ReadOnlySpan<char>>();
        _prefixes = _byPrefix.GetAlternateLookup<ReadOnlySpan<char>>();
        _time = [.. time];
    }

    public IReadOnlyList<Cue> Cues { get; }

    /// <summary>Every cue that matches, each at the word where it starts, inside one sentence.</summary>
    public void Find(TokenList tokens, IReadOnlyList<Sentence> sentences, List<CueHit> hits)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            var word = tokens[i];
            var sentence = sentences[tokens.Sentence(i)];
            if (_words.TryGetValue(word, out var exact))
            {
                Try(exact, tokens, sentence, i, hits);
            }

            if (word.Length >= 3 && _prefixes.TryGetValue(word[..3], out var prefixed))
            {
                Try(prefixed, tokens, sentence, i, hits);
            }

            if (char.IsAsciiDigit(word[0]))
            {
                Try(_time, tokens, sentence, i, hits);
            }
        }
    }

    private static void Try(Cue[] cues, TokenList tokens, Sentence sentence, int at, List<CueHit> hits)
    {
        foreach (var cue in cues)
        {
            if ((!cue.InQuestion || sentence.IsQuestion) && (!cue.AtStart || at == sentence.ContentToken)
                && Matches(cue, 0, at, sentence.TokenEnd, tokens))
            {
                hits.Add(new CueHit(cue, sentence.Index, at));
            }
        }
    }

    private static bool Matches(Cue cue, int step, int position, int end, TokenList tokens)
    {
        if (step == cue.Steps.Length)
        {
            return true;
        }

        var current = cue.Steps[step];
        var gaps = current.Gap ? 3 : 0;
        for (var gap = 0; gap <= gaps && position + gap < end; gap++)
        {
            foreach (var alternative in current.Alternatives)
            {
                if (MatchesWords(alternative, position + gap, end, tokens, out var next)
                    && !(current.Not is { } not && Follows(not, next, end, tokens))
                    && Matches(cue, step + 1, next, end, tokens))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool MatchesWords(CueWord alternative, int position, int end, TokenList tokens, out int next)
    {
        next = position + alternative.Words.Length;
        if (next > end)
        {
            return false;
        }

        if (alternative.Words[0] == CueWord.Time)
        {
            return IsTime(tokens, position, end, ref next);
        }

        for (var k = 0; k < alternative.Words.Length; k++)
        {
            var word = tokens[position + k];
            var expected = alternative.Words[k].AsSpan();
            var prefix = alternative.Prefix && k == alternative.Words.Length - 1;
            if (prefix ? !word.StartsWith(expected, StringComparison.Ordinal) : !word.SequenceEqual(expected))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>3pm, 10am, 15h, 15uhr, or a number followed by am, pm, h or uhr.</summary>
    private static bool IsTime(TokenList tokens, int position, int end, ref int next)
    {
        var word = tokens[position];
        var digits = 0;
        while (digits < word.Length && char.IsAsciiDigit(word[digits]))
        {
            digits++;
        }

        if (digits is 0 or > 2)
        {
            return false;
        }

        if (IsTimeSuffix(word[digits..]))
        {
            return true;
        }

        if (digits == word.Length && position + 1 < end && IsTimeSuffix(tokens[position + 1]))
        {
            next = position + 2;
            return true;
        }

        return false;
    }

    private static bool IsTimeSuffix(ReadOnlySpan<char> suffix) =>
        suffix is "am" or "pm" or "h" or "uhr" || (suffix.Length > 1 && suffix[0] == 'h' && char.IsAsciiDigit(suffix[1]));

    private static bool Follows(string[][] sequences, int position, int end, TokenList tokens)
    {
        foreach (var sequence in sequences)
        {
            var k = 0;
            while (k < sequence.Length && position + k < end && tokens[position + k].SequenceEqual(sequence[k]))
            {
                k++;
            }

            if (k == sequence.Length)
            {
                return true;
            }
        }

        return false;
    }

    private static string Key(string prefix) => prefix.Length >= 3 ? prefix[..3] : throw new FormatException($"'{prefix}*': a prefix needs 3 letters.");

    private static void Add(Dictionary<string, List<Cue>> index, string key, Cue cue)
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }

        list.Add(cue);
    }

    private static IEnumerable<Cue> Parse(LanguageCues language)
    {
        IEnumerable<Cue> Of(string[] phrases, CueGroup group, AskKind kind) => phrases.Select(p => Cue.Parse(p, group, kind));

        return Of(language.Requests, CueGroup.Ask, AskKind.Request)
            .Concat(Of(language.Questions, CueGroup.Ask, AskKind.Question))
            .Concat(Of(language.Proposals, CueGroup.Ask, AskKind.Proposal))
            .Concat(Of(language.Reviews, CueGroup.Ask, AskKind.Review))
            .Concat(Of(language.Updates, CueGroup.Ask, AskKind.Update))
            .Concat(Of(language.SignatureWords, CueGroup.Topic, AskKind.Signature))
            .Concat(Of(language.ReviewWords, CueGroup.Topic, AskKind.Review))
            .Concat(Of(language.DateWords, CueGroup.Topic, AskKind.Date))
            .Concat(Of(language.Days, CueGroup.Day, AskKind.Date))
            .Concat(Of(language.UpdateWords, CueGroup.Topic, AskKind.Update))
            .Concat(Of(language.ProposalWords, CueGroup.Topic, AskKind.Proposal))
            .Concat(Of(language.Offers, CueGroup.Offer, AskKind.None))
            .Concat(Of(language.NoReply, CueGroup.NoReply, AskKind.None))
            .Concat(Of(language.Fyi, CueGroup.Fyi, AskKind.None))
            .Concat(Of(language.Rhetorical, CueGroup.Rhetorical, AskKind.None));
    }
}
