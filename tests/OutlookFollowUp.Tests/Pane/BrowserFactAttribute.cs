namespace OutlookFollowUp.Tests.Pane;

/// <summary>
/// What the browser tests need on the machine: Debian's chromium and the npm packages (office-js, axe-core).
/// Missing either, the tests are reported as skipped with the reason (.ci/run installs both), never as a silent pass.
/// </summary>
[Trait("Needs", "Browser")]
public static class BrowserRequirements
{
    public const string Chromium = "/usr/bin/chromium";

    public static readonly string RepoRoot = FindRepoRoot();

    public static string NodeModules(params string[] parts) => Path.Combine([RepoRoot, "node_modules", .. parts]);

    public static string? MissingReason()
    {
        if (!File.Exists(Chromium))
        {
            return $"{Chromium} is missing: apt-get install chromium (.ci/run does).";
        }

        return File.Exists(NodeModules("@microsoft", "office-js", "dist", "office.js")) && File.Exists(NodeModules("axe-core", "axe.min.js"))
            ? null
            : "node_modules is missing @microsoft/office-js or axe-core: run npm ci in the repository root (.ci/run does).";
    }

    /// <summary>The API features that land from the api branch: a pane test that needs one is skipped until it is there.</summary>
    public static string? MissingApi(string? feature) => feature switch
    {
        null => null,
        _ when typeof(Program).Assembly.GetType(feature) is not null => null,
        _ => $"The API does not have {feature} yet (it lands with the reminders and settings work).",
    };

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OutlookFollowUp.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (OutlookFollowUp.sln) is not above the test output.");
    }
}

/// <summary>A test that drives the real pane in chromium; <see cref="NeedsApi"/> names a type the test's endpoints live in.</summary>
[Trait("Needs", "Browser")]
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute(string? needsApi = null)
    {
        NeedsApi = needsApi;
        Skip = BrowserRequirements.MissingReason() ?? BrowserRequirements.MissingApi(needsApi);
    }

    public string? NeedsApi { get; }
}

/// <summary>Type names of the API features the pane calls, for <see cref="BrowserFactAttribute"/>.</summary>
[Trait("Needs", "Browser")]
public static class ApiFeature
{
    public const string Reminders = "OutlookFollowUp.Reminders.RemindersApi";
    public const string Dismissals = "OutlookFollowUp.Threads.DismissalsApi";
    public const string Settings = "OutlookFollowUp.Settings.SettingsApi";
}
