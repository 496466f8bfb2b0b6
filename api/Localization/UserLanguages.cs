using System.Globalization;

namespace OutlookFollowUp.Localization;

/// <summary>
/// The five languages the product speaks, by the code the pane picks from Office's display language ("it" for it-IT).
/// A user with none stored reads English.
/// </summary>
public static class UserLanguages
{
    public const string English = "en";

    public static readonly IReadOnlyList<string> All = ["en", "it", "de", "fr", "es"];

    /// <summary>"en, it, de, fr, es": what a 400 names.</summary>
    public static string Allowed => string.Join(", ", All);

    public static bool IsKnown(string? code) => code is not null && All.Contains(code, StringComparer.Ordinal);

    /// <summary>The language to write in: the stored one, English when none or unknown.</summary>
    public static string OrEnglish(string? code) => IsKnown(code) ? code! : English;

    /// <summary>
    /// The culture for dates and numbers. Only the language is stored, so each has the culture of its largest
    /// Outlook population (English: en-US, as Office's own default).
    /// </summary>
    public static CultureInfo Culture(string? code) => CultureInfo.GetCultureInfo(OrEnglish(code) switch
    {
        "it" => "it-IT",
        "de" => "de-DE",
        "fr" => "fr-FR",
        "es" => "es-ES",
        _ => "en-US",
    });
}
