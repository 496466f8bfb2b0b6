using System.IO.Compression;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using OutlookFollowUp.Manifest;

namespace OutlookFollowUp.Tests.Manifest;

public sealed class ManifestCommandTests : IDisposable
{
    private const string Host = "https://followup.contoso.com";
    private const string ClientId = "6f1a2b3c-4d5e-6f70-8192-a3b4c5d6e7f8";
    private readonly string _out = Directory.CreateTempSubdirectory("manifest-command-").FullName;

    public void Dispose() => Directory.Delete(_out, recursive: true);

    [Fact]
    public async Task Stamps_the_host_and_client_id_everywhere_leaving_no_placeholder()
    {
        await RunOkAsync();

        foreach (var file in new[] { "manifest.xml", "manifest.json" })
        {
            var text = await File.ReadAllTextAsync(Path.Combine(_out, file));
            Assert.DoesNotContain("localhost", text, StringComparison.Ordinal);
            Assert.DoesNotContain(ManifestTemplates.PlaceholderClientId, text, StringComparison.Ordinal);
            Assert.Contains($"api://followup.contoso.com/{ClientId}", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Every_url_points_at_the_deployment_host()
    {
        await RunOkAsync();
        var urls = ManifestFacts.Urls(XDocument.Load(Path.Combine(_out, "manifest.xml")))
            .Concat(ManifestFacts.Urls(JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(_out, "manifest.json")))!));

        Assert.All(urls, url => Assert.StartsWith(Host + "/", url, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Stamps_ids_valid_domains_and_the_unified_sso_info()
    {
        await RunOkAsync("--addin-id", "11111111-2222-3333-4444-555555555555");
        var json = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(_out, "manifest.json")))!;
        var xml = XDocument.Load(Path.Combine(_out, "manifest.xml"));

        Assert.Equal("11111111-2222-3333-4444-555555555555", json["id"]!.GetValue<string>());
        Assert.Equal("11111111-2222-3333-4444-555555555555", xml.Root!.Elements().First(e => e.Name.LocalName == "Id").Value);
        Assert.Equal(ClientId, json["webApplicationInfo"]!["id"]!.GetValue<string>());
        Assert.Equal(["followup.contoso.com"], json["validDomains"]!.AsArray().Select(d => d!.GetValue<string>()));
    }

    [SharedFact]
    public async Task Stamped_manifests_validate_against_the_schemas()
    {
        await RunOkAsync();

        Assert.Empty(ManifestFacts.XsdErrors(XDocument.Load(Path.Combine(_out, "manifest.xml"))));
        Assert.Empty(ManifestFacts.UnifiedSchema().Validate(JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(_out, "manifest.json")))));
    }

    [Fact]
    public async Task Writes_the_app_package_with_the_icons_the_unified_manifest_names()
    {
        await RunOkAsync();
        using var zip = ZipFile.OpenRead(Path.Combine(_out, ManifestCommand.PackageZip));
        var icons = ManifestTemplates.Json()["icons"]!;

        Assert.Equal(["color.png", "de.json", "es.json", "fr.json", "it.json", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order());
        Assert.Equal("color.png", icons["color"]!.GetValue<string>());
        Assert.Equal("outline.png", icons["outline"]!.GetValue<string>());
        Assert.Equal((192, 192), ManifestFacts.PngSize(await File.ReadAllBytesAsync(Path.Combine(_out, "color.png"))));
        Assert.Equal((32, 32), ManifestFacts.PngSize(await File.ReadAllBytesAsync(Path.Combine(_out, "outline.png"))));
    }

    [Theory]
    [InlineData("--client-id", ClientId)]
    [InlineData("--host", Host)]
    [InlineData("--host", "http://followup.contoso.com", "--client-id", ClientId)]
    [InlineData("--host", "followup.contoso.com", "--client-id", ClientId)]
    [InlineData("--host", "https://followup.contoso.com/addin", "--client-id", ClientId)]
    [InlineData("--host", "https://user@followup.contoso.com", "--client-id", ClientId)]
    [InlineData("--host", Host, "--client-id", "not-a-guid")]
    [InlineData("--host", Host, "--client-id", "00000000-0000-0000-0000-000000000000")]
    [InlineData("--host", Host, "--client-id", ClientId, "--addin-id", "x")]
    [InlineData("--host", Host, "--client-id", ClientId, "--colour", "blue")]
    [InlineData("--host", Host, "--client-id")]
    [InlineData("--host", "--client-id", ClientId)]
    [InlineData("--host", Host, "--host", Host, "--client-id", ClientId)]
    public async Task Bad_arguments_exit_2_with_one_line_on_stderr(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = await RunManifestAsync([.. args, "--out", _out], stdout, stderr, CancellationToken.None);

        Assert.Equal(2, code);
        Assert.Single(stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Empty(stdout.ToString());
        Assert.Empty(Directory.EnumerateFileSystemEntries(_out));
    }

    [Fact]
    public async Task An_out_folder_that_cannot_be_written_exits_1_with_one_line_prefixed_manifest()
    {
        var file = Path.Combine(_out, "a-file");
        await File.WriteAllTextAsync(file, "not a folder");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = await RunManifestAsync(["--host", Host, "--client-id", ClientId, "--out", file], stdout, stderr, CancellationToken.None);

        Assert.Equal(1, code);
        Assert.StartsWith("manifest: cannot write to ", Assert.Single(stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
        Assert.Empty(stdout.ToString());
    }

    [Fact]
    public void Is_registered_as_a_cli_verb() =>
        Assert.True(Cli.CliCommands.Handles(["manifest", "--host", Host]));

    private async Task RunOkAsync(params string[] extra)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = await RunManifestAsync(["--host", Host, "--client-id", ClientId, "--out", _out, .. extra], stdout, stderr, CancellationToken.None);

        Assert.True(code == 0, stderr.ToString());
    }

    private static Task<int> RunManifestAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken ct) =>
        OutlookFollowUp.Cli.CliCommands.InvokeAsync(ManifestCommand.Create(TimeProvider.System), args, stdout, stderr, ct);
}
