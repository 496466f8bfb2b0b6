using System.CommandLine;
using System.CommandLine.Help;
using OutlookFollowUp.Manifest;
using OutlookFollowUp.Scan;

namespace OutlookFollowUp.Cli;

/// <summary>
/// Commands that run instead of the web host: <c>dotnet run --project api -- COMMAND ...</c>, parsed by System.CommandLine.
/// Exit codes: 0 success (and <c>--help</c>), 1 the work failed, 2 bad arguments (one clear line on stderr).
/// </summary>
public static class CliCommands
{
    public const int BadArguments = ScanCommand.BadArguments;

    /// <summary>Every command; adding one is one line here.</summary>
    private static readonly Func<TimeProvider, Command>[] Commands =
    [
        ScanCommand.Create,
        ManifestCommand.Create,
        _ => Registration.RegisterCommand.Create(),
    ];

    /// <summary>The arguments <c>dotnet run</c> puts first for the web host (the project file's RunArguments).</summary>
    private static readonly string[] HostOptions = ["--contentRoot", "--environment", "--urls"];

    private static readonly HashSet<string> Names = [.. Commands.Select(c => c(TimeProvider.System).Name)];

    /// <summary>What the root command answers itself (System.CommandLine's help and version), instead of starting the web host.</summary>
    private static readonly string[] RootTokens = ["--help", "-h", "-?", "--version"];

    /// <summary>
    /// Whether the arguments ask for a command, for help or for the version; a bare first word is taken as a command too, so a typo
    /// ("scna") is reported instead of starting the web host. Anything else (none, <c>--Key value</c>) starts the web host.
    /// </summary>
    public static bool Handles(string[] args) =>
        WithoutHostOptions(args) is [var first, ..]
        && (Names.Contains(first) || RootTokens.Contains(first) || (!first.StartsWith('-') && !first.Contains('=', StringComparison.Ordinal)));

    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken) =>
        RunAsync(args, stdout, stderr, TimeProvider.System, cancellationToken);

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, TimeProvider time, CancellationToken cancellationToken)
    {
        var root = new RootCommand("OutlookFollowUp: with no command, runs the web API and the add-in (http://localhost:5000).");
        foreach (var create in Commands)
        {
            root.Subcommands.Add(create(time));
        }

        return await InvokeAsync(root, WithoutHostOptions(args), stdout, stderr, cancellationToken);
    }

    /// <summary>Parses and runs one command on its own (its tests call it without the root).</summary>
    internal static async Task<int> InvokeAsync(Command command, IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var result = command.Parse(args);
        if (result.Errors.Count > 0 && result.Action is not HelpAction)
        {
            await stderr.WriteLineAsync($"{result.CommandResult.Command.Name}: {FirstError(result)}");
            return BadArguments;
        }

        return await result.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr }, cancellationToken);
    }

    /// <summary>One line: an unknown option by name, else the parser's or the option's own message.</summary>
    private static string FirstError(ParseResult result)
    {
        var option = result.UnmatchedTokens.FirstOrDefault(t => t.StartsWith('-'));
        if (option is not null)
        {
            return $"Unknown option '{FollowUps.OptionRules.Shorten(option)}'; --help lists the options.";
        }

        if (result.CommandResult.Command is RootCommand && result.UnmatchedTokens is [var word, ..])
        {
            return $"Unknown command '{FollowUps.OptionRules.Shorten(word)}'; --help lists the commands.";
        }

        return result.Errors[0].Message.ReplaceLineEndings(" ");
    }

    private static string[] WithoutHostOptions(string[] args)
    {
        var start = 0;
        while (start + 1 < args.Length && HostOptions.Contains(args[start], StringComparer.Ordinal))
        {
            start += 2;
        }

        return args[start..];
    }
}
