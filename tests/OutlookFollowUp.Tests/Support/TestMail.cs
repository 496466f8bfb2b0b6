using Microsoft.Extensions.Time.Testing;
using OutlookFollowUp.FollowUps;

namespace OutlookFollowUp.Tests.Support;

/// <summary>Builders for engine records and rule inputs: one mailbox, "me" = me@contoso.com, now = a fixed Wednesday noon UTC.</summary>
public static class TestMail
{
    public const string Me = "me@contoso.com";
    public const string Ana = "ana@fabrikam.com";
    public const string Bob = "bob@fabrikam.com";

    /// <summary>Wednesday 2026-11-18 12:00 UTC.</summary>
    public static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 18, 12, 0, 0, TimeSpan.Zero));

    public static DateTimeOffset Now => Clock.GetUtcNow();

    private static int _sequence;

    public static MailRecord Message(
        string from = Me,
        string[]? to = null,
        string[]? cc = null,
        double hoursAgo = 72,
        string subject = "Quarterly numbers",
        string? id = null,
        string[]? references = null,
        HeaderFacts? facts = null,
        string? fromName = null)
    {
        var messageId = id ?? $"<m{Interlocked.Increment(ref _sequence)}@test>";
        return new MailRecord
        {
            Id = messageId,
            InternetMessageId = messageId,
            From = from,
            FromName = fromName,
            To = (to ?? [from == Me ? Ana : Me]).Select(a => new MailAddress(a)).ToArray(),
            Cc = (cc ?? []).Select(a => new MailAddress(a)).ToArray(),
            Date = Now.AddHours(-hoursAgo),
            Subject = subject,
            References = references ?? [],
            Facts = facts ?? HeaderFacts.None,
        };
    }

    public static MailRecord ReplyTo(this MailRecord parent, MailRecord reply) =>
        reply with { InReplyTo = [parent.InternetMessageId!], References = [.. parent.References, parent.InternetMessageId!] };

    public static DetectionOptions Options(int windowHours = 48, int lookbackDays = 14, bool businessDays = false, string zone = "UTC", params string[] me) => new()
    {
        Me = me.Length > 0 ? me : [Me],
        Now = Now,
        WindowHours = windowHours,
        LookbackDays = lookbackDays,
        BusinessDays = businessDays,
        TimeZone = TimeZoneInfo.FindSystemTimeZoneById(zone),
    };

    public static IReadOnlyList<FollowUp> Detect(DetectionOptions options, params MailRecord[] messages) =>
        FollowUpEngine.Detect(messages, options).Threads;

    public static IReadOnlyList<FollowUp> Detect(params MailRecord[] messages) => Detect(Options(), messages);
}
