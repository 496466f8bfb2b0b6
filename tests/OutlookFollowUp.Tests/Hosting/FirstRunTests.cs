
namespace OutlookFollowUp.Tests.Hosting;

/// <summary>What a new user sees first, from the built API run as a process: <c>--version</c>, and the first start's one line.</summary>
public sealed class FirstRunTests : IDisposable
{
    private readonly DirectoryInfo _home = Directory.CreateTempSubdirectory("followups-home-");

    [Fact]
    public async Task Version_prints_the_version_and_exits_without_starting_the_web_server()
    {
        var (code, stdout, stderr) = await RunAsync(["--version"], timeoutSeconds: 30);

        var version = typeof(Program).Assembly.GetName().Version!.ToString(3);
        Assert.True(code == 0 && stdout.Split('\n') is [var line] && line.StartsWith(version, StringComparison.Ordinal) && stderr.Length == 0, $"{code}: {stdout}\n{stderr}");
    }

    [Fact]
    public async Task The_first_start_prints_only_its_one_line()
    {
        var (_, stdout, stderr) = await RunAsync(["--Storage:DataFolder", Path.Combine(_home.FullName, "data")], until: "/taskpane.html");

        Assert.True(stdout.Split('\n') is [var line] && line.StartsWith("Sample mailbox — open http://127.0.0.1:", StringComparison.Ordinal)
            && stderr.Length == 0, $"{stdout}\n{stderr}");
        Assert.True(Directory.Exists(Path.Combine(_home.FullName, ".aspnet")), "the start did not use the fresh home folder, so it was not a first start");
    }

    public void Dispose() => _home.Delete(recursive: true);

    // A fresh home folder: no data-protection keys from an earlier start.
    private Task<(int Code, string Stdout, string Stderr)> RunAsync(string[] args, int timeoutSeconds = 90, string? until = null) =>
        RepositoryFiles.RunAsync("dotnet", [Path.Combine(RepositoryFiles.ApiOutput, "OutlookFollowUp.Api.dll"), .. args], RepositoryFiles.ApiOutput,
            new Dictionary<string, string?>
            {
                ["HOME"] = _home.FullName,
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
                ["AzureAd__ClientId"] = null,
                ["Graph__AccessToken"] = null,
            },
            timeoutSeconds, until);
}
