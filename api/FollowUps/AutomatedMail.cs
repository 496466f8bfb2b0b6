namespace OutlookFollowUp.FollowUps;

/// <summary>Why a message counts as automated (rule 3) or is treated like it (rule 3a); the kind only shapes the reason text.</summary>
public enum AutomatedKind
{
    None,
    AutoReply,
    DeliveryReport,
    Meeting,

    /// <summary>Rule 3a: a build server's, tracker's or bot's post into a list thread. It depends on who <i>me</i> is, so only <see cref="ThreadRules"/> returns it.</summary>
    ListUpdate,
}

/// <summary>Rule 3 (automated), the bulk test of rule 6, and the no-reply sender test of rule 6.</summary>
public static class AutomatedMail
{
    private static readonly string[] ReportSubjects =
        ["undeliverable:", "undelivered mail", "delivery status notification", "returned mail:", "mail delivery failed"];

    /// <summary>Report subjects that say the delivery failed (not a delay, not a receipt).</summary>
    private static readonly string[] FailureSubjects =
    [
        "undeliverable:", "undelivered mail", "returned mail:", "mail delivery failed", "delivery status notification (failure)",
        "failure notice", "delivery has failed", "mail delivery failure",
    ];

    private static readonly string[] AutoReplySubjects =
        ["automatic reply:", "auto reply:", "autoreply:", "auto-reply:", "out of office"];

    private static readonly string[] NoReplyMarkers = ["noreply", "no-reply", "donotreply", "do-not-reply"];

    private static readonly string[] BulkPrecedence = ["bulk", "junk", "list"];

    public static bool IsAutomated(MailRecord message) => Classify(message) != AutomatedKind.None;

    public static AutomatedKind Classify(MailRecord message)
    {
        var facts = message.Facts;
        if (facts.AutoSubmitted is { } autoSubmitted && !HeaderToken(autoSubmitted).Equals("no", StringComparison.OrdinalIgnoreCase))
        {
            return AutomatedKind.AutoReply;
        }

        if (facts.AutoReplyHeader)
        {
            return AutomatedKind.AutoReply;
        }

        if (string.Equals(facts.ContentType, "multipart/report", StringComparison.OrdinalIgnoreCase))
        {
            return AutomatedKind.DeliveryReport;
        }

        var local = LocalPart(message.From);
        if (local.Equals("mailer-daemon", StringComparison.OrdinalIgnoreCase) || local.Equals("postmaster", StringComparison.OrdinalIgnoreCase))
        {
            return AutomatedKind.DeliveryReport;
        }

        var subject = message.Subject.AsSpan().Trim();
        if (StartsWithAny(subject, AutoReplySubjects))
        {
            return AutomatedKind.AutoReply;
        }

        if (StartsWithAny(subject, ReportSubjects))
        {
            return AutomatedKind.DeliveryReport;
        }

        return ClassifyMessageClass(facts.MessageClass);
    }

    /// <summary>
    /// A bounce: a delivery report (rule 3) that says the delivery failed — Exchange's non-delivery report class
    /// (REPORT.IPM.Note.NDR) or a failure subject ("Undeliverable:", "Mail delivery failed", …). Headers only: a
    /// multipart/report without such a subject or class (a delay, a receipt) is not one.
    /// </summary>
    public static bool IsDeliveryFailure(MailRecord message)
    {
        if (Classify(message) != AutomatedKind.DeliveryReport)
        {
            return false;
        }

        var messageClass = message.Facts.MessageClass;
        return (messageClass is not null && messageClass.StartsWith("REPORT.", StringComparison.OrdinalIgnoreCase)
                && messageClass.EndsWith(".NDR", StringComparison.OrdinalIgnoreCase))
            || StartsWithAny(message.Subject.AsSpan().Trim(), FailureSubjects);
    }

    /// <summary>Bulk (rules 3a and 6): List-Unsubscribe present, or Precedence bulk, junk or list.</summary>
    public static bool IsBulk(MailRecord message)
    {
        if (message.Facts.ListUnsubscribe)
        {
            return true;
        }

        return message.Facts.Precedence is { } precedence && StartsWithAny(precedence.AsSpan().Trim(), BulkPrecedence, exact: true);
    }

    /// <summary>The sender's local part contains noreply, no-reply, donotreply or do-not-reply.</summary>
    public static bool IsNoReplySender(string address)
    {
        var local = LocalPart(address);
        foreach (var marker in NoReplyMarkers)
        {
            if (local.Contains(marker, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    internal static ReadOnlySpan<char> LocalPart(string address)
    {
        var at = address.LastIndexOf('@');
        return at < 0 ? address.AsSpan() : address.AsSpan(0, at);
    }

    private static AutomatedKind ClassifyMessageClass(string? messageClass)
    {
        if (string.IsNullOrEmpty(messageClass))
        {
            return AutomatedKind.None;
        }

        if (messageClass.StartsWith("IPM.Note.Rules.OofTemplate", StringComparison.OrdinalIgnoreCase)
            || messageClass.StartsWith("IPM.Note.Rules.ReplyTemplate", StringComparison.OrdinalIgnoreCase))
        {
            return AutomatedKind.AutoReply;
        }

        if (messageClass.StartsWith("IPM.Schedule.Meeting", StringComparison.OrdinalIgnoreCase))
        {
            return AutomatedKind.Meeting;
        }

        return messageClass.StartsWith("REPORT.", StringComparison.OrdinalIgnoreCase) ? AutomatedKind.DeliveryReport : AutomatedKind.None;
    }

    /// <summary>The part of a header value before any ';', trimmed ("auto-replied; owner-email=…" → "auto-replied").</summary>
    private static ReadOnlySpan<char> HeaderToken(string value)
    {
        var span = value.AsSpan();
        var semicolon = span.IndexOf(';');
        return (semicolon < 0 ? span : span[..semicolon]).Trim();
    }

    private static bool StartsWithAny(ReadOnlySpan<char> text, string[] prefixes, bool exact = false)
    {
        foreach (var prefix in prefixes)
        {
            if (exact ? text.Equals(prefix, StringComparison.OrdinalIgnoreCase) : text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
