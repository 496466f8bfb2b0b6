using System.Globalization;
using System.Text.Json;
using OutlookFollowUp.Localization;

namespace OutlookFollowUp.Tests.Localization;

/// <summary>The pane's formatter and plural rules (JavaScript, run in Node.js) say what the server's say, message for message.</summary>
public sealed class PaneFormatterTests
{
    private static readonly string[] Numbers = ["0", "1", "2", "1.5", "3", "8", "11", "21", "22", "23", "1000000"];

    [NpmFact]
    public async Task The_pane_picks_the_same_plural_forms_as_the_server_and_as_CLDR_and_Intl_say()
    {
        // CLDR's own samples ("1c6", "1.00" included), then the usual numbers, which Intl.PluralRules must agree on too.
        var cases = PluralRulesTests.CldrSamples()
            .Select(c => new { c.Language, Type = c.Ordinal ? "ordinal" : "cardinal", c.Category, c.Number, Intl = false })
            .Concat(from language in UserLanguages.All
                    from type in new[] { "cardinal", "ordinal" }
                    from number in Numbers
                    select new { Language = language, Type = type, Category = PluralRules.Category(language, number, type == "ordinal"), Number = number, Intl = true })
            .ToList();

        var pane = await PaneScript.RunAsync("""
            return input.map(c => [category(c.Language, c.Number, c.Type), c.Intl ? new Intl.PluralRules(c.Language, { type: c.Type }).select(Number(c.Number)) : c.Category]);
            """, cases);

        var wrong = cases.Zip(pane.EnumerateArray().Select(e => (Own: e[0].GetString(), Intl: e[1].GetString())))
            .Where(p => p.Second.Own != p.First.Category || p.Second.Intl != p.First.Category)
            .Select(p => $"{p.First.Language} {p.First.Type} {p.First.Number}: pane {p.Second.Own}, Intl {p.Second.Intl}, server and CLDR {p.First.Category}")
            .ToList();
        Assert.Empty(wrong);
        Assert.Equal(cases.Count, pane.GetArrayLength());
    }

    [NpmFact]
    public async Task Every_message_in_every_language_reads_the_same_from_the_pane_and_the_server()
    {
        var cases = (
            from language in UserLanguages.All
            from entry in Catalog.Sources[language]
            let message = Message.Parse(entry.Value)
            let arguments = message.Arguments().ToList()
            let counted = arguments.Where(a => a.Kind.Length > 0).Select(a => a.Name).ToHashSet(StringComparer.Ordinal)
            from number in counted.Count > 0 ? Numbers : ["0"]
            let values = arguments.Select(a => a.Name).Distinct().ToDictionary(
                name => name,
                // Some values end in a full stop ("8 déc."), to show both keep one where the message has its own.
                name => counted.Contains(name) ? number : name.Length % 2 == 0 ? $"{name} 8 déc." : $"<{name}>",
                StringComparer.Ordinal)
            select new
            {
                Language = language,
                Key = entry.Key,
                Source = entry.Value,
                Values = values,
                Server = message.Format(language, name => values[name], name => decimal.Parse(values[name], CultureInfo.InvariantCulture), words => words),
            }).ToList();

        var pane = await PaneScript.RunAsync("return input.map(c => format(c.Source, c.Language, c.Values, category));", cases);

        var differ = cases.Zip(pane.EnumerateArray().Select(e => e.GetString()))
            .Where(p => p.First.Server != p.Second)
            .Select(p => $"{p.First.Language} {p.First.Key} {JsonSerializer.Serialize(p.First.Values)}: server \"{p.First.Server}\", pane \"{p.Second}\"")
            .ToList();
        Assert.Empty(differ);
        Assert.True(cases.Count > 1500, $"{cases.Count} messages compared");
    }
}
