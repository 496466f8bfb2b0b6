namespace OutlookFollowUp.FollowUps;

/// <summary>The escalation ladder and group replies (docs/detection-rules.md, "Follow-ups already sent" and "Group threads").</summary>
public sealed partial class ThreadRules
{
    /// <summary>
    /// The follow-ups already sent without an answer: the user's consecutive messages at the end of the thread (by
    /// date, ties in read order, as rule 4), messages that rules 3 and 3a skip left out, minus the first of the run
    /// (the original). 0 when the thread's last counted message is not the user's.
    /// </summary>
    public int Nudges(MailThread thread)
    {
        var counted = new List<(MailRecord Message, int Order)>(thread.Messages.Count);
        for (var i = 0; i < thread.Messages.Count; i++)
        {
            var message = thread.Messages[i];
            if (message.Date is not null && !Skips(message, thread))
            {
                counted.Add((message, i));
            }
        }

        counted.Sort(static (a, b) =>
        {
            var byDate = a.Message.Date!.Value.CompareTo(b.Message.Date!.Value);
            return byDate != 0 ? byDate : a.Order.CompareTo(b.Order);
        });

        var run = 0;
        for (var i = counted.Count - 1; i >= 0 && IsMe(counted[i].Message.From); i--)
        {
            run++;
        }

        return Math.Max(0, run - 1);
    }

    /// <summary>
    /// The counterparts who answered: each wrote a message that rules 3 and 3a do not skip, dated after the user's first
    /// counted message that had them in To or Cc. A reply-all answers for its sender only.
    /// </summary>
    public IReadOnlyList<MailAddress> Replied(MailThread thread, IReadOnlyList<MailAddress> counterparts)
    {
        List<MailAddress>? replied = null;
        foreach (var counterpart in counterparts)
        {
            if (FirstMessageTo(thread, counterpart.Address) is { } asked && WroteAfter(thread, counterpart.Address, asked))
            {
                (replied ??= []).Add(counterpart);
            }
        }

        return replied ?? (IReadOnlyList<MailAddress>)[];
    }

    private DateTimeOffset? FirstMessageTo(MailThread thread, string address)
    {
        DateTimeOffset? first = null;
        foreach (var message in thread.Messages)
        {
            if (message.Date is { } date && (first is null || date < first) && IsMe(message.From)
                && (Names(message.To, address) || Names(message.Cc, address)) && !Skips(message, thread))
            {
                first = date;
            }
        }

        return first;
    }

    private bool WroteAfter(MailThread thread, string address, DateTimeOffset asked)
    {
        foreach (var message in thread.Messages)
        {
            if (message.Date > asked && string.Equals(message.From, address, StringComparison.OrdinalIgnoreCase) && !Skips(message, thread))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Names(IReadOnlyList<MailAddress> recipients, string address)
    {
        for (var i = 0; i < recipients.Count; i++)
        {
            if (string.Equals(recipients[i].Address, address, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
