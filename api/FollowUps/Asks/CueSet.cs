using System.Collections.Frozen;

namespace OutlookFollowUp.FollowUps.Asks;

/// <summary>A cue found in a sentence.</summary>
/// <param name="Token">The first word of the match.</param>
/// <param name="End">The word after the match.</param>
internal readonly record struct CueHit(Cue Cue, int Sentence, int Token, int End);

/// <summary>
/// Every language's cues, indexed by their first word so a message costs one look-up per word: mail that mixes
/// languages (an Italian greeting, English details) is read whole, with no language guess to get wrong.
/// </summary>
internal sealed class CueSet
{
    public static readonly CueSet All = new(LanguageCues.All);

    private readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _ids;
    private readonly Cue[][] _byId;
    private readonly Dictionary<long, Cue[]> _prefixes; // by the first three letters, packed
    private readonly bool[] _prefixInitials = new bool[128];
    private readonly Cue[] _time;

    public CueSet(IEnumerable<LanguageCues> languages)
    {
        var cues = languages.SelectMany(Parse).ToList();
        Cues = cues;
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        int Number(string word) => ids.TryGetValue(word, out var id) ? id : ids[word] = ids.Count;
        foreach (var step in cues.SelectMany(c => c.Steps))
        {
            foreach (var alternative in step.Alternatives)
            {
                alternative.Ids = [.. alternative.Words.Select((w, k) => alternative.Prefix && k == alternative.Words.Length - 1 || w == CueWord.Time ? -2 : Number(w))];
            }

            step.NotIds = step.Not?.Select(sequence => sequence.Select(Number).ToArray()).ToArray();
        }

        var byId = new List<Cue>[ids.Count];
        var byPrefix = new Dictionary<long, List<Cue>>();
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
                    Add(byPrefix, Key(first.Words[0].AsSpan()), cue);
                    _prefixInitials[first.Words[0][0] & 127] = true;
                }
                else
                {
                    (byId[first.Ids[0]] ??= []).Add(cue);
                }
            }
        }

        _ids = ids.ToFrozenDictionary(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        _byId = [.. byId.Select(list => list is null ? [] : list.Distinct().ToArray())];
        _prefixes = byPrefix.ToDictionary(p => p.Key, p => p.Value.Distinct().ToArray());
        _time = [.. time];
    }

    public IReadOnlyList<Cue> Cues { get; }

    /// <summary>Every cue that matches, each at the word where it starts, inside one sentence.</summary>
    public void Find(TokenList tokens, IReadOnlyList<Sentence> sentences, List<CueHit> hits)
    {
        tokens.SetIds(word => _ids.TryGetValue(word, out var id) ? id : -1);
        for (var i = 0; i < tokens.Count; i++)
        {
            var id = tokens.Id(i);
            var sentence = sentences[tokens.Sentence(i)];
            if (id >= 0 && _byId[id].Length > 0)
            {
                Try(_byId[id], tokens, sentence, i, hits);
            }

            var word = tokens[i];
            if (word.Length >= 3 && word[0] < 128 && _prefixInitials[word[0]] && _prefixes.TryGetValue(Key(word), out var prefixed))
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
                && Matches(cue, 0, at, sentence.TokenEnd, tokens) is var matchEnd and >= 0)
            {
                hits.Add(new CueHit(cue, sentence.Index, at, matchEnd));
            }
        }
    }

    /// <summary>Where the match of the steps from <paramref name="step"/> on ends (the next word), or -1 when they do not match.</summary>
    private static int Matches(Cue cue, int step, int position, int end, TokenList tokens)
    {
        if (step == cue.Steps.Length)
        {
            return position;
        }

        var current = cue.Steps[step];
        var gaps = current.Gap ? 3 : 0;
        for (var gap = 0; gap <= gaps && position + gap < end; gap++)
        {
            foreach (var alternative in current.Alternatives)
            {
                if (MatchesWords(alternative, position + gap, end, tokens, out var next)
                    && !(current.NotIds is { } not && Follows(not, next, end, tokens))
                    && Matches(cue, step + 1, next, end, tokens) is var matched and >= 0)
                {
                    return matched;
                }
            }
        }

        return -1;
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

        for (var k = 0; k < alternative.Ids.Length; k++)
        {
            var id = alternative.Ids[k];
            if (id >= 0 ? tokens.Id(position + k) != id : !tokens[position + k].StartsWith(alternative.Words[k], StringComparison.Ordinal))
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

    private static bool Follows(int[][] sequences, int position, int end, TokenList tokens)
    {
        foreach (var sequence in sequences)
        {
            var k = 0;
            while (k < sequence.Length && position + k < end && tokens.Id(position + k) == sequence[k])
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

    private static long Key(ReadOnlySpan<char> prefix) =>
        prefix.Length >= 3 ? ((long)prefix[0] << 32) | ((long)prefix[1] << 16) | prefix[2] : throw new FormatException($"'{prefix}*': a prefix needs 3 letters.");

    private static void Add<TKey>(Dictionary<TKey, List<Cue>> index, TKey key, Cue cue)
        where TKey : notnull
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
