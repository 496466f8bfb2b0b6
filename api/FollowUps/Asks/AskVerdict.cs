using System.Text.Json.Serialization;

namespace OutlookFollowUp.FollowUps.Asks;

/// <summary>What a message asks its recipients for (rule 9); <see cref="None"/> when it asks nothing.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AskKind>))]
public enum AskKind
{
    /// <summary>Asks nothing: thanks, an answer, a status update, FYI, a confirmation.</summary>
    [JsonStringEnumMemberName("none")] None,

    /// <summary>A question awaiting the recipients' answer.</summary>
    [JsonStringEnumMemberName("question")] Question,

    /// <summary>A request to do or send something ("please send the figures by Friday").</summary>
    [JsonStringEnumMemberName("request")] Request,

    /// <summary>A proposal or a choice awaiting the recipients' decision.</summary>
    [JsonStringEnumMemberName("proposal")] Proposal,

    /// <summary>A review, feedback or approval.</summary>
    [JsonStringEnumMemberName("review")] Review,

    /// <summary>A signature.</summary>
    [JsonStringEnumMemberName("signature")] Signature,

    /// <summary>A date or a time: scheduling.</summary>
    [JsonStringEnumMemberName("date")] Date,

    /// <summary>A nudge for news on an earlier request ("any update?").</summary>
    [JsonStringEnumMemberName("update")] Update,

    /// <summary>No text could be read (refused, encrypted, empty): counted as asking, since a missed follow-up costs more.</summary>
    [JsonStringEnumMemberName("unreadable")] Unreadable,
}

/// <summary>The classifier's verdict on one message; only this is stored, never the text.</summary>
public sealed record AskVerdict(AskKind Kind)
{
    public static readonly AskVerdict Nothing = new(AskKind.None);
    public static readonly AskVerdict Unreadable = new(AskKind.Unreadable);

    /// <summary>True unless the message asks nothing: an unreadable message counts as asking.</summary>
    public bool Asks => Kind != AskKind.None;
}

/// <summary>The few facts besides the text that the classifier reads.</summary>
public sealed record AskFacts
{
    public static readonly AskFacts None = new();

    /// <summary>True when the message was written to the user (rule 6's direction), false for the user's own mail.</summary>
    public bool ToMe { get; init; }

    /// <summary>The user's own names (display name, first name) as recipients address them, for "Ana, can you …".</summary>
    public IReadOnlyList<string> MyNames { get; init; } = [];

    /// <summary>Display names of the other recipients (To and Cc besides the user), for a question addressed to one of them.</summary>
    public IReadOnlyList<string> OtherRecipientNames { get; init; } = [];

    /// <summary>Graph's inferenceClassification ("focused" or "other"); a signal for mail to the user, never a verdict.</summary>
    public string? InferenceClassification { get; init; }

    /// <summary>The message's subject (the classifier may read a question in it, never a quoted title).</summary>
    public string Subject { get; init; } = "";
}
