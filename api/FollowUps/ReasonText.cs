using System.Globalization;
using OutlookFollowUp.FollowUps.Asks;

namespace OutlookFollowUp.FollowUps;

/// <summary>The human-readable reason every result carries, built only from the facts the rules used.</summary>
public static partial class ReasonText
{
    /// <summary>How long the thread has waited; business hours when that mode is on.</summary>
    public readonly record struct Age(TimeSpan Elapsed, TimeSpan? BusinessHours);

    /// <summary>Automated messages (rule 3) and generated list updates (rule 3a) after the last real one, by kind.</summary>
    public readonly record struct Ignored(int AutoReplies, int DeliveryReports, int ListUpdates = 0);

    /// <summary>The follow-ups already sent (the escalation ladder) and, in a group thread, who answered earlier.</summary>
    public readonly record struct Ladder(int Nudges, IReadOnlyList<MailAddress> Replied);

    /// <param name="notDelivered">Recipients a bounce named: the reason starts with "Not delivered to …".</param>
    /// <param name="asked">Rule 9: what the user's message asked, said instead of "wrote to"; null (or unreadable) keeps "wrote to".</param>
    public static string WaitingOnThem(
        IReadOnlyList<MailAddress> recipients, Age age, Ignored ignored, IReadOnlyList<MailAddress>? notDelivered = null, Ladder ladder = default,
        AskKind? asked = null)
    {
        var bounce = notDelivered is { Count: > 0 } failed ? $"Not delivered to {Names(failed)}: a delivery failure report came back. " : "";
        return $"{bounce}You {Asked(asked, Names(recipients))} {Describe(age)} ago; no reply since.{Describe(ladder, recipients)}{Describe(ignored)}";
    }

    /// <summary>"asked Ana a question", "sent Ana a request", …; "wrote to Ana" when the kind is not known.</summary>
    private static string Asked(AskKind? kind, string whom) => kind switch
    {
        AskKind.Question => $"asked {whom} a question",
        AskKind.Request => $"sent {whom} a request",
        AskKind.Proposal => $"made {whom} a proposal",
        AskKind.Review => $"asked {whom} for a review",
        AskKind.Signature => $"asked {whom} for a signature",
        AskKind.Date => $"asked {whom} to pick a date",
        AskKind.Update => $"asked {whom} for an update",
        _ => $"wrote to {whom}",
    };

    /// <summary>" That was your 2nd follow-up." and " Bob replied earlier; still waiting on Carla."; empty when neither applies.</summary>
    private static string Describe(Ladder ladder, IReadOnlyList<MailAddress> recipients)
    {
        var nudges = ladder.Nudges > 0 ? $" That was your {Ordinal(ladder.Nudges)} follow-up." : "";
        if (ladder.Replied is not { Count: > 0 } replied)
        {
            return nudges;
        }

        var waiting = recipients.Where(r => !replied.Any(p => string.Equals(p.Address, r.Address, StringComparison.OrdinalIgnoreCase))).ToList();
        var group = waiting.Count == 0
            ? " Everyone replied earlier in the thread."
            : $" {Names(replied)} replied earlier; still waiting on {Names(waiting)}.";
        return nudges + group;
    }

    /// <summary>1st, 2nd, 3rd, 4th, …, 11th, 12th, 13th, 21st.</summary>
    internal static string Ordinal(int n)
    {
        var suffix = (n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" };
        return n.ToString(CultureInfo.InvariantCulture) + suffix;
    }

    /// <param name="asked">Rule 9: what the message asked the user, said instead of "wrote to you"; null (or unreadable) keeps it.</param>
    public static string WaitingOnMe(MailAddress sender, Age age, bool viaList, Ignored ignored, AskKind? asked = null)
    {
        var list = viaList ? " It came through a mailing list, but you took part in this thread." : "";
        return $"{Name(sender)} {Asked(asked, "you")} {Describe(age)} ago; you have not replied.{list}{Describe(ignored)}";
    }

    public static string Name(MailAddress address) =>
        string.IsNullOrWhiteSpace(address.Name) ? (address.Address.Length > 0 ? address.Address : "Someone") : address.Name.Trim();

    private static string Names(IReadOnlyList<MailAddress> recipients) => recipients.Count switch
    {
        1 => Name(recipients[0]),
        2 => $"{Name(recipients[0])} and {Name(recipients[1])}",
        _ => $"{Name(recipients[0])} and {recipients.Count - 1} others",
    };

    private static string Describe(Age age)
    {
        var text = Duration(age.Elapsed);
        return age.BusinessHours is { } business
            ? $"{text} ({((int)business.TotalHours).ToString(CultureInfo.InvariantCulture)} working hours)"
            : text;
    }

    private static string Duration(TimeSpan elapsed)
    {
        var hours = (int)elapsed.TotalHours;
        return hours < 48 ? Plural(hours, "hour") : Plural(hours / 24, "day");
    }

    private static string Describe(Ignored ignored)
    {
        if (ignored is { AutoReplies: 0, DeliveryReports: 0, ListUpdates: 0 })
        {
            return ""; // the common case: no list to build
        }

        var parts = new List<string>(3);
        if (ignored.AutoReplies > 0)
        {
            parts.Add($" {Plural(ignored.AutoReplies, "automatic reply", "automatic replies")} (such as out-of-office) did not count as an answer.");
        }

        if (ignored.DeliveryReports > 0)
        {
            parts.Add($" {Plural(ignored.DeliveryReports, "delivery report")} ignored.");
        }

        if (ignored.ListUpdates > 0)
        {
            parts.Add(ignored.ListUpdates == 1
                ? " 1 build or tracker update did not count as a reply."
                : $" {Plural(ignored.ListUpdates, "build or tracker update")} did not count as replies.");
        }

        return string.Concat(parts);
    }

    private static string Plural(int count, string one, string? many = null) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? one : many ?? one + "s");
}
