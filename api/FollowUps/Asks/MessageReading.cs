namespace OutlookFollowUp.FollowUps.Asks;

/// <summary>What the classifier reads off a message's new text: its sentences, their words and the cues found in them.</summary>
internal sealed class MessageReading
{
    private MessageReading(List<Sentence> sentences, TokenList tokens, List<CueHit> hits)
    {
        Sentences = sentences;
        Tokens = tokens;
        Hits = hits;
    }

    public List<Sentence> Sentences { get; }

    public TokenList Tokens { get; }

    public List<CueHit> Hits { get; }

    /// <param name="newText">The message's own new text.</param>
    /// <param name="subject">A subject to read as the first sentence (a new thread's question), or empty.</param>
    public static MessageReading Of(string newText, string subject)
    {
        var text = subject.Length > 0 ? subject + "\n\n" + newText : newText;
        var masked = TextMasks.Apply(text);
        var sentences = SentenceSplitter.Split(masked, subject.Length);
        var tokens = new TokenList(TextFold.Fold(masked));
        foreach (var sentence in sentences)
        {
            sentence.TokenStart = tokens.Count;
            tokens.AddRange(sentence.Start, sentence.End, sentence.Index);
            sentence.TokenEnd = tokens.Count;
            Vocatives.Read(masked, sentence, tokens);
        }

        var hits = new List<CueHit>();
        CueSet.All.Find(tokens, sentences, hits);
        return new MessageReading(sentences, tokens, hits);
    }
}
