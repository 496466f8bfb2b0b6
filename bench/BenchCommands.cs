using System.CommandLine;
using BenchmarkDotNet.Running;
using OutlookFollowUp.Cli;

namespace OutlookFollowUp.Bench;

/// <summary>
/// The bench's commands, parsed by System.CommandLine as the API's are (<see cref="CliCommands"/>): a bad option or
/// value is exit code 2 with one line on stderr. Arguments that start with an option other than these
/// (<c>--filter '*Engine*'</c>) are BenchmarkDotNet's.
/// </summary>
internal static class BenchCommands
{
    /// <summary>What the root answers itself besides its commands.</summary>
    private static readonly string[] RootTokens = ["--cpu-time", "--help", "-h", "-?"];

    /// <summary>A first word is taken as a command (a typo is reported, not handed to BenchmarkDotNet); options are BenchmarkDotNet's.</summary>
    public static bool Handles(string[] args) => args is [var first, ..] && (!first.StartsWith('-') || RootTokens.Contains(first));

    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken) =>
        CliCommands.InvokeAsync(Root(), args, stdout, stderr, cancellationToken);

    public static RootCommand Root()
    {
        var cpuTime = new Option<bool>("--cpu-time")
        {
            Description = "CPU time per Detect beside the wall time (on a shared machine, wall time includes other processes').",
        };
        var root = new RootCommand("The benchmarks and figures of docs/benchmarks.md. Other options go to BenchmarkDotNet (--filter '*Engine*').") { cpuTime };
        root.SetAction(result =>
        {
            if (result.GetValue(cpuTime))
            {
                CpuTimeRun.Run();
            }
        });
        foreach (var command in Commands())
        {
            root.Subcommands.Add(command);
        }

        return root;
    }

    private static IEnumerable<Command> Commands()
    {
        // Request counts are exact figures, not timings: they run once, outside BenchmarkDotNet.
        yield return Figure("sync-figures", "Delta paging, concurrency, rule 9 on bodyPreview (SyncFigures.cs).", SyncFigures.RunAsync);
        yield return Figure("request-figures", "A cold sync's requests and flag writes (ColdSyncFigures.cs).", ColdSyncFigures.RunAsync);
        yield return Figure("notification-figures", "Change notifications against polling (NotificationFigures.cs).", NotificationFigures.RunAsync);
        yield return Figure("away-figures", "The due sweep's MailTips and working-hours requests (AwayFigures.cs).", AwayFigures.RunAsync);
        yield return Figure("route-figures", "The other routes' checks (RouteFigures.cs).", RouteFigures.RunAsync);
        yield return Figure("digest-figures", "The morning digest's requests (DigestFigures.cs).", DigestFigures.RunAsync);
        yield return Scale(ScaleArguments.DueSweep(), (run, output) => DueSweepFigures.RunAsync(run, output));
        yield return Scale(ScaleArguments.SyncRound(), (run, output) => SyncRoundFigures.RunAsync(run, output));
        yield return IndexSize();
        yield return Figure("asks-bursts", "Rule 9's classifier per message, medians of short bursts (AskClassifierBenchmarks.cs).", output =>
        {
            AskClassifierBenchmarks.Bursts(output);
            return Task.CompletedTask;
        });
        yield return Figure("asks", "Rule 9's classifier per message in BenchmarkDotNet (the same as --filter '*AskClassifier*').", _ =>
        {
            BenchmarkRunner.Run<AskClassifierBenchmarks>();
            return Task.CompletedTask;
        });
    }

    private static Command Figure(string name, string description, Func<TextWriter, Task> run)
    {
        var command = new Command(name, description);
        command.SetAction((result, _) => run(result.InvocationConfiguration.Output));
        return command;
    }

    private static Command Scale(ScaleArguments arguments, Func<ScaleRun, TextWriter, Task> run)
    {
        var command = arguments.Command();
        command.SetAction(async (result, _) =>
        {
            try
            {
                await run(arguments.Read(result), result.InvocationConfiguration.Output);
                return 0;
            }
            catch (BenchUsageException usage)
            {
                // What the options alone cannot tell (the database for the instances, its connection string).
                await result.InvocationConfiguration.Error.WriteLineAsync($"{command.Name}: {usage.Message}");
                return CliCommands.BadArguments;
            }
        });
        return command;
    }

    private static Command IndexSize()
    {
        var mailboxes = new Argument<int>("mailboxes")
        {
            Description = "Mailboxes of 2,000 messages each.",
            Arity = ArgumentArity.ZeroOrOne,
            DefaultValueFactory = _ => 1_000,
            CustomParser = r => ScaleArguments.WholeNumber(r, 1, 100_000) ?? 1_000,
        };
        var command = new Command("index-size", "What the thread index costs on disk (IndexSizeFigures.cs).") { mailboxes };
        command.SetAction((result, _) => IndexSizeFigures.RunAsync(result.InvocationConfiguration.Output, result.GetValue(mailboxes)));
        return command;
    }
}

/// <summary>A run the options allow but the machine cannot do (exit code 2, one line).</summary>
internal sealed class BenchUsageException(string message) : Exception(message);
