using OutlookFollowUp.Localization;

namespace OutlookFollowUp.Tests.Localization;

/// <summary>The five catalogs the server and the pane share: the same keys, each message well formed with English's arguments.</summary>
public sealed class CatalogTests
{
    [Fact]
    public void Every_key_is_in_all_five_catalogs()
    {
        var keys = UserLanguages.All.SelectMany(l => Catalog.Sources[l].Keys).ToHashSet(StringComparer.Ordinal);

        var missing = from language in UserLanguages.All
                      from key in keys
                      where !Catalog.Sources[language].ContainsKey(key)
                      select $"{language}: {key} missing";

        Assert.Empty(missing);
        Assert.True(keys.Count > 200, $"{keys.Count} keys: the pane's and the server's messages are all there");
    }

    [Fact]
    public void Every_message_has_the_arguments_of_English_and_picks_its_forms_by_the_same_one()
    {
        var problems = new List<string>();
        foreach (var (key, english) in Catalog.Sources["en"])
        {
            var wanted = Arguments(english);
            foreach (var language in UserLanguages.All)
            {
                // A language may count where English does not (Italian greets one person or several); never the other way.
                var own = Arguments(Catalog.Sources[language][key]);
                if (!own.IsSupersetOf(wanted) || own.Except(wanted).Any(a => a != "count:plural"))
                {
                    problems.Add($"{language}: {key} has {string.Join(", ", own.Order())}; English {string.Join(", ", wanted.Order())}");
                }
            }
        }

        Assert.Empty(problems);
    }

    [Theory]
    [InlineData("en"), InlineData("it"), InlineData("de"), InlineData("fr"), InlineData("es")]
    public void A_sentence_the_server_says_is_not_in_the_catalog_twice(string language)
    {
        // The pane says the server's sentences with a full stop of its own (i18n.sentence), so compare them without.
        var catalog = Catalog.Sources[language];
        var twice = from key in Enum.GetValues<TextKey>().Select(Catalog.Key)
                    from other in catalog
                    where other.Key != key && Normal(other.Value) == Normal(catalog[key])
                    select $"{key} and {other.Key}";

        Assert.Empty(twice);
    }

    [Theory]
    [InlineData("{count, plural, one {a}}", "no 'other' form")]
    [InlineData("{count, plural, other {a}", "not closed")]
    [InlineData("a } b", "unmatched")]
    [InlineData("{count, select, other {a}}", "not plural or selectordinal")]
    [InlineData("{a b}", "not an argument name")]
    public void A_malformed_message_says_what_is_wrong(string source, string says) =>
        Assert.Contains(says, Assert.Throws<FormatException>(() => Message.Parse(source)).Message, StringComparison.Ordinal);

    private static string Normal(string message) => message.Replace(".}", "}", StringComparison.Ordinal).TrimEnd('.');

    // "count:plural, name, subject": a plural's own argument with its kind, the others by name.
    private static HashSet<string> Arguments(string source) =>
        [.. Message.Parse(source).Arguments().Select(a => a.Kind.Length == 0 ? a.Name : $"{a.Name}:{a.Kind}")];
}
