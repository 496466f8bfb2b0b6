using FluentValidation;
using OutlookFollowUp.Web;

namespace OutlookFollowUp.Reminders;

internal static partial class ReminderRules
{
    /// <summary>A reminder is due at most this far ahead.</summary>
    public const int MaxDaysAhead = 90;

    /// <summary>Graph immutable ids are ~150 characters and Message-IDs fit in one 998-character header line.</summary>
    public const int MaxIdLength = 1000;

    public static IRuleBuilderOptions<T, DateTimeOffset?> ValidRemindAt<T>(this IRuleBuilder<T, DateTimeOffset?> rule, TimeProvider time) =>
        rule.Must(at => at > time.GetUtcNow() && at <= time.GetUtcNow().AddDays(MaxDaysAhead))
            .WithMessage($"The reminder must be in the future and at most {MaxDaysAhead} days ahead.");

    /// <summary>
    /// RFC 5322's msg-id, <c>&lt;left@right&gt;</c>, and no stricter: Graph's ids, quoted left parts and [literal] right
    /// parts all pass; an id that is not one (no brackets, no '@', a list of ids) would make a reminder no message matches.
    /// </summary>
    public static IRuleBuilderOptions<T, string?> ValidInternetMessageId<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(id => id is null || MsgId().IsMatch(id))
            .WithMessage("internetMessageId must be a Message-ID in RFC 5322's <left@right> form, angle brackets included, such as <1234.5678@mail.contoso.com>.");

    [System.Text.RegularExpressions.GeneratedRegex("^<[^<>]+@[^<>]+>$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex MsgId();

    public static IRuleBuilderOptions<T, string?> ValidMessageRef<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(id => id is null || id.Length is > 0 and <= MaxIdLength)
            .WithMessage($"An id is 1 to {MaxIdLength} characters.");
}

internal sealed class CreateReminderRequestValidator : AbstractValidator<CreateReminderRequest>
{
    public CreateReminderRequestValidator(TimeProvider time)
    {
        // A null stops its rule: later checks of the same field never see it.
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(r => r.MessageId).CleanId().ValidMessageRef();
        RuleFor(r => r.InternetMessageId).CleanId().ValidMessageRef().ValidInternetMessageId();
        RuleFor(r => r)
            .Must(r => r.MessageId is not null || r.InternetMessageId is not null)
            .WithMessage("Give messageId or internetMessageId.")
            .OverridePropertyName("messageId");
        RuleFor(r => r)
            .Must(r => (r.RemindAt is null) != (r.AfterHours is null))
            .WithMessage("Give exactly one of remindAt and afterHours.")
            .OverridePropertyName("remindAt");
        RuleFor(r => r.RemindAt).ValidRemindAt(time).When(r => r.RemindAt is not null);
        RuleFor(r => r.AfterHours).InclusiveBetween(1, ReminderRules.MaxDaysAhead * 24).When(r => r.AfterHours is not null);
    }
}

internal sealed class SnoozeRequestValidator : AbstractValidator<SnoozeRequest>
{
    public SnoozeRequestValidator(TimeProvider time)
    {
        // A null stops its rule: later checks of the same field never see it.
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(r => r.RemindAt).NotNull().ValidRemindAt(time);
    }
}
