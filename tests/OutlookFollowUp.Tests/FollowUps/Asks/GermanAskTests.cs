using OutlookFollowUp.FollowUps.Asks;

namespace OutlookFollowUp.Tests.FollowUps.Asks;

/// <summary>Rule 9 in German.</summary>
public class GermanAskTests
{
    [Theory]
    [InlineData("Geben Sie mir bitte Bescheid, ob der Termin passt.", AskKind.Date)]
    [InlineData("Könnten Sie mir bitte die Unterlagen bis Freitag schicken?", AskKind.Request)]
    [InlineData("Bitte schicken Sie mir die unterschriebene Vereinbarung zurück.", AskKind.Signature)]
    [InlineData("Gibt es schon Neuigkeiten?", AskKind.Update)]
    [InlineData("Was halten Sie von dem Vorschlag?", AskKind.Proposal)]
    [InlineData("Kannst du kurz über den Entwurf drüberschauen?", AskKind.Review)]
    [InlineData("Passt es Ihnen am Donnerstag um 15 Uhr?", AskKind.Date)]
    [InlineData("Ich warte noch auf Ihre Rückmeldung.", AskKind.Request)]
    [InlineData("Vielen Dank im Voraus!", AskKind.Request)]
    [InlineData("Wann hast du nächste Woche Zeit?", AskKind.Date)]
    [InlineData("Hallo Frau Weber,\n\nwürden Sie mir das Angebot noch einmal zusenden?\n\nMit freundlichen Grüßen\nJonas Keller", AskKind.Request)]
    [InlineData("Sollen wir das Meeting verschieben?", AskKind.Proposal)]
    [InlineData("Ich wollte kurz nachfragen, ob die Rechnung angekommen ist.", AskKind.Update)]
    [InlineData("Weiß jemand, warum der Build seit gestern fehlschlägt?", AskKind.Question)]
    public void Asks(string body, AskKind kind) => Assert.Equal(kind, Classify.Body(body));

    [Theory]
    [InlineData("Danke, passt so.")]
    [InlineData("Vielen Dank!")]
    [InlineData("Alles klar, danke.")]
    [InlineData("Keine Antwort nötig, nur zur Info.")]
    [InlineData("Bei Fragen melden Sie sich gerne.")]
    [InlineData("Bis Donnerstag!")]
    [InlineData("Der Termin am Montag um 10 Uhr ist bestätigt.")]
    [InlineData("Anbei das Protokoll der heutigen Besprechung.")]
    [InlineData("Warum nicht? Jetzt funktioniert es.")]
    [InlineData("Wenn Sie noch Fragen haben, stehe ich Ihnen gerne zur Verfügung.")]
    [InlineData("Ich habe den Fix gestern eingecheckt.")]
    public void DoesNotAsk(string body) => Assert.Equal(AskKind.None, Classify.Body(body));
}
