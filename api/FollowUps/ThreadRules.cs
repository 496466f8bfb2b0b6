using OutlookFollowUp.FollowUps.Asks;

namespace OutlookFollowUp.FollowUps;

/// <summary>Rules 3a and 4–7 for one thread. Built once per detection run: it holds the user's addresses and the options.</summary>
public sealed partial class ThreadRules
{
    private readonly HashSet<string> _me;
    private readonly DetectionOptions _options;
    private readonly MessagesById? _messages;

    /// <param name="options">The rule inputs.</param>
    /// <param name="messages">
    /// Every message of the input by Message-ID, for rule 3a; without it, only the thread's own messages are looked at
    /// (the same answer for MIME threads, which rule 2 builds from those very ids).
    /// </param>
    public ThreadRules(DetectionOptions options, MessagesById? messages = null)
    {
        _options = options;
        _messages = messages;
        _me = new HashSet<string>(options.Me.Select(a => a.Trim()), StringComparer.OrdinalIgnoreCase);
    }

    public bool IsMe(string address) => _me.Contains(address);

    /// <summary>Rule 3 (automated), else rule 3a (a generated list update): either way rules 4–7 skip the message.</summary>
    public AutomatedKind Classify(MailRecord message, MailThread thread)
    {
        var kind = AutomatedMail.Classify(message);
        return kind == AutomatedKind.None && IsListUpdate(message, thread) ? AutomatedKind.ListUpdate : kind;
    }

    /// <summary>
    /// Rule 3a: bulk, from someone other than <i>me</i>, no reply prefix, and In-Reply-To/References name no message
    /// from <i>me</i>: a build server's or tracker's post, not an answer and not a question to <i>me</i>.
    /// </summary>
    public bool IsListUpdate(MailRecord message, MailThread thread) =>
        AutomatedMail.IsBulk(message)
        && !IsMe(message.From)
        && !SubjectRules.HasReplyPrefix(message.Subject)
        && !NamesMessageFromMe(message.InReplyTo, thread)
        && !NamesMessageFromMe(message.References, thread);

    private bool Skips(MailRecord message, MailThread thread) => Classify(message, thread) != AutomatedKind.None;

    private bool NamesMessageFromMe(IReadOnlyList<string> ids, MailThread thread)
    {
        for (var i = 0; i < ids.Count; i++)
        {
            if ((_messages is null ? InThread(thread, ids[i]) : _messages.Find(ids[i])) is { } named && IsMe(named.From))
            {
                return true;
            }
        }

        return false;
    }

    private static MailRecord? InThread(MailThread thread, string internetMessageId)
    {
        foreach (var message in thread.Messages)
        {
            if (string.Equals(message.InternetMessageId, internetMessageId, StringComparison.Ordinal))
            {
                return message;
            }
        }

        return null;
    }

    /// <summary>Rule 4: the latest message by date that rules 3 and 3a do not skip; ties go to the later one read.</summary>
    public MailRecord? LastMessage(MailThread thread)
    {
        // Backwards, a message replaces the best so far only when strictly later, so ties still go to the later one read;
        // mail is mostly read in date order, so this usually classifies one message per thread instead of every one.
        var messages = thread.Messages;
        MailRecord? last = null;
        for (var i = messages.Count - 1; i >= 0; i--)
        {
            var message = messages[i];
            if (message.Date is null)
            {
                return LastMessageInReadOrder(thread);
            }

            if ((last is null || message.Date > last.Date) && !Skips(message, thread))
            {
                last = message;
            }
        }

        return last;
    }

    /// <summary>Rule 4 read forwards, for threads built by hand with dateless messages (the builder skips those).</summary>
    private MailRecord? LastMessageInReadOrder(MailThread thread)
    {
        MailRecord? last = null;
        foreach (var message in thread.Messages)
        {
            if ((last is null || message.Date >= last.Date) && !Skips(message, thread))
            {
                last = message;
            }
        }

        return last;
    }

    /// <summary>Rules 4–6: the thread's follow-up, or null when nobody is waiting (or not yet).</summary>
    public FollowUp? Evaluate(MailThread thread)
    {
        if (LastMessage(thread) is not { Date: { } since } last || !IsDue(since))
        {
            return null;
        }

        if (IsMe(last.From))
        {
            return WaitingOnThem(thread, last, since);
        }

        return WaitingOnMe(thread, last, since);
    }

    /// <summary>Rule 7: a later message in the thread from someone other than the user, not skipped by rules 3 and 3a, resolves a reminder.</summary>
    public MailRecord? FindReply(MailThread thread, MailRecord tracked)
    {
        foreach (var message in thread.Messages)
        {
            if (message.Date > tracked.Date && !IsMe(message.From) && !Skips(message, thread))
            {
                return message;
            }
        }

        return null;
    }

    private bool IsDue(DateTimeOffset since)
    {
        var now = _options.Now;
        if (since > now || since < now.AddDays(-_options.LookbackDays))
        {
            return false;
        }

        var window = TimeSpan.FromHours(_options.WindowHours);
        // Business hours never exceed wall-clock hours, so the cheap test rules most threads out first.
        return now - since >= window
            && (!_options.BusinessDays || ElapsedTime.BusinessHours(since, now, _options.TimeZone) >= window);
    }

