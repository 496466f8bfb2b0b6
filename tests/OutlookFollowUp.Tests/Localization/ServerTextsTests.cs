using OutlookFollowUp.Localization;

namespace OutlookFollowUp.Tests.Localization;

/// <summary>The server's own words in five languages, from the catalogs it shares with the pane.</summary>
public sealed class ServerTextsTests
{
    public static TheoryData<string> OtherLanguages => new() { "it", "de", "fr", "es" };

    [Fact]
    public void The_five_languages_each_have_a_catalog_with_every_server_message()
    {
        Assert.Equal(["en", "it", "de", "fr", "es"], UserLanguages.All);
        Assert.Equal(UserLanguages.All.Order(StringComparer.Ordinal), Catalog.Sources.Keys.Order(StringComparer.Ordinal));
        foreach (var language in UserLanguages.All)
        {
            Assert.All(Enum.GetValues<TextKey>(), key => Assert.NotNull(Catalog.Get(language, key)));
        }
    }

    [Theory, MemberData(nameof(OtherLanguages))]
    public void No_server_message_is_left_in_English(string language)
    {
        var same = Enum.GetValues<TextKey>()
            .Where(key => Catalog.Sources[language][Catalog.Key(key)] == Catalog.Sources["en"][Catalog.Key(key)])
            .ToList();
        Assert.Empty(same);
    }

    [Theory]
    [InlineData("en", 1, "1 follow-up to look at today")]
    [InlineData("en", 0, "0 follow-ups to look at today")]
    [InlineData("en", 1234, "1,234 follow-ups to look at today")]
    [InlineData("fr", 0, "0 relance à regarder aujourd’hui")]
    [InlineData("fr", 1000000, "1\u202F000\u202F000 relances à regarder aujourd’hui")]
    [InlineData("it", 1000000, "1.000.000 follow-up da guardare oggi")]
    [InlineData("fr", 2, "2 relances à regarder aujourd’hui")]
    [InlineData("de", 1234, "1.234 Follow-ups für heute")]
    [InlineData("es", 1, "1 seguimiento para revisar hoy")]
    [InlineData("pt", 3, "3 follow-ups to look at today")]
    [InlineData(null, 3, "3 follow-ups to look at today")]
    public void Counts_pick_the_languages_form_and_are_written_in_its_culture(string? language, int count, string expected) =>
        Assert.Equal(expected, ServerTexts.For(language).Format(TextKey.DigestSubject, count));

    [Fact]
    public void Html_encodes_the_messages_own_words_and_takes_values_as_given()
    {
        var texts = ServerTexts.For("de");

        var html = texts.Html(TextKey.DigestMore, 3);

        Assert.Equal("Und 3 weitere im Bereich „Follow-ups“.", html);
        Assert.Equal("Ricevi questa email perché il riepilogo del mattino è attivo nelle impostazioni di Follow-ups.", ServerTexts.For("it").Html(TextKey.DigestFooter));
        Assert.Equal("a &amp; b &lt;i&gt; &quot;c&quot;", ServerTexts.Encode("a & b <i> \"c\""));
    }

    [Fact]
    public void A_value_that_looks_like_a_placeholder_stays_as_it_is()
    {
        var line = ServerTexts.For("en").Format(TextKey.DigestMineLine, null, ("subject", "Re: {date} and $1"), ("name", "{name}"), ("date", "Fri, Nov 20"));

        Assert.Equal("Re: {date} and $1 — {name} wrote to you on Fri, Nov 20", line);
    }

    [Fact]
    public void A_missing_value_is_a_programming_error_not_a_hole_in_the_mail() =>
        Assert.Throws<InvalidOperationException>(() => ServerTexts.For("it").Format(TextKey.DigestMineLine, null, ("subject", "x")));
}
