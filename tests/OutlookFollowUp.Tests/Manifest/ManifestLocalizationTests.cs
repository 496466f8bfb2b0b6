using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using OutlookFollowUp.Manifest;

namespace OutlookFollowUp.Tests.Manifest;

/// <summary>
/// The command labels in Italian, German, French and Spanish: XML <c>Override</c> elements in the resources, and the
/// unified manifest's language files (localizationInfo.additionalLanguages); both say the same words in each language.
/// </summary>
public class ManifestLocalizationTests
{
    private static readonly XNamespace Bt = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";
    private static readonly XNamespace Office = "http://schemas.microsoft.com/office/appforoffice/1.1";
    private static readonly string[] Locales = ["it-IT", "de-DE", "fr-FR", "es-ES"];
    private const string Brand = "Follow-ups";

    // The localization schema's keys (MicrosoftTeams.Localization.schema.json, v1.24) for what this manifest has, with their length limits.
    private static readonly (Regex Key, int Max)[] AllowedKeys =
    [
        (new(@"^name\.short$"), 30), (new(@"^name\.full$"), 100), (new(@"^description\.short$"), 80), (new(@"^description\.full$"), 4000),
        (new(@"^extensions\[0\]\.ribbons\[[0-9]\]\.tabs\[1?[0-9]\]\.groups\[[0-9]\]\.label$"), 64),
        (new(@"^extensions\[0\]\.ribbons\[[0-9]\]\.tabs\[1?[0-9]\]\.groups\[[0-9]\]\.controls\[1?[0-9]\]\.(label|supertip\.title)$"), 64),
        (new(@"^extensions\[0\]\.ribbons\[[0-9]\]\.tabs\[1?[0-9]\]\.groups\[[0-9]\]\.controls\[1?[0-9]\]\.supertip\.description$"), 250),
        (new(@"^extensions\[0\]\.ribbons\[[0-9]\]\.tabs\[1?[0-9]\]\.groups\[[0-9]\]\.controls\[1?[0-9]\]\.items\[1?[0-9]\]\.(label|supertip\.title)$"), 64),
        (new(@"^extensions\[0\]\.ribbons\[[0-9]\]\.tabs\[1?[0-9]\]\.groups\[[0-9]\]\.controls\[1?[0-9]\]\.items\[1?[0-9]\]\.supertip\.description$"), 250),
    ];

    public static TheoryData<string> Languages => new(Locales);

    [Theory]
    [MemberData(nameof(Languages))]
    public void Xml_manifest_overrides_every_command_string_but_the_product_name(string locale)
    {
        var strings = ManifestTemplates.Xml().Descendants(Bt + "ShortStrings").Concat(ManifestTemplates.Xml().Descendants(Bt + "LongStrings"))
            .Elements(Bt + "String").ToList();

        var missing = strings.Where(s => (string?)s.Attribute("DefaultValue") != Brand && Override(s, Bt, locale) is null)
            .Select(s => (string?)s.Attribute("id"));

        Assert.NotEmpty(strings);
        Assert.Empty(missing);
        Assert.NotNull(Override(ManifestTemplates.Xml().Root!.Element(Office + "Description")!, Office, locale));
    }

    [Fact]
    public void Unified_manifest_names_one_language_file_per_xml_locale()
    {
        var languages = ManifestTemplates.Json()["localizationInfo"]!["additionalLanguages"]!.AsArray()
            .Select(l => (l!["languageTag"]!.GetValue<string>(), l["file"]!.GetValue<string>()));

        Assert.Equal(Locales.Select(l => (l.ToLowerInvariant(), l[..2] + ".json")), languages);
        Assert.Equal(ManifestTemplates.LanguageFiles, Locales.Select(l => l[..2] + ".json"));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Language_file_has_the_required_keys_only_allowed_keys_and_lengths(string locale)
    {
        var file = LanguageFile(locale);

        Assert.All(new[] { "name.short", "description.short", "description.full" }, key => Assert.NotNull(file[key]));
        foreach (var (key, value) in file.Where(p => p.Key != "$schema"))
        {
            var rule = AllowedKeys.FirstOrDefault(r => r.Key.IsMatch(key));
            Assert.True(rule.Key is not null, $"{locale}: {key} is not a key of the localization schema");
            Assert.True(value!.GetValue<string>().Length is > 0 and var n && n <= rule.Max, $"{locale}: {key} is empty or longer than {rule.Max}");
        }
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Language_file_translates_every_ribbon_string_like_the_xml_manifest(string locale)
    {
        var json = ManifestTemplates.Json();
        var file = LanguageFile(locale);
        var xml = ManifestTemplates.Xml().Descendants(Bt + "String")
            .ToDictionary(s => (string)s.Attribute("DefaultValue")!, s => Override(s, Bt, locale));
        var ribbonStrings = RibbonStrings(json["extensions"]![0]!["ribbons"]!, "extensions[0].ribbons").ToList();

        Assert.NotEmpty(ribbonStrings);
        foreach (var (path, english) in ribbonStrings)
        {
            var translated = (string?)file[path];
            if (english == Brand)
            {
                Assert.True(translated is null or Brand, $"{locale}: {path} renames the product");
                continue;
            }

            Assert.True(translated is not null, $"{locale}: {path} (\"{english}\") is not translated");
            Assert.Equal(xml[english], translated);
        }

        // No key that points nowhere: each one names a string of manifest.json.
        Assert.All(file.Where(p => p.Key.StartsWith("extensions", StringComparison.Ordinal)), p => Assert.Contains(p.Key, ribbonStrings.Select(r => r.Path)));
    }

    private static string? Override(XElement element, XNamespace ns, string locale) =>
        (string?)element.Elements(ns + "Override").FirstOrDefault(o => (string?)o.Attribute("Locale") == locale)?.Attribute("Value");

    private static JsonObject LanguageFile(string locale) =>
        JsonNode.Parse(ManifestTemplates.PackageFile(locale[..2] + ".json"))!.AsObject();

    /// <summary>(path in the localization file's notation, English text) of every label and supertip under the ribbons.</summary>
    private static IEnumerable<(string Path, string English)> RibbonStrings(JsonNode node, string path) => node switch
    {
        JsonArray array => array.SelectMany((item, i) => RibbonStrings(item!, $"{path}[{i}]")),
        JsonObject obj => obj.SelectMany(p => p.Key is "label" or "title" or "description" && p.Value is JsonValue v && v.TryGetValue<string>(out var s)
            ? [($"{path}.{p.Key}", s)]
            : p.Value is null ? [] : RibbonStrings(p.Value, $"{path}.{p.Key}")),
        _ => [],
    };
}