    private FollowUp? WaitingOnThem(MailThread thread, MailRecord last, DateTimeOffset since)
    {
        var counterparts = new List<MailAddress>();
        AddCounterparts(counterparts, last.To);
        AddCounterparts(counterparts, last.Cc);
        if (counterparts.Count == 0 || SubjectRules.ExpectsNoReply(last.Subject) || !IsAsking(last))
        {
            return null;
        }

        var bounces = DeliveryFailuresAfter(thread, last);
        // A bounce names its recipient in its body (Final-Recipient), which is never read: with one recipient it is that one.
        IReadOnlyList<MailAddress> failed = bounces > 0 && counterparts.Count == 1 ? counterparts : [];
        var ignored = IgnoredAfter(thread, last);
        if (failed.Count > 0)
        {
            ignored = ignored with { DeliveryReports = Math.Max(0, ignored.DeliveryReports - bounces) };
        }

        var nudges = Nudges(thread);
        var replied = counterparts.Count > 1 ? Replied(thread, counterparts) : [];
        var reason = ReasonText.WaitingOnThem(counterparts, Age(since), ignored, failed, new ReasonText.Ladder(nudges, replied), AskedKind(last));
        return Result(FollowUpDirection.Theirs, thread, last, since, counterparts, reason) with
        {
            NotDelivered = [.. failed.Select(f => new NotDelivered(f.Address, f.Name))],
            Nudges = nudges,
            Replied = replied,
        };
    }

    /// <summary>Delivery failure reports (bounces) that arrived after the user's message.</summary>
    private static int DeliveryFailuresAfter(MailThread thread, MailRecord last)
    {
        var count = 0;
        foreach (var message in thread.Messages)
        {
            if (message.Date >= last.Date && !ReferenceEquals(message, last) && AutomatedMail.IsDeliveryFailure(message))
            {
                count++;
            }
        }

        return count;
    }

    private FollowUp? WaitingOnMe(MailThread thread, MailRecord last, DateTimeOffset since)
    {
        if (!AddressedToMe(last.To) || AutomatedMail.IsNoReplySender(last.From) || !IsAsking(last))
        {
            return null;
        }

        var bulk = AutomatedMail.IsBulk(last);
        if (bulk && !WroteInThread(thread))
        {
            return null;
        }

        var sender = new MailAddress(last.From, last.FromName);
        var reason = ReasonText.WaitingOnMe(sender, Age(since), bulk, IgnoredAfter(thread, last), AskedKind(last));
        return Result(FollowUpDirection.Mine, thread, last, since, last.From.Length > 0 ? [sender] : [], reason);
    }

    /// <summary>Rule 9: a candidate is listed when its last message asks, or was not read; every candidate in all-unanswered mode.</summary>
    private bool IsAsking(MailRecord last) => _options.AllUnanswered || last.Asks is not { Asks: false };

    /// <summary>What the reason says was asked: only in the default mode, so all-unanswered reasons stay as they were.</summary>
    private AskKind? AskedKind(MailRecord last) => _options.AllUnanswered ? null : last.Asks?.Kind;

    /// <summary>Recipients outside <c>me</c>, each address once, in header order.</summary>
    private void AddCounterparts(List<MailAddress> counterparts, IReadOnlyList<MailAddress> recipients)
    {
        for (var i = 0; i < recipients.Count; i++)
        {
            var recipient = recipients[i];
            if (recipient.Address.Length > 0 && !IsMe(recipient.Address) && !Contains(counterparts, recipient.Address))
            {
                counterparts.Add(recipient);
            }
        }
    }

    private static bool Contains(List<MailAddress> addresses, string address)
    {
        foreach (var candidate in addresses)
        {
            if (candidate.Address == address)
            {
                return true;
            }
        }

        return false;
    }

    private bool AddressedToMe(IReadOnlyList<MailAddress> to)
    {
        for (var i = 0; i < to.Count; i++)
        {
            if (IsMe(to[i].Address))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The user wrote a non-automated message in the thread (a list thread they took part in).</summary>
    private bool WroteInThread(MailThread thread)
    {
        var messages = thread.Messages;
        for (var i = 0; i < messages.Count; i++)
        {
            if (IsMe(messages[i].From) && !AutomatedMail.IsAutomated(messages[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static FollowUp Result(
        FollowUpDirection direction, MailThread thread, MailRecord last, DateTimeOffset since, IReadOnlyList<MailAddress> counterparts, string reason) =>
        new(direction, last.InternetMessageId, last.Id, thread.Key, since.ToUniversalTime(), last.Subject, counterparts.Select(c => c.Address).ToArray(), reason)
        {
            People = counterparts,
        };

    private ReasonText.Age Age(DateTimeOffset since) =>
        new(_options.Now - since, _options.BusinessDays ? ElapsedTime.BusinessHours(since, _options.Now, _options.TimeZone) : null);

    /// <summary>Automated messages and list updates that arrived after the last real one: the replies that did not count.</summary>
    private ReasonText.Ignored IgnoredAfter(MailThread thread, MailRecord last)
    {
        var autoReplies = 0;
        var reports = 0;
        var updates = 0;
        var messages = thread.Messages;
        for (var i = 0; i < messages.Count; i++)
        {
            var message = messages[i];
            if (message.Date < last.Date || ReferenceEquals(message, last))
            {
                continue;
            }

            switch (Classify(message, thread))
            {
                case AutomatedKind.AutoReply:
                    autoReplies++;
                    break;
                case AutomatedKind.DeliveryReport:
                    reports++;
                    break;
                case AutomatedKind.ListUpdate:
                    updates++;
                    break;
            }
        }

        return new ReasonText.Ignored(autoReplies, reports, updates);
    }
}
