using FluentValidation;
using OutlookFollowUp.FollowUps;

namespace OutlookFollowUp.Scan;

public enum ScanFormat
{
    Json,
    Table,
}

/// <summary>Which labelled rows `scan --labels` scores.</summary>
public enum ScanSplit
{
    All,
    Tune,
    Heldout,
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

    /// <summary>True when --format was given (the evaluation prints a table unless asked for JSON).</summary>
    public bool FormatGiven { get; init; }

    public bool NowGiven { get; init; }

    /// <summary>Rules 1–8 alone, every unanswered thread (rule 9 off).</summary>
    public bool AllUnanswered { get; init; }

    /// <summary>A labels file: evaluate rule 9 instead of listing threads.</summary>
    public string? Labels { get; init; }

    public ScanSplit Split { get; init; } = ScanSplit.All;

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
            AllUnanswered = AllUnanswered,
        };
    }
}

public sealed class ScanRequestValidator : AbstractValidator<ScanRequest>
{
    public ScanRequestValidator()
    {
        When(r => r.Labels is not null, () =>
        {
            RuleFor(r => r.Labels).Must(File.Exists)
                .WithMessage(static (_, p) => $"No such labels file: {OptionRules.Shorten(p)} (looked for {OptionRules.Shorten(System.IO.Path.GetFullPath(p!))}).");
            RuleFor(r => r).Must(r => r.Path is null && r.Me.Count == 0 && !r.NowGiven && !r.AllUnanswered)
                .WithMessage("--labels takes the mail, the addresses and the time from the labels file: leave out the path, --me, --now and --all-unanswered.");
        });
        When(r => r.Labels is null, Listing);
    }

    private void Listing()
    {
        RuleFor(r => r.Split).Equal(ScanSplit.All).WithMessage("--split goes with --labels.");
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
