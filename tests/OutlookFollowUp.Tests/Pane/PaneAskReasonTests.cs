using System.Text.Json;
using OutlookFollowUp.Local;

namespace OutlookFollowUp.Tests.Pane;

/// <summary>
/// Rule 9's reasons say what the last message asked ("You asked Ana Silva for a review 3 days ago; …"): the pane says
/// each of them again in the reader's language. The English is ReasonText's (api/FollowUps/ReasonText.cs); the sample
/// mailbox's list in each language (PaneLanguageTests) checks the engine's own output against it.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Needs", "Browser")]
public class PaneAskReasonTests(BrowserFixture browser)
{
    private static readonly DateTimeOffset Now = PaneListTests.Now;

    private static readonly string[] Theirs =
    [
        "asked Ana Silva a question", "sent Ana Silva a request", "made Ana Silva a proposal", "asked Ana Silva for a review",
        "asked Ana Silva for a signature", "asked Ana Silva to pick a date", "asked Ana Silva for an update",
    ];

    private static readonly string[] Mine =
    [
        "asked you a question", "sent you a request", "made you a proposal", "asked you for a review",
        "asked you for a signature", "asked you to pick a date", "asked you for an update",
    ];

    [BrowserTheory]
    [InlineData("it-IT")]
    [InlineData("de-DE")]
    [InlineData("fr-FR")]
    [InlineData("es-ES")]
    public async Task EachKindOfAsk_IsSaidAgainInTheLanguage_EachInItsOwnWords(string locale)
    {
        var reasons = Theirs.Select(t => ("theirs", $"You {t} 3 days ago; no reply since. That was your 2nd follow-up."))
            .Concat(Mine.Select(m => ("mine", $"Ana Silva {m} 30 hours ago; you have not replied.")))
            .ToList();

        var said = await ReasonsAsync(locale, reasons);

        Assert.All(said, s => Assert.Null(s.Lang));
        Assert.Equal(reasons.Count, said.Select(s => s.Text).Distinct(StringComparer.Ordinal).Count());
        Assert.All(said, s => Assert.Contains("Ana Silva", s.Text, StringComparison.Ordinal));
    }

    [BrowserFact]
    public async Task AReviewAskedOfYou_InGerman()
    {
        var said = await ReasonsAsync("de-DE", [("mine", "Ana Silva asked you for a review 3 days ago; you have not replied.")]);

        Assert.Equal("Ana Silva hat Sie vor 3 Tagen um eine Durchsicht gebeten; Sie haben nicht geantwortet.", Assert.Single(said).Text);
    }

    private async Task<List<(string Text, string? Lang)>> ReasonsAsync(string locale, IReadOnlyList<(string Direction, string Reason)> reasons)
    {
        using var host = new PaneHost(SampleMailbox.Create(Now), Now);
        await using var pane = await PanePage.OpenAsync(browser, host, path: "/support.html");
        var threads = reasons.Select(r => new { direction = r.Direction, reason = r.Reason }).ToArray();
        var json = await pane.Page.EvaluateAsync<string>("""
            async ([locale, threads]) => {
              const { setLanguage } = await import('/js/i18n.js');
              const { reasonText } = await import('/js/reasons.js');
              setLanguage(locale);
              return JSON.stringify(threads.map(t => reasonText(t, [{ address: 'ana@fabrikam.com', name: 'Ana Silva' }])));
            }
            """, new object[] { locale, threads });
        return [.. JsonDocument.Parse(json).RootElement.EnumerateArray()
            .Select(r => (r.GetProperty("text").GetString()!, r.GetProperty("lang").ValueKind == JsonValueKind.Null ? null : r.GetProperty("lang").GetString()))];
    }
}
