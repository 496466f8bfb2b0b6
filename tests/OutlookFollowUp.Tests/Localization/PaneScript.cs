using System.Text.Json;

namespace OutlookFollowUp.Tests.Localization;

/// <summary>
/// Runs the pane's own formatter and plural rules (wwwroot/js/message.js, plural.js) in Node.js on the catalogs as they
/// are, so the tests can hold them against the server's.
/// </summary>
internal static class PaneScript
{
    public static string Path(params string[] parts) => RepositoryFiles.Path(["api", "wwwroot", "js", .. parts]);

    /// <summary>
    /// Runs <paramref name="body"/> (an async function body with <c>input</c>, <c>format</c> and <c>category</c>, the
    /// rules of plurals.json, in scope) and returns what it returns, as JSON.
    /// </summary>
    public static async Task<JsonElement> RunAsync(string body, object input)
    {
        // A folder of ES modules as the browser loads them: Node reads .js as modules in a "type": "module" package.
        var folder = Directory.CreateTempSubdirectory("pane-i18n-");
        try
        {
            Directory.CreateDirectory(System.IO.Path.Combine(folder.FullName, "locales"));
            foreach (var file in new[] { "message.js", "plural.js", "locales/plurals.json" })
            {
                File.Copy(Path(file), System.IO.Path.Combine(folder.FullName, file));
            }

            await File.WriteAllTextAsync(System.IO.Path.Combine(folder.FullName, "package.json"), """{ "type": "module" }""");
            await File.WriteAllTextAsync(System.IO.Path.Combine(folder.FullName, "input.json"), JsonSerializer.Serialize(input));
            await File.WriteAllTextAsync(System.IO.Path.Combine(folder.FullName, "run.js"), $$"""
                import { readFileSync } from 'node:fs';
                import { format } from './message.js';
                import { pluralRules } from './plural.js';
                const read = name => JSON.parse(readFileSync(new URL(name, import.meta.url), 'utf8'));
                const input = read('./input.json');
                const category = pluralRules(read('./locales/plurals.json'));
                const output = await (async () => { {{body}} })();
                process.stdout.write(JSON.stringify(output));
                """);
            var (code, stdout, stderr) = await RepositoryFiles.RunAsync("node", ["--no-warnings", "run.js"], folder.FullName);
            Assert.True(code == 0, $"node failed ({code}): {stderr}");
            return JsonDocument.Parse(stdout).RootElement.Clone();
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
