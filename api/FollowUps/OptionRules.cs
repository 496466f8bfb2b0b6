using FluentValidation;

namespace OutlookFollowUp.FollowUps;

/// <summary>Validation rules for the detection inputs, shared by the `scan` command and the API's settings.</summary>
public static class OptionRules
{
    public const int MaxLookbackDays = 365;

    public static IRuleBuilderOptions<T, int> ValidWindowHours<T>(this IRuleBuilder<T, int> rule) =>
        rule.InclusiveBetween(DetectionOptions.MinWindowHours, DetectionOptions.MaxWindowHours)
            .WithMessage($"The window must be between {DetectionOptions.MinWindowHours} and {DetectionOptions.MaxWindowHours} hours.");

    public static IRuleBuilderOptions<T, int> ValidLookbackDays<T>(this IRuleBuilder<T, int> rule) =>
        rule.InclusiveBetween(1, MaxLookbackDays).WithMessage($"The lookback must be between 1 and {MaxLookbackDays} days.");

    public static IRuleBuilderOptions<T, string?> ValidTimeZone<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(id => id is not null && TryFindTimeZone(id, out _))
            .WithMessage(static (_, id) => $"Unknown time zone '{Shorten(id)}': use an IANA id (Europe/Berlin) or a Windows id (W. Europe Standard Time).");

    public static IRuleBuilderOptions<T, string> ValidAddress<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(a => a.Length is > 2 and <= 320 && a.IndexOf('@', StringComparison.Ordinal) > 0 && !a.Any(char.IsWhiteSpace))
            .WithMessage(static (_, a) => $"'{Shorten(a)}' is not an email address.");

    /// <summary>IANA or Windows time zone ids (.NET converts between them with ICU).</summary>
    public static bool TryFindTimeZone(string id, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        return !string.IsNullOrWhiteSpace(id) && id.Length <= 100 && TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out zone!);
    }

    /// <summary>Echo at most a short prefix of bad input in messages.</summary>
    public static string Shorten(string? value) => value is null ? "" : value.Length <= 60 ? value : value[..60] + "…";
}
