using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace OutlookFollowUp.Localization;

/// <summary>
/// What the server writes for a user, in their language (<see cref="UserLanguages"/>): whole messages with their
/// placeholders filled in, counts and dates in the language's culture. A value is never translated here: names and
/// subjects go in as they are.
/// </summary>
public sealed partial class ServerTexts
{
    private readonly DatePatterns _dates;

    private ServerTexts(string language)
    {
        Language = language;
        Culture = UserLanguages.Culture(language);
        _dates = DatePatterns.ByLanguage[language];
    }

    private static readonly IReadOnlyDictionary<string, ServerTexts> ByLanguage =
        UserLanguages.All.ToDictionary(l => l, l => new ServerTexts(l), StringComparer.Ordinal);

    /// <summary>The texts of <paramref name="language"/>; English when it is null or not one of the five.</summary>
    public static ServerTexts For(string? language) => ByLanguage[UserLanguages.OrEnglish(language)];

    public string Language { get; }

    public CultureInfo Culture { get; }

    /// <summary>The message as plain text; <c>{count}</c> is filled from <paramref name="count"/>.</summary>
    public string Format(TextKey key, int? count = null, params (string Name, string Value)[] values) =>
        Fill(key, count, values, words => words);

    /// <summary>
    /// The message as HTML: its own words HTML-encoded, each value put in as the HTML given (the caller encodes text,
    /// or passes a link it built).
    /// </summary>
    public string Html(TextKey key, int? count = null, params (string Name, string Html)[] values) =>
        Fill(key, count, values, Encode);

    // Only what HTML needs (& < > " '): accents, „quotes“ and apostrophes stay readable in the mail's source.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>Text made safe inside HTML text and attribute values.</summary>
    public static string Encode(string text) => Encoder.Encode(text);

    /// <summary>A day ("Tue, Nov 24"; "mar 24 nov") in the language's culture.</summary>
    public string Day(DateTimeOffset local) => local.ToString(_dates.Day, Culture);

    /// <summary>A day and a time ("Tue, Nov 24, 9:00 AM"; "mar 24 nov, 09:00").</summary>
    public string DayTime(DateTimeOffset local) => local.ToString(_dates.DayTime, Culture);

    /// <summary>The away note's day ("Thu 3 Dec"; "gio 3 dic"; "Do., 3. Dez.").</summary>
    public string ShortDay(DateTimeOffset local) => local.ToString(_dates.ShortDay, Culture);

    /// <summary>The away note's weekday and time ("Fri 09:00"), or day and time when further than a week ("Fri 11 Dec 09:00").</summary>
    public string WeekdayTime(DateTimeOffset local, bool withDay) =>
        local.ToString(withDay ? _dates.ShortDayTime : _dates.WeekdayTime, Culture);

    /// <summary>Names as the language lists them: "Ana", "Ana and Ben", "Ana, Ben and Carla" ("Ana, Ben e Carla").</summary>
    public string List(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => Format(TextKey.ListAnd, values: [("first", string.Join(", ", items.Take(items.Count - 1))), ("last", items[^1])]),
    };

    // {count} is written in the language's culture ("1,234"; "1.234") and picks the form; the other values go in as given.
    private string Fill(TextKey key, int? count, (string Name, string Value)[] values, Func<string, string> words)
    {
        return Catalog.Get(Language, key).Format(Language, Value, Number, words);

        string Value(string name)
        {
            if (name == "count" && count is { } n)
            {
                return n.ToString("N0", Culture);
            }

            foreach (var (given, value) in values)
            {
                if (given == name)
                {
                    return value;
                }
            }

            throw new InvalidOperationException($"No value for {{{name}}} in {Language}.");
        }

        decimal Number(string name) => name == "count" && count is { } n
            ? n
            : throw new InvalidOperationException($"No {{count}} for {key} in {Language}.");
    }
}
