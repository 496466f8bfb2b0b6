using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using OutlookFollowUp.FollowUps;

namespace OutlookFollowUp.Scan;

/// <summary>The `scan` arguments (docs/detection-rules.md) as System.CommandLine symbols; a malformed value is one line, never an exception.</summary>
public sealed class ScanArguments
{
    public Argument<string> Path { get; } = new("path")
    {
        Description = "An mbox file, a folder of .eml files, or a Maildir (cur/, new/); relative to where you run it.",
        Arity = ArgumentArity.ZeroOrOne, // so a missing path gets the validator's sentence rather than the parser's
    };

    public Option<string[]> Me { get; } = new("--me")
    {
        Description = "Your address; repeat it for aliases. Required.",
        HelpName = "address",
        AllowMultipleArgumentsPerToken = false,
        Arity = ArgumentArity.OneOrMore,
    };

    public Option<DateTimeOffset?> Now { get; } = new("--now")
    {
        Description = "The moment to judge from (no offset means UTC). Default: now.",
        HelpName = "2026-11-23T09:00:00Z",
        CustomParser = ParseInstant,
    };

    public Option<int> WindowHours { get; } = new("--window-hours")
    {
        Description = "Hours before a quiet thread counts.",
        HelpName = $"{DetectionOptions.MinWindowHours}..{DetectionOptions.MaxWindowHours}",
        DefaultValueFactory = _ => DetectionOptions.DefaultWindowHours,
        CustomParser = ParseWholeNumber,
    };

    public Option<int> LookbackDays { get; } = new("--lookback-days")
    {
        Description = "Only threads whose last message is at most this many days old.",
        HelpName = $"1..{OptionRules.MaxLookbackDays}",
        DefaultValueFactory = _ => DetectionOptions.DefaultLookbackDays,
        CustomParser = ParseWholeNumber,
    };

    public Option<bool> BusinessDays { get; } = new("--business-days")
    {
        Description = "Count only the hours from Monday to Friday in --time-zone.",
    };

    public Option<string> TimeZone { get; } = new("--time-zone")
    {
        Description = "IANA or Windows time zone for business days and the table's times.",
        HelpName = "Europe/Berlin",
        DefaultValueFactory = _ => "UTC",
    };

    public Option<bool> AllUnanswered { get; } = new("--all-unanswered")
    {
        Description = "List every unanswered thread (rules 1-8 alone), whether or not its last message asks for something.",
    };

    public Option<string> Labels { get; } = new("--labels")
    {
        Description = "Evaluate rule 9 against a labels file (TSV) instead of listing threads: precision and recall of \"asks\", and the misses.",
        HelpName = "labels.tsv",
    };

    public Option<ScanSplit> Split { get; } = new("--split")
    {
        Description = "With --labels: the part of the labels to score. Default: all (tune, held-out and both together).",
        HelpName = "tune|heldout|all",
        CustomParser = ParseSplit,
    };

    public Option<ScanFormat> Format { get; } = new("--format")
    {
        // No DefaultValueFactory: help would print the enum's name ("Json"); absent means json (the enum's first value).
        Description = "json (the contract, on stdout) or table (for people). Default: json.",
        HelpName = "json|table",
        CustomParser = ParseFormat,
    };

    /// <summary>The `scan` command with every argument and option, no action yet.</summary>
    public Command Command()
    {
        var command = new Command("scan", "Lists the threads that went quiet in a mail export, as JSON or a table.") { Path };
        foreach (var option in new Option[] { Me, Now, WindowHours, LookbackDays, BusinessDays, TimeZone, AllUnanswered, Labels, Split, Format })
        {
            command.Options.Add(option);
        }

        return command;
    }

    /// <summary>The request the arguments describe, before validation; false with the one-line error when they do not parse.</summary>
    public static bool TryParse(IReadOnlyList<string> args, out ScanRequest request, out string error)
    {
        var arguments = new ScanArguments();
        var result = arguments.Command().Parse(args);
        error = result.Errors.Count > 0 ? result.Errors[0].Message : "";
        request = error.Length == 0 ? arguments.Read(result) : new ScanRequest();
        return error.Length == 0;
    }

    public ScanRequest Read(ParseResult result) => new()
    {
        Path = result.GetValue(Path),
        Me = [.. (result.GetValue(Me) ?? []).Select(a => a.Trim())],
        Now = result.GetValue(Now),
        WindowHours = result.GetValue(WindowHours),
        LookbackDays = result.GetValue(LookbackDays),
        BusinessDays = result.GetValue(BusinessDays),
        TimeZone = result.GetValue(TimeZone) ?? "UTC",
        AllUnanswered = result.GetValue(AllUnanswered),
        Labels = result.GetValue(Labels),
        Split = result.GetValue(Split),
        Format = result.GetValue(Format),
        FormatGiven = result.GetResult(Format) is not null,
        NowGiven = result.GetResult(Now) is not null,
    };

    /// <summary>ISO-8601 with an offset or Z; a time without one is taken as UTC.</summary>
    private static DateTimeOffset? ParseInstant(ArgumentResult result)
    {
        var value = result.Tokens[0].Value;
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var instant)
            && value.Contains('-', StringComparison.Ordinal))
        {
            return instant;
        }

        result.AddError($"--now must be an ISO-8601 date and time, such as 2026-11-23T09:00:00Z; got '{OptionRules.Shorten(value)}'.");
        return null;
    }

    private static int ParseWholeNumber(ArgumentResult result)
    {
        var value = result.Tokens[0].Value;
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        result.AddError($"{OptionName(result)} must be a whole number; got '{OptionRules.Shorten(value)}'.");
        return 0;
    }

    private static ScanFormat ParseFormat(ArgumentResult result)
    {
        var value = result.Tokens[0].Value;
        if (Enum.TryParse<ScanFormat>(value, ignoreCase: true, out var format) && !int.TryParse(value, out _))
        {
            return format;
        }

        result.AddError($"--format must be json or table; got '{OptionRules.Shorten(value)}'.");
        return ScanFormat.Json;
    }

    private static ScanSplit ParseSplit(ArgumentResult result)
    {
        var value = result.Tokens[0].Value;
        if (Enum.TryParse<ScanSplit>(value, ignoreCase: true, out var split) && !int.TryParse(value, out _))
        {
            return split;
        }

        result.AddError($"--split must be tune, heldout or all; got '{OptionRules.Shorten(value)}'.");
        return ScanSplit.All;
    }

    private static string OptionName(ArgumentResult result) => result.Parent is OptionResult option ? option.Option.Name : "value";
}
