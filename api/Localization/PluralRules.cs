using System.Globalization;
using System.Text.Json;

namespace OutlookFollowUp.Localization;

/// <summary>
/// CLDR's plural rules for the five languages, read from <c>wwwroot/js/locales/plurals.json</c> (CLDR 48's supplemental
/// plurals.json and ordinals.json, trimmed; the pane evaluates the same file in <c>js/plural.js</c>): which form a
/// number takes, "one", "few", "many" or "other", counting things (cardinal) or ranking them (ordinal, "2nd").
/// </summary>
public static class PluralRules
{
    private static readonly IReadOnlyDictionary<string, (string Category, PluralRule Rule)[]> Cardinal = Load("plurals-type-cardinal");
    private static readonly IReadOnlyDictionary<string, (string Category, PluralRule Rule)[]> Ordinal = Load("plurals-type-ordinal");

    /// <summary>The CLDR version the rules come from ("48").</summary>
    public static string CldrVersion { get; } = Read().GetProperty("version").GetProperty("_cldrVersion").GetString()!;

    public static string Category(string language, decimal number, bool ordinal = false) =>
        Category(language, number.ToString(CultureInfo.InvariantCulture), ordinal);

    /// <summary>The form of <paramref name="number"/> as written ("1.50" keeps its two decimals; "1.1c6" is CLDR's 1.1 × 10⁶).</summary>
    public static string Category(string language, string number, bool ordinal = false)
    {
        var operands = PluralOperands.Parse(number);
        var rules = (ordinal ? Ordinal : Cardinal)[UserLanguages.OrEnglish(language)];
        return rules.FirstOrDefault(r => r.Rule.Matches(operands)).Category ?? "other";
    }

    /// <summary>Each language's rules with CLDR's sample numbers: what the tests check the evaluator against.</summary>
    internal static IEnumerable<(string Language, bool Ordinal, string Category, string Samples)> Samples() =>
        from ordinal in new[] { false, true }
        from language in Read().GetProperty(ordinal ? "plurals-type-ordinal" : "plurals-type-cardinal").EnumerateObject()
        from rule in language.Value.EnumerateObject()
        let text = rule.Value.GetString()!
        where text.Contains('@', StringComparison.Ordinal)
        select (language.Name, ordinal, rule.Name["pluralRule-count-".Length..], text[text.IndexOf('@', StringComparison.Ordinal)..]);

    private static IReadOnlyDictionary<string, (string, PluralRule)[]> Load(string type) =>
        Read().GetProperty(type).EnumerateObject().ToDictionary(
            language => language.Name,
            language => language.Value.EnumerateObject()
                .Select(rule => (rule.Name["pluralRule-count-".Length..], PluralRule.Parse(rule.Value.GetString()!)))
                .ToArray(),
            StringComparer.Ordinal);

    private static JsonElement Read() => JsonDocument.Parse(CatalogFiles.Read("plurals.json")).RootElement.GetProperty("supplemental");
}
