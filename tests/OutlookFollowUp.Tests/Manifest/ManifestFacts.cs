using System.Buffers.Binary;
using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace OutlookFollowUp.Tests.Manifest;

/// <summary>Reads the manifests the way Office would check them: against the published schemas in ../shared.</summary>
public static class ManifestFacts
{
    public const string UnifiedVersion = "v1.24";

    public static IReadOnlyList<string> XsdErrors(XDocument manifest)
    {
        var schemas = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        // The root XSD imports the VersionOverrides and basic-types XSDs beside it by schemaLocation.
        schemas.Add("http://schemas.microsoft.com/office/appforoffice/1.1", SharedFolder.Path("manifest-schemas", "xml", "OfficeAppManifestV1_1.xsd"));
        schemas.Compile();
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas };
        // Warnings matter: a lax wildcard (the nested 1.1 VersionOverrides) that finds no declaration only warns.
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity} line {e.Exception.LineNumber}: {e.Message}");
        using var reader = XmlReader.Create(new StringReader(manifest.ToString(SaveOptions.DisableFormatting)), settings);
        while (reader.Read())
        {
        }

        return errors;
    }

    public static JsonSchemaSubset UnifiedSchema() =>
        JsonSchemaSubset.Load(SharedFolder.Path("manifest-schemas", "unified", UnifiedVersion, "MicrosoftTeams.schema.json"));

    /// <summary>Every absolute http(s) URL in attribute values and text of the XML manifest.</summary>
    public static IReadOnlyList<string> Urls(XDocument manifest) =>
        manifest.Descendants()
            .SelectMany(e => e.Attributes().Where(a => !a.IsNamespaceDeclaration).Select(a => a.Value).Concat(e.HasElements ? [] : [e.Value]))
            .Where(IsHttpUrl).Distinct().ToList();

    /// <summary>Every absolute http(s) URL among the string values of the JSON manifest.</summary>
    public static IReadOnlyList<string> Urls(JsonNode manifest) =>
        Strings(manifest).Where(v => IsHttpUrl(v) && !v.Contains("json-schemas", StringComparison.Ordinal)).Distinct().ToList();

    public static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject obj => obj.SelectMany(p => Strings(p.Value)),
        JsonArray array => array.SelectMany(Strings),
        JsonValue value when value.TryGetValue<string>(out var text) => [text],
        _ => [],
    };

    /// <summary>Icon URL to declared pixel size, from both manifests' icon references.</summary>
    public static IReadOnlyDictionary<string, int> DeclaredIcons(XDocument xml, JsonNode json)
    {
        XNamespace office = "http://schemas.microsoft.com/office/appforoffice/1.1";
        XNamespace bt = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";
        var images = xml.Descendants(bt + "Image").Where(i => i.Attribute("id") is not null)
            .ToDictionary(i => (string)i.Attribute("id")!, i => (string)i.Attribute("DefaultValue")!);
        var icons = new Dictionary<string, int>
        {
            // Office's sizes for these two elements.
            [(string)xml.Root!.Element(office + "IconUrl")!.Attribute("DefaultValue")!] = 64,
            [(string)xml.Root!.Element(office + "HighResolutionIconUrl")!.Attribute("DefaultValue")!] = 128,
        };
        foreach (var use in xml.Descendants(bt + "Image").Where(i => i.Attribute("resid") is not null))
        {
            // Mobile icons declare points and a scale (25, 32, 48 at 1x–3x): the PNG holds size × scale pixels.
            icons[images[(string)use.Attribute("resid")!]] = (int)use.Attribute("size")! * ((int?)use.Attribute("scale") ?? 1);
        }

        foreach (var icon in JsonIcons(json))
        {
            icons[icon["url"]!.GetValue<string>()] = icon["size"]!.GetValue<int>();
        }

        return icons;
    }

    public static (int Width, int Height) PngSize(byte[] png)
    {
        byte[] signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
        Assert.True(png.AsSpan(0, 8).SequenceEqual(signature), "not a PNG");
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }

    private static IEnumerable<JsonObject> JsonIcons(JsonNode? node) => node switch
    {
        JsonObject obj when obj["size"] is not null && obj["url"] is not null => [obj],
        JsonObject obj => obj.SelectMany(p => JsonIcons(p.Value)),
        JsonArray array => array.SelectMany(JsonIcons),
        _ => [],
    };

    private static bool IsHttpUrl(string value) =>
        value.StartsWith("https://", StringComparison.Ordinal) || value.StartsWith("http://", StringComparison.Ordinal);
}
