
namespace OutlookFollowUp.Tests.Hosting;

/// <summary>
/// <c>dotnet run --project api</c> as a person types it (built already, so <c>--no-build</c>): Development on
/// http://localhost:5000 when the shell says nothing, and the shell's environment and address when it does.
/// </summary>
public sealed class DotnetRunTests : IDisposable
{
    private static readonly string[] HostVariables =
        ["ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT", "ASPNETCORE_URLS", "DOTNET_URLS", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS", "DOTNET_HTTP_PORTS", "DOTNET_HTTPS_PORTS", "AzureAd__ClientId"];

    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("followups-run-");

    [Fact]
    public async Task A_Production_shell_is_refused_local_mode_with_one_line()
    {
        var (code, _, stderr) = await DotnetRunAsync(new() { ["ASPNETCORE_ENVIRONMENT"] = "Production" });

        Assert.True(code == 1 && stderr.Split('\n') is [var line] && line.Contains("not in Production", StringComparison.Ordinal), $"{code}: {stderr}");
    }

    [Fact]
    public async Task The_shells_address_wins_over_the_default_one()
    {
        var (code, _, stderr) = await DotnetRunAsync(new() { ["ASPNETCORE_URLS"] = "http://0.0.0.0:0" });

        Assert.True(code == 1 && stderr.Contains("http://0.0.0.0:0 reaches beyond", StringComparison.Ordinal), $"{code}: {stderr}");
    }

    [Fact]
    public async Task The_refusals_advice_starts_the_sample_mailbox_as_typed()
    {
        var (_, _, refused) = await DotnetRunAsync(new() { ["ASPNETCORE_ENVIRONMENT"] = "Production" });
        var advice = refused.Split("start it with ", 2)[1].Split(' ', 2)[0]; // ASPNETCORE_ENVIRONMENT=Development

        var (code, stdout, stderr) = await DotnetRunAsync(
            new() { [advice.Split('=')[0]] = advice.Split('=')[1], ["ASPNETCORE_URLS"] = "http://127.0.0.1:0" }, until: "/taskpane.html");

        Assert.True(code == -1 && stdout.StartsWith("Sample mailbox — open http://127.0.0.1:", StringComparison.Ordinal), $"{code}: {stdout}\n{stderr}");
    }

    [Fact]
    public async Task With_nothing_set_the_project_asks_for_Development_on_localhost_5000()
    {
        var (code, stdout, stderr) = await RepositoryFiles.RunAsync("dotnet",
            ["msbuild", RepositoryFiles.Path("api", "OutlookFollowUp.Api.csproj"), "-getProperty:RunArguments"], RepositoryFiles.Root, Cleared());

        Assert.True(code == 0 && stdout.EndsWith("--environment Development --urls http://localhost:5000", StringComparison.Ordinal), $"{code}: {stdout}\n{stderr}");
    }

    public void Dispose() => _data.Delete(recursive: true);

    private Task<(int Code, string Stdout, string Stderr)> DotnetRunAsync(Dictionary<string, string?> environment, string? until = null)
    {
        var variables = Cleared();
        foreach (var (name, value) in environment)
        {
            variables[name] = value;
        }

        return RepositoryFiles.RunAsync("dotnet",
            ["run", "--project", "api", "--no-build", "-c", RepositoryFiles.Configuration, "--", "--Storage:DataFolder", _data.FullName],
            RepositoryFiles.Root, variables, timeoutSeconds: 90, until: until);
    }

    // The test runner's own settings must not leak into the run: the shell in these tests sets only what each one says.
    private static Dictionary<string, string?> Cleared() => HostVariables.ToDictionary(v => v, _ => (string?)null);
}
