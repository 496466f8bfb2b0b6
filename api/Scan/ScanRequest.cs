using FluentValidation;
using OutlookFollowUp.FollowUps;

namespace OutlookFollowUp.Scan;

public enum ScanFormat
{
    Json,
    Table,
}

/// <summary>The `scan` command's arguments after parsing, before validation.</summary>
public sealed record ScanRequest
{
    public string? Path { get; init; }
    public IReadOnlyList<string> Me { get; init; } = [];
    public DateTimeOffset? Now { get; init; }
    public int WindowHours { get; init; } = DetectionOptions.DefaultWindowHours;
    public int LookbackDays { get; init; } = DetectionOptions.DefaultLookbackDays;
    public bool BusinessDays { get; init; }
    public string TimeZone { get; init; } = "UTC";
    public ScanFormat Format { get; init; } = ScanFormat.Json;

    public DetectionOptions ToOptions(DateTimeOffset now)
    {
        OptionRules.TryFindTimeZone(TimeZone, out var zone);
        return new DetectionOptions
        {
            Me = Me,
            Now = Now ?? now,
            WindowHours = WindowHours,
            LookbackDays = LookbackDays,
            BusinessDays = BusinessDays,
            TimeZone = zone,
        };
    }
}

public sealed class ScanRequestValidator : AbstractValidator<ScanRequest>
{
    public ScanRequestValidator()
    {
        RuleFor(r => r.Path).Cascade(CascadeMode.Stop)
            .Must(p => !string.IsNullOrWhiteSpace(p)).WithMessage("Missing path: give an mbox file, a folder of .eml files or a Maildir.")
            .Must(p => File.Exists(p) || Directory.Exists(p)).WithMessage(static (_, p) => $"No such file or folder: {OptionRules.Shorten(p)} (looked for {OptionRules.Shorten(System.IO.Path.GetFullPath(p!))}).");
        RuleFor(r => r.Me).NotEmpty().WithMessage("Give at least one --me ADDRESS (your primary address and aliases).");
        RuleForEach(r => r.Me).ValidAddress();
        RuleFor(r => r.WindowHours).ValidWindowHours();
        RuleFor(r => r.LookbackDays).ValidLookbackDays();
        RuleFor(r => r.TimeZone).ValidTimeZone();
    }
}
