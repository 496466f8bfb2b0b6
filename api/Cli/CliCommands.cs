using OutlookFollowUp.Manifest;
using OutlookFollowUp.Scan;

namespace OutlookFollowUp.Cli;

/// <summary>
/// Verbs that run instead of the web host: <c>dotnet run --project api -- VERB ...</c>.
/// A command returns its exit code: 0 success, 2 bad arguments (one clear line on stderr).
/// </summary>
public static class CliCommands
{
    public delegate Task<int> Command(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken);

    public static readonly IReadOnlyDictionary<string, Command> All = new Dictionary<string, Command>(StringComparer.Ordinal)
    {
        ["manifest"] = ManifestCommand.RunAsync,
        ["scan"] = ScanCommand.RunAsync,
        ["register"] = OutlookFollowUp.Registration.RegisterCommand.RunAsync,
    };

    public static bool TryGet(string[] args, out Command command, out string[] rest)
    {
        rest = args.Length > 0 ? args[1..] : [];
        if (args.Length > 0 && All.TryGetValue(args[0], out var found))
        {
            command = found;
            return true;
        }

        command = null!;
        return false;
    }
}
