using System.Text.RegularExpressions;
using FluentValidation;
using OutlookFollowUp.FollowUps;
using OutlookFollowUp.Localization;
using OutlookFollowUp.Web;

namespace OutlookFollowUp.Settings;

/// <summary>
/// PUT /api/settings. Nullable so that a null is a validation error with a name, not an unreadable body. <c>digest</c>
/// is optional: absent keeps the user's choice (or the policy's default when they never chose). So are
/// <c>language</c> and <c>allUnanswered</c>: absent or null keeps the stored one. So is <c>colleagueAnswers</c>: absent
/// keeps the user's choice.
/// </summary>
public sealed record SettingsRequest(
    int? WindowHours, bool? BusinessDays, string? TimeZone, int? LookbackDays,
    string[]? ExcludedSenders, string[]? ExcludedDomains, bool? SetOutlookFlags, bool? Digest = null, string? Language = null,
    bool? AllUnanswered = null, bool? ColleagueAnswers = null);

/// <summary>
/// PATCH /api/settings: the language (null means English), rule 9's mode (<c>allUnanswered</c>), or both; at least one.
/// Neither touches the detection settings, so a user who never chose them keeps following the tenant's defaults.
/// </summary>
public sealed record SettingsPatch
{
    private readonly string? _language;

    public string? Language
    {
        get => _language;
        init => (_language, LanguageGiven) = (value, true);
    }

    public bool? AllUnanswered { get; init; }

    /// <summary>False when the body has no <c>language</c> at all: null is a choice (English), a missing field is not.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool LanguageGiven { get; private init; }
}

/// <summary>
/// PUT /api/admin/policy. <c>digestDefault</c>, <c>allUnansweredDefault</c> and <c>colleagueAnswersDefault</c> are
/// optional: absent keeps the tenant's
/// current default.
/// </summary>
public sealed record PolicyRequest(
    int? DefaultWindowHours, int? MinWindowHours, int? MaxWindowHours, string[]? ExcludedDomains, int? RetentionDays, bool? DigestDefault = null,
    bool? AllUnansweredDefault = null, bool? ColleagueAnswersDefault = null);

internal static partial class ListRules
{
    /// <summary>One of the five languages; the message names them.</summary>
    public static IRuleBuilderOptions<T, string?> ValidLanguage<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(UserLanguages.IsKnown)
            .WithMessage(static (_, l) => $"language must be one of {UserLanguages.Allowed}; got '{OptionRules.Shorten(l)}'.");

    public const int MaxEntries = 200;

    public static IRuleBuilderOptions<T, string> ValidDomain<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(d => d is not null && d.Length <= 253 && Domain().IsMatch(d))
            .WithMessage(static (_, d) => $"'{OptionRules.Shorten(d)}' is not a domain name.");

    [GeneratedRegex(@"^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Domain();
}

internal sealed class SettingsRequestValidator : AbstractValidator<SettingsRequest>
{
    public SettingsRequestValidator()
    {
        // A null stops its rule: later checks of the same field never see it.
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(r => r.WindowHours).NotNull();
        RuleFor(r => r.WindowHours!.Value).ValidWindowHours().OverridePropertyName("windowHours").When(r => r.WindowHours is not null);
        RuleFor(r => r.BusinessDays).NotNull();
        RuleFor(r => r.TimeZone).NoControlCharacters().ValidTimeZone().When(r => r.TimeZone is not null);
        RuleFor(r => r.LookbackDays).NotNull();
        RuleFor(r => r.LookbackDays!.Value).ValidLookbackDays().OverridePropertyName("lookbackDays").When(r => r.LookbackDays is not null);
        // The lists are optional: a missing one is empty.
        RuleFor(r => r.ExcludedSenders).Must(l => l is null || l.Length <= ListRules.MaxEntries).WithMessage($"excludedSenders has at most {ListRules.MaxEntries} entries.");
        RuleForEach(r => r.ExcludedSenders).NotNull().NoControlCharacters().ValidAddress().When(r => r.ExcludedSenders is { Length: <= ListRules.MaxEntries });
        RuleFor(r => r.ExcludedDomains).Must(l => l is null || l.Length <= ListRules.MaxEntries).WithMessage($"excludedDomains has at most {ListRules.MaxEntries} entries.");
        RuleForEach(r => r.ExcludedDomains).NoControlCharacters().ValidDomain().When(r => r.ExcludedDomains is { Length: <= ListRules.MaxEntries });
        RuleFor(r => r.SetOutlookFlags).NotNull();
        RuleFor(r => r.Language).ValidLanguage().When(r => r.Language is not null);
    }
}

internal sealed class SettingsPatchValidator : AbstractValidator<SettingsPatch>
{
    public SettingsPatchValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(r => r.LanguageGiven).Equal(true)
            .WithMessage($"Send language (one of {UserLanguages.Allowed}, or null for English), allUnanswered (true or false), or both.")
            .OverridePropertyName("language")
            .When(r => r.AllUnanswered is null);
        RuleFor(r => r.Language).ValidLanguage().When(r => r.Language is not null);
    }
}

internal sealed class PolicyRequestValidator : AbstractValidator<PolicyRequest>
{
    public PolicyRequestValidator()
    {
        // A null stops its rule: later checks of the same field never see it.
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(r => r.MinWindowHours).NotNull();
        RuleFor(r => r.MinWindowHours!.Value).ValidWindowHours().OverridePropertyName("minWindowHours").When(r => r.MinWindowHours is not null);
        RuleFor(r => r.MaxWindowHours).NotNull();
        RuleFor(r => r.MaxWindowHours!.Value).ValidWindowHours().OverridePropertyName("maxWindowHours").When(r => r.MaxWindowHours is not null);
        RuleFor(r => r.MinWindowHours!.Value)
            .Must((r, min) => min <= r.MaxWindowHours!.Value)
            .WithMessage(static (r, min) => $"minWindowHours ({min}) must not be more than maxWindowHours ({r.MaxWindowHours}).")
            .OverridePropertyName("minWindowHours")
            .When(r => r.MinWindowHours is not null && r.MaxWindowHours is not null);
        RuleFor(r => r.DefaultWindowHours).NotNull();
        // Said only for a range that is one: with min above max, that is the problem to fix first.
        RuleFor(r => r.DefaultWindowHours!.Value)
            .Must((r, d) => d >= (r.MinWindowHours ?? int.MaxValue) && d <= (r.MaxWindowHours ?? int.MinValue))
            .WithMessage("The default window must lie between the minimum and the maximum.")
            .OverridePropertyName("defaultWindowHours")
            .When(r => r.DefaultWindowHours is not null && !(r.MinWindowHours > r.MaxWindowHours));
        RuleFor(r => r.ExcludedDomains).Must(l => l is null || l.Length <= ListRules.MaxEntries).WithMessage($"excludedDomains has at most {ListRules.MaxEntries} entries.");
        RuleForEach(r => r.ExcludedDomains).NoControlCharacters().ValidDomain().When(r => r.ExcludedDomains is { Length: <= ListRules.MaxEntries });
        RuleFor(r => r.RetentionDays).NotNull().InclusiveBetween(1, TenantPolicy.MaxRetentionDays);
    }
}
