namespace OutlookFollowUp.FollowUps.Asks;

/// <summary>
/// Rule 9: does this message ask its recipients for something? A pure function over the message's own new text
/// (see <see cref="NewText"/>) and a few facts; no I/O. The text is never kept. docs/detection-quality.md explains it.
/// <list type="number">
/// <item>"No need to reply" anywhere: it asks nothing.</item>
/// <item>A sentence asks when a cue of the languages' lists says so ("could you", "let me know", "any update?"), or
/// when it is a question ('?' outside links, quoted titles, code and quoted history) that is not rhetorical ("why
/// not?") and not answered by the writer in the next sentence ("Does it work? Yes, …").</item>
/// <item>An offer in the sentence ("let me know if you have any questions") cancels it.</item>
/// <item>In mail to the user, a sentence addressed by name to another recipient ("Bob, can you …") does not count;
/// after "FYI", or when Outlook put the mail in Other, only explicit asks and questions to "you" count.</item>
/// <item>The kind is the most specific one found in the asking sentences: signature, review, date, update, proposal,
/// request, question.</item>
/// </list>
/// </summary>
public static class AskClassifier
{
    /// <summary>Classifies text that is already the message's own new text.</summary>
    public static AskVerdict Classify(string newText, AskFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (string.IsNullOrWhiteSpace(newText))
        {
            return AskVerdict.Unreadable;
        }

        var reading = MessageReading.Of(newText, SubjectRules.HasReplyOrForwardPrefix(facts.Subject) ? "" : facts.Subject.Trim());
        var cues = SentenceCues.Of(reading);
        if (cues.NoReply)
        {
            return AskVerdict.Nothing;
        }

        var onlyExplicit = cues.Fyi || (facts.ToMe && string.Equals(facts.InferenceClassification, "other", StringComparison.OrdinalIgnoreCase));
        var addressees = facts.ToMe ? new Addressees(facts) : null;
        var best = AskKind.None;
        IReadOnlyList<string>? message = null;
        IReadOnlyList<string>? paragraph = null;
        var lastParagraph = -1;
        var firstBody = FirstBodySentence(reading);
        foreach (var sentence in reading.Sentences)
        {
            if (sentence.Paragraph != lastParagraph)
            {
                (paragraph, lastParagraph) = (null, sentence.Paragraph);
            }

            if (sentence.Vocative is { } named && !sentence.IsSubject)
            {
                message ??= sentence.Index == firstBody ? named : null;
                paragraph = named;
            }

            var kind = cues.Asks(sentence, reading, out var strong);
            if (kind == AskKind.None || (onlyExplicit && !strong) || addressees?.AreOthers(paragraph ?? message) == true)
            {
                continue;
            }

            best = Priority(kind) > Priority(best) ? kind : best;
        }

        return best == AskKind.None ? AskVerdict.Nothing : new AskVerdict(best);
    }

    /// <summary>Extracts the new text from a whole body (plain text or HTML) and classifies it.</summary>
    public static AskVerdict ClassifyBody(string? body, bool isHtml, AskFacts facts) =>
        body is null ? AskVerdict.Unreadable : Classify(NewText.Extract(body, isHtml), facts);

    /// <summary>The more specific kind wins: a signature request is also a request.</summary>
    internal static int Priority(AskKind kind) => kind switch
    {
        AskKind.Signature => 7,
        AskKind.Review => 6,
        AskKind.Date => 5,
        AskKind.Update => 4,
        AskKind.Proposal => 3,
        AskKind.Request => 2,
        AskKind.Question => 1,
        _ => 0,
    };

    private static int FirstBodySentence(MessageReading reading)
    {
        foreach (var sentence in reading.Sentences)
        {
            if (!sentence.IsSubject)
            {
                return sentence.Index;
            }
        }

        return -1;
    }
}
