using System.Text.Json;
using System.Text.Json.Serialization;
using OutlookFollowUp.FollowUps;
using OutlookFollowUp.FollowUps.Asks;
using OutlookFollowUp.Storage;


namespace OutlookFollowUp.MailIndex;

/// <summary>MailRecord and FollowUp to and from their stored rows.</summary>
internal static class StoredMapping
{
    public static void CopyTo(this MailRecord r, IndexedMessage m, string folder)
    {
        m.Folder = folder;
        m.InternetMessageId = r.InternetMessageId;
        m.ConversationId = r.ConversationId;
        m.InReplyTo = StoredJson.Strings(r.InReplyTo);
        m.References = StoredJson.Strings(r.References);
        m.ThreadIndex = r.ThreadIndex;
        m.From = r.From;
        m.FromName = r.FromName;
        m.To = StoredJson.Addresses(r.To);
        m.Cc = StoredJson.Addresses(r.Cc);
        m.Date = r.Date;
        m.DateOffsetMinutes = r.Date is { } d ? (short)d.Offset.TotalMinutes : null;
        m.Subject = r.Subject;
        m.AutoSubmitted = r.Facts.AutoSubmitted;
        m.AutoReplyHeader = r.Facts.AutoReplyHeader;
        m.ContentType = r.Facts.ContentType;
        m.MessageClass = r.Facts.MessageClass;
        m.ListUnsubscribe = r.Facts.ListUnsubscribe;
        m.Precedence = r.Facts.Precedence;
        // A message's text does not change: a verdict read once stays when delta sends the message again without one.
        m.Asks = r.Asks is { } verdict ? AskName(verdict.Kind) : m.Asks;
    }

