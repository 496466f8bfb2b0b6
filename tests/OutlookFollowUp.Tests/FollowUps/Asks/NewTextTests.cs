using OutlookFollowUp.FollowUps.Asks;

namespace OutlookFollowUp.Tests.FollowUps.Asks;

/// <summary>The message's own new text, for each way mail clients quote, sign and forward.</summary>
public class NewTextTests
{
    private static string Plain(params string[] lines) => NewText.Extract(string.Join("\r\n", lines));

    [Fact]
    public void TopPosted_QuotedLinesAndTheirAttributionGo() =>
        Assert.Equal("Sounds good, thanks.", Plain(
            "Sounds good, thanks.",
            "",
            "On Tue, Nov 17, 2026 at 9:12 AM, Ana Silva <ana@fabrikam.com>",
            "wrote:",
            "> Can you send the figures?",
            "> Ana"));

    [Fact]
    public void InlineReply_KeepsTheNewLinesBetweenTheQuotes() =>
        Assert.Equal("Yes, on Tuesday.\n\nNo, the old one is fine.", Plain(
            "On 2026-11-17 10:00, Ana wrote:",
            "> Is the release still planned?",
            "",
            "Yes, on Tuesday.",
            "",
            "> Do we need a new logo?",
            "",
            "No, the old one is fine."));

    [Theory]
    [InlineData("Il giorno lun 16 nov 2026 alle ore 17:00 Carla Bianchi <carla@fabrikam.it> ha scritto:")]
    [InlineData("Am 16.11.2026 um 17:00 schrieb Dieter Vogel <dieter@fabrikam.de>:")]
    [InlineData("Dieter Vogel <dieter@fabrikam.de> schrieb am Mo., 16. Nov. 2026, 17:00:")]
    [InlineData("Le lun. 16 nov. 2026 à 17:00, Paul Martin <paul@fabrikam.fr> a écrit :")]
    [InlineData("El lun, 16 nov 2026 a las 17:00, Elena Ruiz (<elena@fabrikam.es>) escribió:")]
    [InlineData("2026/11/16 Ana Silva <ana@fabrikam.com>")]
    public void Attributions_InFiveLanguages_StartTheHistory(string attribution) =>
        Assert.Equal("Done.", Plain("Done.", "", attribution, "", "Could you check the numbers?", "Regards"));

    [Theory]
    [InlineData("-----Original Message-----")]
    [InlineData("----- Original Message -----")]
    [InlineData("-----Ursprüngliche Nachricht-----")]
    [InlineData("-----Messaggio originale-----")]
    [InlineData("-----Message d'origine-----")]
    [InlineData("-----Mensaje original-----")]
    [InlineData("---------- Forwarded message ---------")]
    [InlineData("Begin forwarded message:")]
    public void OutlookSeparators_CutEverythingAfter(string separator) =>
        Assert.Equal("Noted.", Plain("Noted.", "", separator, "From: Ana", "Subject: Figures", "", "Can you send them?"));

    [Theory]
    [InlineData("From: Ana Silva", "Sent: Monday, November 16, 2026 9:00 AM")]
    [InlineData("De : Paul Martin", "Envoyé : lundi 16 novembre 2026 09:00")]
    [InlineData("Da: Carla Bianchi", "Inviato: lunedì 16 novembre 2026 09:00")]
    [InlineData("Von: Dieter Vogel", "Gesendet: Montag, 16. November 2026 09:00")]
    [InlineData("De: Elena Ruiz", "Enviado el: lunes, 16 de noviembre de 2026 9:00")]
    [InlineData("*From:* Ana Silva", "*Sent:* Monday")]
    public void HeaderBlocks_CutEverythingAfter(string from, string sent) =>
        Assert.Equal("Noted.", Plain("Noted.", "", "________________________________", from, sent, "To: Me", "", "Can you send them?"));

    [Fact]
    public void AppleMailAttribution_FollowedByUnquotedHistory_CutsIt() =>
        Assert.Equal("+1\n\nRegards,", Plain("+1", "", "Regards,", "Tommaso", "", "On 11/set/2013, at 14:16, Alex wrote:", "", "Please vote on the release."));

    [Fact]
    public void Signature_AfterDashDashLine_Goes() =>
        Assert.Equal("HTH.", Plain("HTH.", "-- ", "Chris", "Please consider the environment before printing."));

    [Fact]
    public void Closer_KeepsItself_DropsTheNameAndContactBlock() =>
        Assert.Equal("Thanks for the update.\n\nBest regards,", Plain(
            "Thanks for the update.", "", "Best regards,", "Ana Silva", "Head of Sales, Fabrikam", "Tel: +39 333 123 4567", "www.fabrikam.com"));

    [Fact]
    public void Closer_DoesNotSwallowAPostscriptThatAsks() =>
        Assert.Contains("send the deck", Plain("See you then.", "", "Cheers,", "Bob", "", "PS please send the deck before the call"), StringComparison.Ordinal);

    [Theory]
    [InlineData("Sent from my iPhone")]
    [InlineData("Inviato da iPhone")]
    [InlineData("Von meinem iPhone gesendet")]
    [InlineData("Envoyé de mon iPhone")]
    [InlineData("Enviado desde mi iPhone")]
    [InlineData("Get Outlook for Android")]
    public void PhoneLines_Go(string line) => Assert.Equal("OK!", Plain("OK!", "", line));

    [Fact]
    public void ListFooter_AndItsRule_Go() =>
        Assert.Equal("Applied, thanks.", Plain(
            "Applied, thanks.", "", "---------------------------------------------------------------------",
            "To unsubscribe, e-mail: dev-unsubscribe@widget.apache.org", "For additional commands, e-mail: dev-help@widget.apache.org"));

    [Fact]
    public void Disclaimer_Goes() =>
        Assert.Equal("The build is green again.", Plain(
            "The build is green again.", "",
            "The information in this message is confidential and may be legally privileged. If you are not the intended",
            "recipient, please contact the sender and delete this message."));

    [Fact]
    public void GmailWrappedQuote_TheUnquotedFirstPieceGoesWithIt() =>
        Assert.Equal("No, it won't get simpler.", Plain(
            "Does it all get simpler if skippability is on by default but the",
            "> option is not enabled?",
            ">",
            "",
            "No, it won't get simpler."));

    [Fact]
    public void Html_TagsEntitiesAndBlocks_BecomeLines() =>
        Assert.Equal("Hi Ana,\n\nCould you check the figures & dates?\n\nThanks", NewText.Extract(
            "<html><head><style>p{margin:0}</style></head><body><p>Hi Ana,</p><p>&nbsp;</p><p>Could you check the <b>figures</b> &amp; dates?</p>" +
            "<div><br></div><div>Thanks</div><script>alert('?')</script></body></html>", isHtml: true));

    [Fact]
    public void Html_BlockquotesGmailQuotesAndOutlookReplyHeaders_Go()
    {
        var html = "<div>Agreed.</div><div class=\"gmail_quote\"><div>On Mon, Ana wrote:</div><blockquote>Can we ship?</blockquote></div>" +
            "<blockquote type=\"cite\">Is it ready?</blockquote><div id=\"divRplyFwdMsg\"><b>From:</b> Ana</div><div>Will you sign?</div>";

        Assert.Equal("Agreed.", NewText.Extract(html, isHtml: true));
    }

    [Fact]
    public void NothingButQuotes_LeavesNoText() =>
        Assert.Equal("", Plain("> Could you send it?", "> Ana"));
}
