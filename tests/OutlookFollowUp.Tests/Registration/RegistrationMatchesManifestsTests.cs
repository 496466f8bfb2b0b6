namespace OutlookFollowUp.Tests.Registration;

/// <summary>The registration and the stamped manifests name the same API for a sample host: the Office sign-in depends on it.</summary>
public sealed class RegistrationMatchesManifestsTests : IDisposable
{
    private readonly string output = Directory.CreateTempSubdirectory("followup-manifests-").FullName;

    [Fact]
    public async Task StampedManifests_NameTheRegisteredAppIdUriAndClientId()
    {
        var graph = new GraphDirectoryServer();
        using var http = new HttpClient(graph) { BaseAddress = new Uri("https://graph.test/v1.0/") };
        http.DefaultRequestHeaders.Authorization = new("Bearer", GraphDirectoryServer.Token);
        var registration = await new OutlookFollowUp.Registration.AppRegistrar(
            new OutlookFollowUp.Registration.DirectoryClient(http, TextWriter.Null, dryRun: false), TextWriter.Null)
            .RegisterAsync(new(new Uri("https://followup.contoso.com"), TenantId: GraphDirectoryServer.TenantId), CancellationToken.None);

        var code = await OutlookFollowUp.Cli.CliCommands.InvokeAsync(OutlookFollowUp.Manifest.ManifestCommand.Create(TimeProvider.System),
            ["--host", "https://followup.contoso.com", "--client-id", registration.ClientId!, "--out", output], TextWriter.Null, TextWriter.Null, CancellationToken.None);

        Assert.Equal(0, code);
        var appIdUri = (string?)graph.Applications[0]["identifierUris"]![0];
        var xml = System.Xml.Linq.XDocument.Load(Path.Combine(output, "manifest.xml"));
        var info = xml.Descendants().Single(e => e.Name.LocalName == "WebApplicationInfo");
        Assert.Equal(registration.ClientId, info.Elements().Single(e => e.Name.LocalName == "Id").Value);
        Assert.Equal(appIdUri, info.Elements().Single(e => e.Name.LocalName == "Resource").Value);
        var json = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(output, "manifest.json")))!;
        Assert.Equal(registration.ClientId, (string?)json["webApplicationInfo"]!["id"]);
        Assert.Equal(appIdUri, (string?)json["webApplicationInfo"]!["resource"]);
        Assert.Equal("brk-multihub://followup.contoso.com", (string?)graph.Applications[0]["spa"]!["redirectUris"]![0]);
    }

    public void Dispose() => Directory.Delete(output, recursive: true);
}
