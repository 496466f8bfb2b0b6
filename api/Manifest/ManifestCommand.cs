using System.CommandLine;
using System.IO.Compression;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using System.Xml;

namespace OutlookFollowUp.Manifest;

/// <summary>
/// <c>dotnet run --project api -- manifest --host https://… --client-id GUID [--addin-id GUID] [--out DIR]</c>:
/// writes both manifests stamped for one deployment, the unified package's icons, and the package zip for the admin center.
/// </summary>
public static class ManifestCommand
{
    public const string PackageZip = "outlook-followup-app.zip";

    // Keeps "…" readable while still escaping HTML-significant characters.
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static Command Create(TimeProvider time)
    {
        _ = time; // the manifests carry no dates
        var arguments = new ManifestArguments();
        var command = new Command("manifest", "Writes both add-in manifests and the admin-center package, stamped for one deployment.");
        foreach (var option in arguments.All)
        {
            command.Options.Add(option);
        }

        command.SetAction((result, ct) =>
        {
            var (deployment, outDir) = arguments.Read(result);
            return WriteAsync(deployment, outDir, result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, ct);
        });
        return command;
    }

    private static async Task<int> WriteAsync(Deployment deployment, string outDir, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        try
        {
            Directory.CreateDirectory(outDir);
            await WriteXmlAsync(Path.Combine(outDir, "manifest.xml"), deployment, ct);
            var json = JsonSerializer.Serialize(ManifestStamper.Stamp(ManifestTemplates.Json(), deployment), JsonOptions) + "\n";
            await File.WriteAllTextAsync(Path.Combine(outDir, "manifest.json"), json, new UTF8Encoding(false), ct);
            foreach (var file in ManifestTemplates.PackageIcons.Concat(ManifestTemplates.LanguageFiles))
            {
                await File.WriteAllBytesAsync(Path.Combine(outDir, file), ManifestTemplates.PackageFile(file), ct);
            }

            WritePackage(outDir);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await stderr.WriteLineAsync($"manifest: cannot write to '{outDir}': {ex.Message}");
            return 1;
        }

        await stdout.WriteLineAsync(
            $"Wrote manifest.xml, manifest.json and {PackageZip} to {Path.GetFullPath(outDir)} for {deployment.OriginText} (client id {deployment.ClientIdText}).");
        return 0;
    }

    private static async Task WriteXmlAsync(string path, Deployment deployment, CancellationToken ct)
    {
        var doc = ManifestStamper.Stamp(ManifestTemplates.Xml(), deployment);
        var settings = new XmlWriterSettings { Async = true, Encoding = new UTF8Encoding(false) };
        await using var stream = File.Create(path);
        await using var writer = XmlWriter.Create(stream, settings);
        await doc.SaveAsync(writer, ct);
    }

    // The unified manifest is uploaded as a zip holding manifest.json and the icons and language files it names.
    private static void WritePackage(string outDir)
    {
        var zipPath = Path.Combine(outDir, PackageZip);
        File.Delete(zipPath);
        using var zip = ZipFile.Open(zipPath, ZipArchiveMode.Create);
        foreach (var name in ManifestTemplates.PackageIcons.Concat(ManifestTemplates.LanguageFiles).Prepend("manifest.json"))
        {
            zip.CreateEntryFromFile(Path.Combine(outDir, name), name);
        }
    }
}
