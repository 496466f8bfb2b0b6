namespace OutlookFollowUp.FollowUps;

/// <summary>The detection rules (docs/detection-rules.md) over message records: pure, no I/O, time passed in.</summary>
public static class FollowUpEngine
{
    /// <summary>Applies rules 1–6 to a mailbox's messages (in read order) and returns the unanswered threads, oldest first.</summary>
    public static DetectionResult Detect(IEnumerable<MailRecord> messages, DetectionOptions options)
    {
        var threads = ThreadBuilder.Build(messages);
        return new DetectionResult(Evaluate(threads.Threads, options, threads.Messages), threads.Skipped);
    }

    /// <summary>Rules 3a–6 over threads already built; oldest first, then by thread key for a stable order.</summary>
    public static IReadOnlyList<FollowUp> Evaluate(IReadOnlyList<MailThread> threads, DetectionOptions options) =>
        Evaluate(threads, options, MessagesById.Of(threads));

    private static List<FollowUp> Evaluate(IReadOnlyList<MailThread> threads, DetectionOptions options, MessagesById messages)
    {
        var rules = new ThreadRules(options, messages);
        var results = new List<FollowUp>();
        foreach (var thread in threads)
        {
            if (rules.Evaluate(thread) is { } followUp)
            {
                results.Add(followUp);
            }
        }

        results.Sort(static (a, b) =>
        {
            var bySince = a.Since.CompareTo(b.Since);
            return bySince != 0 ? bySince : string.CompareOrdinal(a.ThreadKey, b.ThreadKey);
        });
        return results;
    }
}
