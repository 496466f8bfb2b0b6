using System.Text.Json;
using OutlookFollowUp.FollowUps;
using OutlookFollowUp.Local;

namespace OutlookFollowUp.Tests.Pane;

/// <summary>
/// The pane says the engine's reasons again in the reader's language. Its input here is the real English the engine
/// writes (ReasonText), so a change of wording there fails these tests instead of silently falling back to English.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Needs", "Browser")]
public class PaneReasonTests(BrowserFixture browser)
{
    private static readonly DateTimeOffset Now = PaneListTests.Now;
    private static readonly MailAddress Ana = new("ana@fabrikam.com", "Ana Silva");
    private static readonly MailAddress Ben = new("ben@fabrikam.com", "Ben Ode");
    private static readonly MailAddress Carla = new("carla@fabrikam.com", "Carla Jones");

    public static TheoryData<string, string, string, int> Cases => new()
    {
        {
            "de-DE",
            ReasonText.WaitingOnThem([Ana, Ben, Carla], new(TimeSpan.FromDays(3), TimeSpan.FromHours(20)), new(2, 1, 3)),
            "Sie haben Ana Silva und 2 weiteren Personen vor 3 Tagen geschrieben; seitdem keine Antwort. Das sind 20 Arbeitsstunden. "
            + "2 automatische Antworten (etwa Abwesenheitsnotizen) zählten nicht als Antwort. 1 Zustellbericht ignoriert. "
            + "3 automatische Meldungen (Build oder Tracker) zählten nicht als Antworten.",
            3
        },
        {
            "it-IT",
            ReasonText.WaitingOnMe(Ana, new(TimeSpan.FromHours(30), null), viaList: true, new(1, 0, 1)),
            "Ana Silva ti ha scritto 30 ore fa; non hai ancora risposto. È arrivato da una mailing list, ma hai partecipato a questa conversazione. "
            + "1 risposta automatica (ad esempio fuori sede) non è stata contata come risposta. "
            + "1 aggiornamento automatico (build o tracker) non è stato contato come risposta.",
            1
        },
        {
            "fr-FR",
            ReasonText.WaitingOnThem([Ana], new(TimeSpan.FromDays(2), null), default, notDelivered: [Ana]),
            "Non remis à Ana Silva\u00a0: un rapport de non-remise est revenu. Vous avez écrit à Ana Silva il y a 2 jours\u202f; pas de réponse depuis.",
            1
        },
        {
            "es-ES",
            ReasonText.WaitingOnThem([Ana, Ben], new(TimeSpan.FromHours(47), null), default),
            "Escribió a Ana Silva y Ben Ode hace 47 horas; sin respuesta desde entonces.",
            2
        },
        {
            "de-DE",
            ReasonText.WaitingOnThem([Ana], new(TimeSpan.FromDays(3), null), default, ladder: new(2, [])),
            "Sie haben Ana Silva vor 3 Tagen geschrieben; seitdem keine Antwort. Das war Ihre 2. Nachfrage.",
            1
        },
        {
            "it-IT",
            ReasonText.WaitingOnThem([Ana, Ben, Carla], new(TimeSpan.FromHours(30), null), new(1, 0), ladder: new(0, [Ana])),
            "Hai scritto a Ana Silva e altre 2 persone 30 ore fa; nessuna risposta da allora. Ana Silva ha risposto prima; si attende ancora Ben Ode e Carla Jones. "
            + "1 risposta automatica (ad esempio fuori sede) non è stata contata come risposta.",
            3
        },
        {
            "fr-FR",
            ReasonText.WaitingOnThem([Ana, Ben], new(TimeSpan.FromDays(2), null), default, ladder: new(3, [Ana, Ben])),
            "Vous avez écrit à Ana Silva et Ben Ode il y a 2 jours\u202f; pas de réponse depuis. C’était votre 3e relance. Tout le monde a déjà répondu dans cette conversation.",
            2
        },
        {
            "fr-FR",
            ReasonText.WaitingOnThem([Ana], new(TimeSpan.FromDays(2), null), default, ladder: new(1, [])),
            "Vous avez écrit à Ana Silva il y a 2 jours\u202f; pas de réponse depuis. C’était votre 1re relance.",
            1
        },
        {
            "es-ES",
            ReasonText.WaitingOnThem([Ana, Ben, Carla], new(TimeSpan.FromHours(47), null), default, ladder: new(1, [Ana, Ben])),
            "Escribió a Ana Silva y 2 personas más hace 47 horas; sin respuesta desde entonces. Era su 1.º recordatorio. "
            + "Ana Silva y Ben Ode ya respondieron; aún esperando a Carla Jones.",
            3
        },
        {
            "en-US",
            ReasonText.WaitingOnThem([Ana, Ben], new(TimeSpan.FromHours(47), null), default),
            "You wrote to Ana Silva and Ben Ode 47 hours ago; no reply since.",
            2
        },
    };

    [BrowserTheory]
    [MemberData(nameof(Cases))]
    public async Task TheEnginesReason_IsSaidAgainInTheLanguage(string locale, string english, string expected, int people)
    {
        var (text, lang) = await ReasonAsync(locale, english, english.Contains("wrote to you", StringComparison.Ordinal) ? "mine" : "theirs",
            english.StartsWith("Not delivered", StringComparison.Ordinal), people);

        Assert.Equal((expected, (string?)null), (text, lang));
    }

    [BrowserFact]
    public async Task AReasonWithASentenceThePaneDoesNotKnow_IsShownInEnglish_MarkedAsEnglish()
    {
        var english = ReasonText.WaitingOnThem([Ana], new(TimeSpan.FromDays(3), null), default) + " 2nd follow-up, no answer.";

        var (text, lang) = await ReasonAsync("de-DE", english, "theirs", bounced: false, people: 1);

        Assert.Equal((english, "en"), (text, lang));
    }

    /// <summary>reasons.js on one thread whose counterparts are the first <paramref name="people"/> of Ana, Ben and Carla.</summary>
    private async Task<(string Text, string? Lang)> ReasonAsync(string locale, string reason, string direction, bool bounced, int people)
    {
        using var host = new PaneHost(SampleMailbox.Create(Now), Now);
        await using var pane = await PanePage.OpenAsync(browser, host, path: "/support.html");
        var shown = new[] { Ana, Ben, Carla }.Take(people).Select(p => new { address = p.Address, name = p.Name });
        var thread = new { direction, reason, notDelivered = bounced ? new[] { new { address = Ana.Address, name = Ana.Name } } : null };
        var json = await pane.Page.EvaluateAsync<string>("""
            async ([locale, thread, people]) => {
              const { setLanguage } = await import('/js/i18n.js');
              const { reasonText } = await import('/js/reasons.js');
              setLanguage(locale);
              return JSON.stringify(reasonText(thread, people));
            }
            """, new object[] { locale, thread, shown });
        var result = JsonDocument.Parse(json).RootElement;
        return (result.GetProperty("text").GetString()!, result.GetProperty("lang").ValueKind == JsonValueKind.Null ? null : result.GetProperty("lang").GetString());
    }
}
