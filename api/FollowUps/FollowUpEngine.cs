namespace OutlookFollowUp.FollowUps;

/// <summary>The detection rules of DESIGN.md over message records: pure, no I/O, time passed in.</summary>
public static class FollowUpEngine
{
    /// <summary>Applies rules 1–6 to a mailbox's messages (in read order) and returns the unanswered threads, oldest first.</summary>
    public static DetectionResult Detect(IEnumerable<MailRecord> messages, DetectionOptions options) =>
        throw new NotImplementedException("engine in progress");
}