    /// <summary>The stored name of a verdict's kind, as the JSON spells it ("question", "none", "unreadable").</summary>
    public static string AskName(AskKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>The stored verdict; null when not judged, or for a kind this version does not know (judged again, as asking).</summary>
    public static AskVerdict? AskVerdictOf(string? stored) =>
        stored is not null && Enum.TryParse<AskKind>(stored, ignoreCase: true, out var kind) && Enum.IsDefined(kind) && !int.TryParse(stored, out _)
            ? new AskVerdict(kind)
            : null;

    public static MailRecord ToRecord(this IndexedMessage m) => new()
    {
        Id = m.Id,
        InternetMessageId = m.InternetMessageId,
        ConversationId = m.ConversationId,
        InReplyTo = StoredJson.Strings(m.InReplyTo),
        References = StoredJson.Strings(m.References),
        ThreadIndex = m.ThreadIndex,
        From = m.From,
        FromName = m.FromName,
        To = StoredJson.Addresses(m.To),
        Cc = StoredJson.Addresses(m.Cc),
        Date = m.Date?.ToOffset(TimeSpan.FromMinutes(m.DateOffsetMinutes ?? 0)),
        Subject = m.Subject,
        Facts = new HeaderFacts
        {
            AutoSubmitted = m.AutoSubmitted,
            AutoReplyHeader = m.AutoReplyHeader,
            ContentType = m.ContentType,
            MessageClass = m.MessageClass,
            ListUnsubscribe = m.ListUnsubscribe,
            Precedence = m.Precedence,
        },
        Asks = AskVerdictOf(m.Asks),
    };

    public static ThreadSummary ToSummary(this FollowUp f, string userKey, DateTimeOffset computedAt) => new()
    {
        UserKey = userKey,
        ThreadKey = f.ThreadKey,
        Direction = DirectionName(f.Direction),
        MessageId = f.MessageId,
        InternetMessageId = f.InternetMessageId,
        Since = f.Since,
        Subject = f.Subject,
        // With names or a bounce, the column holds address objects (as To/Cc do, a bounced one marked "x" with its reason
        // in "r"); rows written before names were kept hold strings.
        Counterparts = StoredCounterparts(f),
        Reason = f.Reason,
        ComputedAt = computedAt,
        Nudges = f.Nudges,
        Routes = StoredRoutes.Write(f),
    };

    /// <param name="allUnanswered">The reason of rules 1–8; otherwise the default mode's, which names what was asked.</param>
    public static FollowUp ToFollowUp(this ThreadSummary t, bool allUnanswered = true)
    {
        var stored = t.Counterparts.StartsWith("[{", StringComparison.Ordinal)
            ? JsonSerializer.Deserialize(t.Counterparts, StoredCounterpartContext.Default.StoredCounterpartArray) ?? []
            : [];
        var people = stored.Select(c => new MailAddress(c.A, c.N)).ToArray();
        var routes = StoredRoutes.Read(t.Routes);
        return new(
            t.Direction == "mine" ? FollowUpDirection.Mine : FollowUpDirection.Theirs,
            t.InternetMessageId,
            t.MessageId,
            t.ThreadKey,
            t.Since,
            t.Subject,
            people.Length > 0 ? people.Select(p => p.Address).ToArray() : StoredJson.Strings(t.Counterparts),
            allUnanswered ? t.Reason : t.AskingReason ?? t.Reason)
        {
            People = people,
            NotDelivered = stored.Where(c => c.X == true).Select(c => new NotDelivered(c.A, c.N, c.R)).ToArray(),
            Nudges = t.Nudges,
            Replied = stored.Where(c => c.P == true).Select(c => new MailAddress(c.A, c.N)).ToArray(),
            Away = AwayMarks(t.Away),
            Answered = routes?.Answered ?? [],
            Hold = routes?.Hold,
        };
    }

    public static string StoredAway(IReadOnlyList<AwayMark> away) =>
        JsonSerializer.Serialize([.. away.Select(a => new StoredAwayMark(a.Address, a.Name, a.Until))], StoredCounterpartContext.Default.StoredAwayMarkArray);

    /// <summary>The stored marks; null when not asked yet, or when the column cannot be read (asked again then).</summary>
    private static AwayMark[]? AwayMarks(string? stored)
    {
        if (string.IsNullOrEmpty(stored))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(stored, StoredCounterpartContext.Default.StoredAwayMarkArray)?.Select(a => new AwayMark(a.A, a.N, a.U)).ToArray();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string StoredCounterparts(FollowUp f)
    {
        if (!f.People.Any(p => p.Name is not null) && f.NotDelivered.Count == 0 && f.Replied.Count == 0)
        {
            return StoredJson.Strings(f.Counterparts) ?? "[]";
        }

        var people = f.People.Count > 0 ? f.People : [.. f.Counterparts.Select(a => new MailAddress(a))];
        var stored = people.Select(p => (f.NotDelivered.FirstOrDefault(n => n.Address == p.Address) is { } failed
            ? new StoredCounterpart(p.Address, p.Name, true, failed.Reason)
            : new StoredCounterpart(p.Address, p.Name, null, null)) with
        {
            P = f.Replied.Any(r => r.Address == p.Address) ? true : null,
        }).ToArray();
        return JsonSerializer.Serialize(stored, StoredCounterpartContext.Default.StoredCounterpartArray);
    }

    public static string DirectionName(FollowUpDirection direction) =>
        direction == FollowUpDirection.Mine ? "mine" : "theirs";
}

/// <summary>
/// A counterpart in the thread row: address, name, when a bounce named it "x": true and the reason, and in a group
/// thread "p": true when they replied.
/// </summary>
internal sealed record StoredCounterpart(
    [property: JsonPropertyName("a")] string A,
    [property: JsonPropertyName("n")] string? N,
    [property: JsonPropertyName("x")] bool? X,
    [property: JsonPropertyName("r")] string? R)
{
    [JsonPropertyName("p")]
    public bool? P { get; init; }
}

/// <summary>A waited-on counterpart away: address, name, and "u" the end of their automatic reply when it has one.</summary>
internal sealed record StoredAwayMark(
    [property: JsonPropertyName("a")] string A,
    [property: JsonPropertyName("n")] string? N,
    [property: JsonPropertyName("u")] DateTimeOffset? U);

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StoredCounterpart[]))]
[JsonSerializable(typeof(StoredAwayMark[]))]
internal sealed partial class StoredCounterpartContext : JsonSerializerContext;
