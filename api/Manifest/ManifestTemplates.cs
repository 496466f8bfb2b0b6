using System.Reflection;
using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace OutlookFollowUp.Manifest;

/// <summary>The add-in manifests and package icons, embedded from addin-manifest/ and wwwroot/assets/ so the command runs from any folder.</summary>
internal static class ManifestTemplates
{
    public const string PlaceholderOrigin = "https://localhost:5001";
    public const string PlaceholderAuthority = "localhost:5001";
    public const string PlaceholderClientId = "00000000-0000-0000-0000-000000000000";
    public const string AddInId = "3bd30e4e-4761-4740-9053-e82812a61d86";

    /// <summary>Files of the unified app package besides manifest.json, by the relative path the manifest names.</summary>
    public static readonly IReadOnlyList<string> PackageIcons = ["color.png", "outline.png"];

    /// <summary>The unified manifest's language files (localizationInfo.additionalLanguages), packaged beside it as they are.</summary>
    public static readonly IReadOnlyList<string> LanguageFiles = ["it.json", "de.json", "fr.json", "es.json"];

    public static XDocument Xml()
    {
        using var stream = Open("manifest.xml");
        return XDocument.Load(stream, LoadOptions.PreserveWhitespace);
    }

    public static JsonObject Json()
    {
        using var stream = Open("manifest.json");
        return JsonNode.Parse(stream)?.AsObject() ?? throw new InvalidOperationException("The embedded manifest.json is empty.");
    }

    public static byte[] PackageFile(string name)
    {
        using var stream = Open(name);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static Stream Open(string name) =>
        Assembly.GetExecutingAssembly().GetManifestResourceStream("OutlookFollowUp.Manifest." + name)
        ?? throw new InvalidOperationException($"The embedded resource {name} is missing from the build.");
}
