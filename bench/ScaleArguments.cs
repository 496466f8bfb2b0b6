using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace OutlookFollowUp.Bench;

/// <summary>What a figure that runs the product as processes (<c>due-sweep</c>, <c>sync-round</c>) was asked for.</summary>
internal sealed record ScaleRun(int Mailboxes, int PerMailbox, int LatencyMs, int Instances, string? Database, int? Concurrency, TimeSpan Timeout);

/// <summary>The options of <c>due-sweep</c> and <c>sync-round</c> as System.CommandLine symbols; a bad value is one line, never an exception.</summary>
internal sealed class ScaleArguments
{
    private readonly string _name;
    private readonly string _description;

    private ScaleArguments(string name, string description, int mailboxes, int timeoutSeconds, bool perMailbox)
    {
        (_name, _description) = (name, description);
        Mailboxes = Whole("--mailboxes", mailboxes, 1, 100_000, "Mailboxes, each with its own user.");
        PerMailbox = perMailbox ? Whole("--per-mailbox", 10, 1, 1_000, "Reminders per mailbox.") : null;
        Timeout = Whole("--timeout-s", timeoutSeconds, 10, 7_200, "Seconds before the run gives up.");
    }

    public Option<int> Mailboxes { get; }

    public Option<int>? PerMailbox { get; }

    public Option<int> LatencyMs { get; } = Whole("--latency-ms", 100, 0, 10_000, "Milliseconds the Graph server waits before each answer.");

    public Option<int> Instances { get; } = Whole("--instances", 1, 1, 8, "Processes of the API on one database (above 1: PostgreSQL).");

    public Option<string> Database { get; } = new("--database")
    {
        Description = "sqlite, or postgres (FOLLOWUP_TEST_POSTGRES). Default: sqlite for one instance, postgres for more.",
        HelpName = "sqlite|postgres",
    };

    public Option<int?> Concurrency { get; } = new("--concurrency")
    {
        Description = "The instances' Sync:MailboxConcurrency. Default: the app's.",
        HelpName = "1..256",
        CustomParser = r => WholeNumber(r, 1, 256),
    };

    public Option<int> Timeout { get; }

    public static ScaleArguments DueSweep() => new(
        "due-sweep", "The due sweep at scale: the API's Release build as processes on one database (DueSweepFigures.cs).", 1_000, 900, perMailbox: true);

    public static ScaleArguments SyncRound() => new(
        "sync-round", "One round of background syncs at scale, as deployed (SyncRoundFigures.cs).", 10_000, 1_200, perMailbox: false);

    /// <summary>The command with every option, no action yet.</summary>
    public Command Command()
    {
        var command = new Command(_name, _description);
        foreach (var option in new Option?[] { Mailboxes, PerMailbox, LatencyMs, Instances, Database, Concurrency, Timeout }.OfType<Option>())
        {
            command.Options.Add(option);
        }

        return command;
    }

    public ScaleRun Read(ParseResult result) => new(
        result.GetValue(Mailboxes), PerMailbox is null ? 1 : result.GetValue(PerMailbox), result.GetValue(LatencyMs), result.GetValue(Instances),
        result.GetValue(Database), result.GetValue(Concurrency), TimeSpan.FromSeconds(result.GetValue(Timeout)));

    private static Option<int> Whole(string name, int fallback, int min, int max, string description) => new(name)
    {
        Description = description,
        HelpName = $"{min}..{max}",
        DefaultValueFactory = _ => fallback,
        CustomParser = r => WholeNumber(r, min, max) ?? fallback,
    };

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>; else the error, in the words the bench always used.</summary>
    internal static int? WholeNumber(ArgumentResult result, int min, int max)
    {
        var text = result.Tokens[0].Value;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        var name = result.Parent is OptionResult option ? option.Option.Name : result.Argument.Name;
        result.AddError($"{name} must be a whole number from {min} to {max}, not '{FollowUps.OptionRules.Shorten(text)}'");
        return null;
    }
}
