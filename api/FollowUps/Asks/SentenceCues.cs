namespace OutlookFollowUp.FollowUps.Asks;

/// <summary>The cues of each sentence, and whether a sentence asks (AskClassifier lists the steps).</summary>
internal sealed class SentenceCues
{
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> You = Words(LanguageCues.All.SelectMany(l => l.You));
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Answers =
        new HashSet<string>(LanguageCues.All.SelectMany(l => l.Answers).Select(a => Tokenizer.Words(a)[0]), StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();

    // A question that opens with one of these is put to the reader ("Can you", "Do we", "Is there").
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Auxiliaries = Words(
    [
        "can", "could", "would", "will", "do", "does", "did", "is", "are", "was", "were", "have", "has", "should", "shall", "may", "might", "any",
        "anyone", "anybody", "puoi", "potresti", "hai", "avete", "kannst", "können", "könnten", "hast", "haben", "gibt", "weißt", "peux", "pouvez",
        "avez", "est", "puedes", "tienes", "hay", "sabes",
    ]);

    private readonly Entry[] _entries;

    private SentenceCues(Entry[] entries, bool noReply, bool fyi)
    {
        _entries = entries;
        NoReply = noReply;
        Fyi = fyi;
    }

    public bool NoReply { get; }

    public bool Fyi { get; }

    public static SentenceCues Of(MessageReading reading)
    {
        var entries = new Entry[reading.Sentences.Count];
        var noReply = false;
        var fyi = false;
        foreach (var hit in reading.Hits)
        {
            ref var entry = ref entries[hit.Sentence];
            switch (hit.Cue.Group)
            {
                case CueGroup.Ask when hit.Cue.Soft:
                    (entry.Soft ??= []).Add(hit);
                    break;
                case CueGroup.Ask:
                    entry.Ask = Max(entry.Ask, hit.Cue.Kind);
                    break;
                case CueGroup.Topic:
                    entry.Topic = Max(entry.Topic, hit.Cue.Kind);
                    break;
                case CueGroup.Day:
                    entry.Day = true;
                    break;
                case CueGroup.Offer:
                    (entry.Offers ??= []).Add(hit.Token);
                    break;
                case CueGroup.Rhetorical:
                    entry.Rhetorical = true;
                    break;
                case CueGroup.NoReply:
                    noReply = true;
                    break;
                case CueGroup.Fyi:
                    fyi = true;
                    break;
            }
        }

        return new SentenceCues(entries, noReply, fyi);
    }

    /// <summary>What the sentence asks (None when nothing); <paramref name="strong"/> when a cue says so or it asks "you".</summary>
    public AskKind Asks(Sentence sentence, MessageReading reading, out bool strong)
    {
        var entry = _entries[sentence.Index];
        strong = false;
        if (entry.Rhetorical || sentence.ContentToken >= sentence.TokenEnd)
        {
            return AskKind.None;
        }

        foreach (var soft in entry.Soft ?? [])
        {
            if (!CancelledByOffer(soft, entry.Offers))
            {
                entry.Ask = Max(entry.Ask, soft.Cue.Kind);
            }
        }

        if (entry.Ask != AskKind.None)
        {
            strong = true;
            // A day in a proposal is a date to pick; in a request a deadline, in a question mostly the past ("since Tuesday").
            return Max(Max(entry.Ask, entry.Topic), entry.Day && entry.Ask == AskKind.Proposal ? AskKind.Date : AskKind.None);
        }

        if (!sentence.IsQuestion || entry.Offers is not null || AnsweredNext(sentence, reading))
        {
            return AskKind.None;
        }

        strong = AddressesReader(sentence, reading.Tokens);
        return Max(Max(AskKind.Question, entry.Topic), entry.Day ? AskKind.Date : AskKind.None);
    }

    /// <summary>
    /// An offer cancels a soft ask that follows it ("if you need anything, please call me") or that it conditions
    /// right away ("let me know if you have any questions"), not one it merely shares a sentence with ("please review
    /// the draft and let me know if you have any questions": the review is still asked).
    /// </summary>
    private static bool CancelledByOffer(CueHit soft, List<int>? offers)
    {
        foreach (var offer in offers ?? [])
        {
            if (offer <= soft.End + 2)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"Does it work? Yes, …" and "The result? A 2x speed-up.": the writer answers the question at once.</summary>
    private bool AnsweredNext(Sentence question, MessageReading reading)
    {
        var index = question.Index + 1;
        if (index >= reading.Sentences.Count)
        {
            return false;
        }

        var next = reading.Sentences[index];
        if (next.Paragraph != question.Paragraph || next.IsQuestion || next.Words == 0)
        {
            return false;
        }

        var tokens = reading.Tokens;
        if (Answers.Contains(tokens[next.TokenStart]))
        {
            return true;
        }

        return question.Words <= 3 && next.Words >= 3 && _entries[next.Index].Ask == AskKind.None && !AddressesReader(question, tokens);
    }

    private static bool AddressesReader(Sentence sentence, TokenList tokens)
    {
        if (sentence.ContentToken < sentence.TokenEnd && Auxiliaries.Contains(tokens[sentence.ContentToken]))
        {
            return true;
        }

        for (var i = sentence.TokenStart; i < sentence.TokenEnd; i++)
        {
            if (You.Contains(tokens[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static AskKind Max(AskKind a, AskKind b) => AskClassifier.Priority(b) > AskClassifier.Priority(a) ? b : a;

    private static HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Words(IEnumerable<string> words) =>
        new HashSet<string>(words.SelectMany(Tokenizer.Words), StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    private struct Entry
    {
        public AskKind Ask;
        public List<CueHit>? Soft;
        public AskKind Topic;
        public List<int>? Offers;
        public bool Rhetorical;
        public bool Day;
    }
}
