using OutlookFollowUp.Bench;

namespace OutlookFollowUp.Tests.Bench;

/// <summary>The bench's command line (System.CommandLine, as the API's): the lines docs/benchmarks.md quotes parse as they read; a bad one is exit code 2 and one line.</summary>
public sealed class BenchCommandsTests
{
    [Fact]
    public void The_documented_due_sweep_line_parses_with_the_defaults_for_the_rest()
    {
        var arguments = ScaleArguments.DueSweep();

        var result = arguments.Command().Parse(["--mailboxes", "1000", "--per-mailbox", "10", "--latency-ms", "100", "--instances", "2"]);

        Assert.Empty(result.Errors);
        Assert.Equal(new ScaleRun(1_000, 10, 100, 2, null, null, TimeSpan.FromSeconds(900)), arguments.Read(result));
    }

    [Fact]
    public void The_documented_sync_round_line_parses_and_every_option_is_read()
    {
        var arguments = ScaleArguments.SyncRound();

        var documented = arguments.Command().Parse(["--mailboxes", "10000", "--latency-ms", "100"]);
        var everything = arguments.Command().Parse(
            ["--mailboxes", "50", "--latency-ms", "0", "--instances", "3", "--database", "postgres", "--concurrency", "16", "--timeout-s", "60"]);

        Assert.Equal(new ScaleRun(10_000, 1, 100, 1, null, null, TimeSpan.FromSeconds(1_200)), arguments.Read(documented));
        Assert.Equal(new ScaleRun(50, 1, 0, 3, "postgres", 16, TimeSpan.FromSeconds(60)), arguments.Read(everything));
    }

    [Theory]
    [InlineData("due-sweep --mailboxes 0", "due-sweep: --mailboxes must be a whole number from 1 to 100000, not '0'")]
    [InlineData("due-sweep --latency-ms fast", "due-sweep: --latency-ms must be a whole number from 0 to 10000, not 'fast'")]
    [InlineData("due-sweep --mailboxes", "due-sweep: Required argument missing for option: '--mailboxes'.")]
    [InlineData("sync-round --per-mailbox 10", "sync-round: Unknown option '--per-mailbox'; --help lists the options.")]
    [InlineData("sync-round --concurrency 0", "sync-round: --concurrency must be a whole number from 1 to 256, not '0'")]
    [InlineData("due-sweep --instances 2 --database sqlite", "due-sweep: SQLite serves one instance: use --database postgres for --instances above 1")]
    [InlineData("due-sweep --database mysql", "due-sweep: --database must be sqlite or postgres, not 'mysql'")]
    [InlineData("index-size many", "index-size: mailboxes must be a whole number from 1 to 100000, not 'many'")]
    [InlineData("sync-figures --mailboxes 5", "sync-figures: Unknown option '--mailboxes'; --help lists the options.")]
    public async Task A_bad_command_line_is_exit_code_2_with_one_line_and_nothing_run(string line, string error)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await BenchCommands.RunAsync(line.Split(' '), stdout, stderr, CancellationToken.None);

        Assert.Equal((2, error + Environment.NewLine, ""), (exit, stderr.ToString(), stdout.ToString()));
    }

    [Theory]
    [InlineData("due-sweep", true)]
    [InlineData("due-swep", true)] // a typo is reported, not handed to BenchmarkDotNet
    [InlineData("--cpu-time", true)]
    [InlineData("--help", true)]
    [InlineData("--filter", false)]
    [InlineData("--list", false)]
    public void Commands_are_parsed_here_and_other_options_go_to_BenchmarkDotNet(string first, bool here)
    {
        Assert.Equal(here, BenchCommands.Handles([first, "*Engine*"]));
    }

    [Fact]
    public void Every_verb_the_docs_name_is_a_command()
    {
        string[] verbs = ["sync-figures", "request-figures", "notification-figures", "away-figures", "route-figures", "digest-figures", "due-sweep", "sync-round", "index-size", "asks-bursts", "asks"];

        Assert.Equal(verbs, BenchCommands.Root().Subcommands.Select(c => c.Name));
    }
}
