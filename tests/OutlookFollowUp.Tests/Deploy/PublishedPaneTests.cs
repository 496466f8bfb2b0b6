using System.Net;

namespace OutlookFollowUp.Tests.Deploy;

/// <summary>
/// The pane's sign-in library (msal-browser) in what <c>dotnet publish</c> makes of a fresh clone, where nobody ran
/// <c>npm ci</c>: the published app serves it, or the publish stops saying what to run. Never an app whose pane cannot sign in.
/// </summary>
public sealed class PublishedPaneTests
{
    [NpmFact]
    public async Task Publish_of_a_fresh_clone_carries_msal_browser_and_the_published_app_serves_it()
    {
        var clone = FreshClone();
        try
        {
            var output = Path.Combine(clone, "out");
            var (code, stdout, stderr) = await RepositoryFiles.RunAsync("dotnet",
                ["publish", Path.Combine("api", "OutlookFollowUp.Api.csproj"), "-c", "Release", "-o", output, "--nologo", "/p:UseAppHost=false"],
                clone, timeoutSeconds: 600);
            Assert.True(code == 0, $"dotnet publish failed:\n{stdout}\n{stderr}");
            Assert.True(File.Exists(Path.Combine(output, "wwwroot", "lib", "msal-browser.min.js")), "wwwroot/lib/msal-browser.min.js is not in the published app");

            var settings = ProductionStartTests.CompleteSettings("");
            settings["Storage__Provider"] = "Sqlite";
            settings["Storage__DataFolder"] = Path.Combine(clone, "data");
            settings["ConnectionStrings__FollowUps"] = null;
            await using var api = ApiProcess.Start(output, settings);
            using var http = new HttpClient();
            using var live = await api.WaitForAsync(http, "health/live", TimeSpan.FromSeconds(60));
            using var msal = await http.GetAsync(new Uri(api.BaseAddress, "lib/msal-browser.min.js"));

            Assert.Equal(HttpStatusCode.OK, msal.StatusCode);
            Assert.Contains("createNestablePublicClientApplication", await msal.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            using var catalog = await http.GetAsync(new Uri(api.BaseAddress, "js/locales/it.json"));
            Assert.Equal("application/json", catalog.Content.Headers.ContentType?.MediaType);
        }
        finally
        {
            Directory.Delete(clone, recursive: true);
        }
    }

    [Fact]
    public async Task Publish_of_a_fresh_clone_without_npm_stops_and_says_to_run_npm_ci()
    {
        var clone = FreshClone();
        try
        {
            var output = Path.Combine(clone, "out");
            // Only the .NET SDK and a shell on the PATH: no npm to fetch the library with.
            var dotnetRoot = Path.GetDirectoryName(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? Environment.ProcessPath)!;
            var shell = Directory.CreateDirectory(Path.Combine(clone, "shell")).FullName;
            File.CreateSymbolicLink(Path.Combine(shell, "sh"), "/bin/sh");
            var (code, stdout, stderr) = await RepositoryFiles.RunAsync(Path.Combine(dotnetRoot, "dotnet"),
                ["publish", Path.Combine("api", "OutlookFollowUp.Api.csproj"), "-c", "Release", "-o", output, "--nologo", "/p:UseAppHost=false"],
                clone, new Dictionary<string, string?> { ["PATH"] = dotnetRoot + Path.PathSeparator + shell }, timeoutSeconds: 600);

            Assert.NotEqual(0, code);
            Assert.Contains("npm ci", stdout + stderr, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(output, "OutlookFollowUp.Api.dll")), "an app was published without its sign-in library");
        }
        finally
        {
            Directory.Delete(clone, recursive: true);
        }
    }

    /// <summary>What a clone holds for the API (the Dockerfile's build context): no node_modules, no build output, no wwwroot/lib.</summary>
    private static string FreshClone()
    {
        var clone = Directory.CreateTempSubdirectory("followup-clone-").FullName;
        foreach (var file in new[] { "global.json", "Directory.Build.props", "Directory.Packages.props", ".editorconfig", "package.json", "package-lock.json" })
        {
            File.Copy(RepositoryFiles.Path(file), Path.Combine(clone, file));
        }

        foreach (var folder in new[] { "api", "simulator", "addin-manifest" })
        {
            CopyFolder(RepositoryFiles.Path(folder), Path.Combine(clone, folder));
        }

        return clone;
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var folder in Directory.GetDirectories(from).Where(d => Path.GetFileName(d) is not ("bin" or "obj" or "App_Data") && d != RepositoryFiles.Path("api", "wwwroot", "lib")))
        {
            CopyFolder(folder, Path.Combine(to, Path.GetFileName(folder)));
        }
    }
}

/// <summary>A test that needs npm on the PATH (to fetch the pane's packages); reported skipped, with the reason, without it.</summary>
public sealed class NpmFactAttribute : FactAttribute
{
    public NpmFactAttribute()
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Any(d => File.Exists(Path.Combine(d, "npm")));
        Skip = found ? null : "npm is not on the PATH: install Node.js (.ci/run does).";
    }
}
