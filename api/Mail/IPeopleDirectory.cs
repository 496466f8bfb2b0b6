namespace OutlookFollowUp.Mail;

/// <summary>Someone's best phone number as the user's people data gives it.</summary>
/// <param name="Address">The address that was asked about, lower case.</param>
/// <param name="Name">The person's display name there, when it has one.</param>
/// <param name="Type">Graph's phone type: <c>mobile</c>, <c>business</c>, <c>home</c>, <c>other</c>, <c>assistant</c> or <c>radio</c>.</param>
public sealed record PersonPhone(string Address, string? Name, string Number, string Type);

/// <summary>What a look-up learnt, per lower-case address.</summary>
/// <param name="Answers">
/// An address present with a phone has one; present with null was looked up and has none; absent was not answered
/// (throttled after retries, Graph failing): ask again later.
/// </param>
/// <param name="Known">False when this mailbox cannot look people up at all (app-only access, MIME files): nothing was asked.</param>
public sealed record PhoneLookup(IReadOnlyDictionary<string, PersonPhone?> Answers, bool Known = true)
{
    public static readonly PhoneLookup Unknown = new(new Dictionary<string, PersonPhone?>(), Known: false);
}

/// <summary>
/// Phone numbers of the people a user mails, from the user's own people data (Graph's people API, delegated
/// <c>People.Read</c>): the escalation ladder's "call them" next to the Teams chat. A number is chosen mobile first, then
/// business, then any other voice number (home, other, assistant, radio); fax and pager numbers never.
/// </summary>
public interface IPeopleDirectory
{
    /// <summary>
    /// One look-up per address; the Graph adapter sends them as <c>$batch</c> parts, 20 to a request. Throws
    /// <see cref="MailAccessDeniedException"/> when the token lacks <c>People.Read</c>, and the product's other
    /// <see cref="MailException"/>s when nothing could be answered.
    /// </summary>
    Task<PhoneLookup> GetPhonesAsync(IReadOnlyCollection<string> addresses, CancellationToken cancellationToken);
}

/// <summary>A mailbox with no people data to ask: every answer is "unknown".</summary>
public sealed class NoPeopleDirectory : IPeopleDirectory
{
    public static readonly NoPeopleDirectory Instance = new();

    public Task<PhoneLookup> GetPhonesAsync(IReadOnlyCollection<string> addresses, CancellationToken cancellationToken) =>
        Task.FromResult(PhoneLookup.Unknown);
}
