using System.Globalization;
using OutlookFollowUp.Localization;

namespace OutlookFollowUp.Tests.Localization;

/// <summary>CLDR's plural rules, evaluated by the server from the one data file the pane reads too.</summary>
public sealed class PluralRulesTests
{
    [Fact]
    public void Every_sample_number_CLDR_gives_with_a_rule_takes_that_rules_form()
    {
        var wrong = CldrSamples().Where(s => PluralRules.Category(s.Language, s.Number, s.Ordinal) != s.Category)
            .Select(s => $"{s.Language} {(s.Ordinal ? "ordinal" : "cardinal")} {s.Number}: {PluralRules.Category(s.Language, s.Number, s.Ordinal)}, CLDR {s.Category}")
            .ToList();

        Assert.Empty(wrong);
        Assert.True(CldrSamples().Count() > 200);
        Assert.Equal("48", PluralRules.CldrVersion);
    }

    [Theory]
    [InlineData("en", "0", "other"), InlineData("en", "1", "one"), InlineData("en", "1.0", "other"), InlineData("en", "1.5", "other")]
    [InlineData("fr", "0", "one"), InlineData("fr", "1.5", "one"), InlineData("fr", "2", "other"), InlineData("fr", "1000000", "many")]
    [InlineData("it", "1000000", "many"), InlineData("es", "1.0", "one"), InlineData("de", "1000000", "other"), InlineData("pt", "1", "one")]
    public void Counting_forms_follow_CLDR(string language, string number, string category) =>
        Assert.Equal(category, PluralRules.Category(language, number));

    [Theory]
    [InlineData("en", 1, "one"), InlineData("en", 2, "two"), InlineData("en", 3, "few"), InlineData("en", 11, "other"), InlineData("en", 23, "few")]
    [InlineData("it", 8, "many"), InlineData("it", 9, "other"), InlineData("fr", 1, "one"), InlineData("fr", 2, "other"), InlineData("de", 1, "other")]
    public void Ranking_forms_follow_CLDR(string language, int number, string category) =>
        Assert.Equal(category, PluralRules.Category(language, number, ordinal: true));

    /// <summary>CLDR's samples of each rule, one number a line: "0~16" and "0.0~1.5" spelled out, "…" left out.</summary>
    internal static IEnumerable<(string Language, bool Ordinal, string Category, string Number)> CldrSamples() =>
        from rule in PluralRules.Samples()
        from list in rule.Samples.Split('@', StringSplitOptions.RemoveEmptyEntries)
        from item in list.Split(' ', 2)[1].Split(',', StringSplitOptions.TrimEntries)
        where item is not ("…" or "")
        from number in Spelled(item)
        select (rule.Language, rule.Ordinal, rule.Category, number);

    private static IEnumerable<string> Spelled(string item)
    {
        if (!item.Contains('~', StringComparison.Ordinal))
        {
            yield return item;
            yield break;
        }

        var ends = item.Split('~');
        var decimals = ends[0].Contains('.', StringComparison.Ordinal) ? ends[0].Length - ends[0].IndexOf('.', StringComparison.Ordinal) - 1 : 0;
        var step = 1m / (decimal)Math.Pow(10, decimals);
        for (var n = decimal.Parse(ends[0], CultureInfo.InvariantCulture); n <= decimal.Parse(ends[1], CultureInfo.InvariantCulture); n += step)
        {
            yield return n.ToString("F" + decimals, CultureInfo.InvariantCulture);
        }
    }
}
