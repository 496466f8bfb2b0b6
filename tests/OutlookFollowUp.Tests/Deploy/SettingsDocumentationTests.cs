using System.Text.Json;
using System.Text.Json.Nodes;

namespace OutlookFollowUp.Tests.Deploy;

/// <summary>Every setting appsettings.Production.json names is in the README's settings table.</summary>
public sealed class SettingsDocumentationTests
{
    [Fact]
    public async Task ProductionSettings_AreAllListedInTheReadme()
    {
        var json = JsonNode.Parse(await File.ReadAllTextAsync(RepositoryFiles.Path("api", "appsettings.Production.json")),
            documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })!;
        var readme = await File.ReadAllTextAsync(RepositoryFiles.Path("README.md"));

        var keys = Leaves(json, "").Where(k => !k.StartsWith("Logging:", StringComparison.Ordinal)).ToList();
        // An array entry's fields are listed after their first one: `AzureAd:ClientCredentials:0:SourceType`, `KeyVaultUrl`.
        var missing = keys.Where(k => !readme.Contains($"`{k}`", StringComparison.Ordinal)
            && !(k.Contains(":0:", StringComparison.Ordinal) && readme.Contains($"`{k.Split(':')[^1]}`", StringComparison.Ordinal)));

        Assert.True(keys.Count > 15, "the Production settings file names the settings");
        Assert.Empty(missing);
    }

    private static IEnumerable<string> Leaves(JsonNode? node, string prefix) => node switch
    {
        JsonObject o => o.SelectMany(p => Leaves(p.Value, prefix.Length == 0 ? p.Key : $"{prefix}:{p.Key}")),
        JsonArray { Count: > 0 } a => a.SelectMany((item, i) => Leaves(item, $"{prefix}:{i}")),
        _ => [prefix],
    };
}
