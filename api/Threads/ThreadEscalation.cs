using System.Text;
using OutlookFollowUp.FollowUps;
using OutlookFollowUp.Localization;

namespace OutlookFollowUp.Threads;

/// <summary>
/// What a thread row offers once mail is not working (the escalation ladder): after two follow-ups without an answer,
/// another channel (<c>otherChannel</c>: a Teams chat with the people waited on, and a call when the user's people data
/// has their number, from GET /api/threads/{threadKey}/phones in ThreadsApi.Phones.cs); after three, also <c>moveOn</c>
/// (POST /api/threads/{threadKey}/dismiss with <c>reason: "moved_on"</c>).
/// </summary>
/// <param name="Offers">"otherChannel", then "moveOn" from the third follow-up on.</param>
/// <param name="TeamsChatUrl">Teams' documented chat deep link with those people and a prefilled message.</param>
public sealed record ThreadEscalation(IReadOnlyList<string> Offers, string TeamsChatUrl)
{
    public const string OtherChannel = "otherChannel";
    public const string MoveOn = "moveOn";

    /// <summary>Nudges from which another channel is offered.</summary>
    public const int OtherChannelFrom = 2;

    /// <summary>Nudges from which moving on is offered.</summary>
    public const int MoveOnFrom = 3;

    private const string TeamsChat = "https://teams.microsoft.com/l/chat/0/0";

    /// <summary>A subject longer than this is cut in the prefilled message, so the link stays a reasonable length.</summary>
    private const int MaxSubjectLength = 120;

    /// <summary>Null below two nudges, for <c>mine</c>, and when there is nobody to chat with.</summary>
    /// <param name="language">The user's language (the chat's prefilled message is in it); English when null.</param>
    public static ThreadEscalation? For(FollowUp thread, IReadOnlyList<string> waitingOn, string? language = null)
    {
        if (thread.Direction != FollowUpDirection.Theirs || thread.Nudges < OtherChannelFrom || waitingOn.Count == 0)
        {
            return null;
        }

        string[] offers = thread.Nudges >= MoveOnFrom ? [OtherChannel, MoveOn] : [OtherChannel];
        return new ThreadEscalation(offers, ChatLink(waitingOn, thread.Subject, language));
    }

    /// <summary>
    /// <c>https://teams.microsoft.com/l/chat/0/0?users=a@x,b@y&amp;message=…</c>: addresses separated by commas, each
    /// and the message percent-encoded. The message is one whole sentence of the user's language with the subject in it.
    /// </summary>
    public static string ChatLink(IReadOnlyList<string> addresses, string subject, string? language = null)
    {
        var topic = SubjectRules.StripReplyPrefixes(subject).Trim().ToString().ReplaceLineEndings(" ");
        if (topic.Length > MaxSubjectLength)
        {
            topic = topic[..(MaxSubjectLength - 1)] + "…";
        }

        var texts = ServerTexts.For(language);
        var message = topic.Length == 0
            ? texts.Format(TextKey.TeamsChatMessageNoSubject)
            : texts.Format(TextKey.TeamsChatMessage, values: ("subject", topic));
        var url = new StringBuilder(TeamsChat).Append("?users=");
        // As Teams documents it (users=a@x,b@y): '@' stays readable, anything else an address may hold is encoded.
        url.AppendJoin(',', addresses.Select(a => Uri.EscapeDataString(a).Replace("%40", "@", StringComparison.Ordinal)));
        return url.Append("&message=").Append(Uri.EscapeDataString(message)).ToString();
    }
}
