namespace OutlookFollowUp.Mail;

/// <summary>
/// One recipient's automatic reply as Graph's MailTips give it. <see cref="On"/> is false when no automatic reply is
/// set; <see cref="Start"/> and <see cref="End"/> are its scheduled window, null when it has none (on until turned off).
/// </summary>
public sealed record AutomaticReply(string Address, bool On, DateTimeOffset? Start = null, DateTimeOffset? End = null)
{
    public static AutomaticReply Off(string address) => new(address, On: false);

    /// <summary>On at <paramref name="now"/>: a scheduled reply counts only inside its window.</summary>
    public bool AwayAt(DateTimeOffset now) => On && (Start is null || Start <= now) && (End is null || End > now);
}

/// <summary>The user's working hours (Graph <c>mailboxSettings.workingHours</c>), in <see cref="TimeZone"/>.</summary>
public sealed record WorkingHours(IReadOnlySet<DayOfWeek> Days, TimeOnly Start, TimeOnly End, TimeZoneInfo TimeZone)
{
    /// <summary>What the product assumes when a mailbox has no working hours: Monday to Friday, 09:00 to 17:00.</summary>
    public static WorkingHours Default(TimeZoneInfo zone) => new(
        new HashSet<DayOfWeek> { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday },
        new TimeOnly(9, 0), new TimeOnly(17, 0), zone);
}

/// <summary>
/// Recipients' automatic replies (Graph <c>getMailTips</c> with <c>automaticReplies</c>) and the user's working hours.
/// A mailbox that cannot tell answers "unknown": no replies, no working hours.
/// </summary>
public interface IMailTips
{
    /// <summary>
    /// The automatic replies of these addresses, keyed by lower-case address; an address Graph said nothing about is
    /// absent. The Graph adapter asks up to 100 addresses a call. Throws the product's <see cref="MailException"/>s.
    /// </summary>
    Task<IReadOnlyDictionary<string, AutomaticReply>> GetAutomaticRepliesAsync(IReadOnlyCollection<string> addresses, CancellationToken cancellationToken);

    /// <summary>The user's working hours and time zone, or null when the mailbox has none.</summary>
    Task<WorkingHours?> GetWorkingHoursAsync(CancellationToken cancellationToken);
}

/// <summary>A mailbox that knows no automatic replies (fakes, MIME files): nothing is ever held.</summary>
public sealed class NoMailTips : IMailTips
{
    public static readonly NoMailTips Instance = new();

    public Task<IReadOnlyDictionary<string, AutomaticReply>> GetAutomaticRepliesAsync(IReadOnlyCollection<string> addresses, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, AutomaticReply>>(new Dictionary<string, AutomaticReply>());

    public Task<WorkingHours?> GetWorkingHoursAsync(CancellationToken cancellationToken) => Task.FromResult<WorkingHours?>(null);
}
