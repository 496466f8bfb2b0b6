using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using OutlookFollowUp.Hosting;

namespace OutlookFollowUp.Tests.Deploy;

/// <summary>deploy/infra compiled and linted by the Bicep CLI that restore brings, and what the template promises.</summary>
[Trait("Needs", "Bicep")]
public sealed partial class InfrastructureTests
{
    private static readonly string Infra = RepositoryFiles.Path("deploy", "infra");

    public static TheoryData<string> BicepFiles() =>
        [.. Directory.GetFiles(Infra, "*.bicep", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Infra, f)).Order()];

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public async Task Lint_EveryBicepFile_IsClean(string file)
    {
        var (code, stdout, stderr) = await RepositoryFiles.RunAsync(Bicep(), ["lint", file], Infra);

        Assert.Equal(0, code);
        Assert.Equal("", stdout + stderr);
    }

    [Fact]
    public async Task Build_Main_CompilesWithoutWarnings()
    {
        var (code, template, stderr) = await Compile();

        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        Assert.Equal("https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#", (string?)template["$schema"]);
    }

    [Fact]
    public async Task ContainerApp_IsHttpsOnlyWithProbesAndTheAzdServiceTag()
    {
        var app = Resource((await Compile()).Template, "Microsoft.App/containerApps");

        var ingress = app["properties"]!["configuration"]!["ingress"]!;
        Assert.False((bool)ingress["allowInsecure"]!);
        Assert.True((bool)ingress["external"]!);
        Assert.Equal("UserAssigned", (string?)app["identity"]!["type"]);
        var probes = app["properties"]!["template"]!["containers"]![0]!["probes"]!.AsArray()
            .ToDictionary(p => (string)p!["type"]!, p => (string?)p!["httpGet"]!["path"]);
        Assert.Equal("/health/live", probes["Liveness"]);
        Assert.Equal("/health/ready", probes["Readiness"]);
        Assert.Contains("'azd-service-name', 'api'", (string?)app["tags"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ContainerApp_SetsEveryProductionRequirement()
    {
        var app = Resource((await Compile()).Template, "Microsoft.App/containerApps");
        var env = app["properties"]!["template"]!["containers"]![0]!["env"]!.AsArray();

        // Literal values as they are; expressions become a sample of the right shape (an https URL works for all but the
        // mode, a parameter restricted to its two values: checked below).
        var settings = env.ToDictionary<JsonNode?, string, string?>(
            e => ((string)e!["name"]!).Replace("__", ":", StringComparison.Ordinal),
            e => e!["value"] is JsonValue v && (string)v! is var text && !text.StartsWith('[') ? text
                : (string?)e["name"] == "Graph__Mode" ? "Delegated" : "https://sample.example/");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

        Assert.Equal("Production", settings["ASPNETCORE_ENVIRONMENT"]);
        Assert.Equal("Postgres", settings["Storage:Provider"]);
        Assert.Equal("KeyVault", settings["AzureAd:ClientCredentials:0:SourceType"]);
        Assert.Null(ProductionRequirements.Problem(configuration, new TestHostEnvironment("Production")));
        Assert.Contains(env, e => (string?)e!["name"] == "APPLICATIONINSIGHTS_CONNECTION_STRING" && e["secretRef"] is not null);
    }

    [Fact]
    public async Task GraphMode_IsAParameterOfTheTwoModes_DelegatedByDefault()
    {
        var mode = (await Compile()).Template["parameters"]!["graphMode"]!;

        Assert.Equal("Delegated", (string?)mode["defaultValue"]);
        Assert.Equal(["Delegated", "Application"], mode["allowedValues"]!.AsArray().Select(v => (string)v!));
    }

    [Fact]
    public async Task Postgres_AcceptsEntraIdOnlyAndHasNoPassword()
    {
        var (_, template, _) = await Compile();
        var server = Resource(template, "Microsoft.DBforPostgreSQL/flexibleServers");

        var auth = server["properties"]!["authConfig"]!;
        Assert.Equal("Enabled", (string?)auth["activeDirectoryAuth"]);
        Assert.Equal("Disabled", (string?)auth["passwordAuth"]);
        Assert.DoesNotContain("administratorLoginPassword", template.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("ServicePrincipal", (string?)Resource(template, "Microsoft.DBforPostgreSQL/flexibleServers/administrators")["properties"]!["principalType"]);
    }

    [Fact]
    public async Task KeyVault_UsesRbacAndPurgeProtection()
    {
        var vault = Resource((await Compile()).Template, "Microsoft.KeyVault/vaults");

        Assert.True((bool)vault["properties"]!["enableRbacAuthorization"]!);
        Assert.True((bool)vault["properties"]!["enablePurgeProtection"]!);
    }

    [Fact]
    public async Task ParametersFile_NamesEveryParameterOfMain()
    {
        var (_, template, _) = await Compile();
        var parameters = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Infra, "main.parameters.json")))!["parameters"]!.AsObject();

        Assert.Equal(template["parameters"]!.AsObject().Select(p => p.Key).Order(), parameters.Select(p => p.Key).Order());
        Assert.All(parameters, p => Assert.Matches(@"^\$\{[A-Z_]+(=[^}]*)?\}$", (string?)p.Value!["value"]));
    }

    [Fact]
    public async Task AzureYaml_DeploysTheTaggedServiceFromThisInfra()
    {
        var yaml = await File.ReadAllTextAsync(RepositoryFiles.Path("azure.yaml"));

        Assert.Matches(@"(?m)^infra:\n  provider: bicep\n  path: deploy/infra\n  module: main$", yaml);
        Assert.Matches(@"(?m)^services:\n  api:\n    project: \./api\n", yaml);
        Assert.Matches(@"(?m)^    host: containerapp$", yaml);
        Assert.True(File.Exists(RepositoryFiles.Path("api", DockerPath().Match(yaml).Groups[1].Value)));
    }

    private static string Bicep()
    {
        var path = Path.Combine(RepositoryFiles.NuGetPackageRoot, "azure.bicep.commandline.linux-x64", "0.49.2", "tools", "bicep");
        Assert.True(File.Exists(path), $"The Bicep CLI is not at {path}: dotnet restore brings it (PackageDownload in the test project).");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute);
        }

        return path;
    }

    // Compiled once for the class: each bicep run takes seconds on a busy machine.
    private static readonly Lazy<Task<(int Code, string Json, string Stderr)>> Compiled =
        new(() => RepositoryFiles.RunAsync(Bicep(), ["build", "main.bicep", "--stdout"], Infra));

    private static async Task<(int Code, JsonObject Template, string Stderr)> Compile()
    {
        var (code, json, stderr) = await Compiled.Value;
        return (code, JsonNode.Parse(json)!.AsObject(), stderr);
    }

    /// <summary>The one resource of a type anywhere in the template, nested module deployments included.</summary>
    private static JsonObject Resource(JsonNode template, string type) =>
        Assert.Single(Descendants(template), o => (string?)(o["type"] as JsonValue) == type);

    private static IEnumerable<JsonObject> Descendants(JsonNode? node) => node switch
    {
        JsonObject o => [o, .. o.SelectMany(p => Descendants(p.Value))],
        JsonArray a => a.SelectMany(Descendants),
        _ => [],
    };

    [GeneratedRegex(@"(?m)^    docker:\n      path: (\S+)$")]
    private static partial Regex DockerPath();
}
