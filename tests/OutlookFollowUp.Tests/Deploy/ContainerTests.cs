using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace OutlookFollowUp.Tests.Deploy;

/// <summary>
/// The container's contents without a Docker engine: the app as <c>dotnet publish</c> lays it out, run in Production
/// the way the image runs it; and the Dockerfile's promises (non-root, health check, nothing secret baked in).
/// </summary>
public sealed partial class ContainerTests
{
    [Fact]
    public async Task PublishedApp_StartsInProductionWithItsExportersAndAnswersItsProbes()
    {
        var folder = Directory.CreateTempSubdirectory("followup-publish-").FullName;
        try
        {
            var (code, stdout, stderr) = await RepositoryFiles.RunAsync("dotnet",
                ["publish", RepositoryFiles.Path("api", "OutlookFollowUp.Api.csproj"), "--no-build", "-c", RepositoryFiles.Configuration, "-o", folder, "--nologo"],
                RepositoryFiles.Root, timeoutSeconds: 300);
            Assert.True(code == 0, $"dotnet publish failed:\n{stdout}\n{stderr}");
            Assert.True(File.Exists(Path.Combine(folder, "appsettings.Production.json")));
            Assert.True(File.Exists(Path.Combine(folder, "wwwroot", "taskpane.html")));
            Assert.Empty(Directory.GetFiles(folder, "appsettings.Development.json", SearchOption.AllDirectories));
            Assert.Empty(Directory.GetFiles(folder, "*.db", SearchOption.AllDirectories));

            var settings = ProductionStartTests.CompleteSettings("");
            settings["Storage__Provider"] = "Sqlite";
            settings["Storage__DataFolder"] = Path.Combine(folder, "data");
            settings["ConnectionStrings__FollowUps"] = null;
            // Both exporters on, as in Azure, pointed at a closed local port: the start must not depend on them.
            settings["APPLICATIONINSIGHTS_CONNECTION_STRING"] =
                "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=http://127.0.0.1:9/;LiveEndpoint=http://127.0.0.1:9/";
            settings["APPLICATIONINSIGHTS_STATSBEAT_DISABLED"] = "true";
            settings["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:9";
            await using var api = ApiProcess.Start(folder, settings);
            using var http = new HttpClient();

            using var live = await api.WaitForAsync(http, "health/live", TimeSpan.FromSeconds(60));
            using var ready = await api.WaitForAsync(http, "health/ready", TimeSpan.FromSeconds(30));

            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
            Assert.Equal("reachable", (string?)JsonNode.Parse(await ready.Content.ReadAsStringAsync())!["database"]);
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync(new Uri(api.BaseAddress, "api/threads"))).StatusCode);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Dockerfile_RunsAsTheNonRootUserWithAHealthCheckAndNoSecret()
    {
        var dockerfile = await File.ReadAllTextAsync(RepositoryFiles.Path("Dockerfile"));

        Assert.True(Regex.Matches(dockerfile, @"(?m)^FROM ").Count >= 2, "multi-stage");
        Assert.Matches(@"(?m)^USER \$APP_UID$", dockerfile);
        Assert.Matches(@"(?m)^HEALTHCHECK .*\n?.*/health/live", dockerfile);
        Assert.Matches(@"(?m)^EXPOSE 8080$", dockerfile);
        Assert.DoesNotMatch(SecretLike(), dockerfile);
        Assert.Contains("appsettings.Development.json", await File.ReadAllTextAsync(RepositoryFiles.Path(".dockerignore")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishContainerSettings_MatchTheDockerfile()
    {
        var (code, stdout, _) = await RepositoryFiles.RunAsync("dotnet",
            ["msbuild", RepositoryFiles.Path("api", "OutlookFollowUp.Api.csproj"), "-getProperty:ContainerUser", "-getProperty:ContainerRepository", "-getItem:ContainerPort"],
            RepositoryFiles.Root);

        Assert.Equal(0, code);
        var result = JsonNode.Parse(stdout)!;
        Assert.Equal("app", (string?)result["Properties"]!["ContainerUser"]);
        Assert.Equal("outlook-followup-api", (string?)result["Properties"]!["ContainerRepository"]);
        Assert.Equal("8080", (string?)result["Items"]!["ContainerPort"]![0]!["Identity"]);
    }

    // A value for something secret-sounding set at build time (ENV/ARG), which would end up in the image's layers.
    [GeneratedRegex(@"(?mi)^(ENV|ARG)\b.*(secret|password|token|connectionstrings|clientcredentials|instrumentationkey)")]
    private static partial Regex SecretLike();
}
