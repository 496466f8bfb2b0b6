using MimeKit;
using OutlookFollowUp.FollowUps.Asks;
using OutlookFollowUp.Mail.Mime;

namespace OutlookFollowUp.Tests.Mail.Mime;

/// <summary>Rule 9 from MIME files: which part is read, how it is decoded, and the facts for the user's addresses.</summary>
public sealed class AskMappingTests : IDisposable
{
    private const string Me = "me@contoso.com";
    private readonly TempMail _temp = new();

    public void Dispose() => _temp.Dispose();

    private AskVerdict? Verdict(Eml message, params string[] me)
    {
        var result = MimeMailSource.Read(_temp.Write("m.eml", message.ToString()), me, CancellationToken.None);
        return Assert.Single(result.Messages).Asks;
    }

    private static Eml Multipart(string type, string parts) =>
        Eml.Message().Header("MIME-Version", "1.0").Header("Content-Type", $"{type}; boundary=\"b\"").Body(parts + "--b--\n");

    [Fact]
    public void PlainText_IsClassified() =>
        Assert.Equal(AskKind.Request, Verdict(Eml.Message().Body("Could you send me the figures?\n"))?.Kind);

    [Fact]
    public void PlainText_ThatAsksNothing_IsNone() =>
        Assert.Equal(AskKind.None, Verdict(Eml.Message().Body("Thanks, got it.\n\n> Could you send me the figures?\n"))?.Kind);

    [Fact]
    public void Alternative_PrefersThePlainPart() =>
        Assert.Equal(AskKind.None, Verdict(Multipart("multipart/alternative",
            "--b\nContent-Type: text/plain\n\nThanks!\n--b\nContent-Type: text/html\n\n<p>Could you send it?</p>\n"))?.Kind);

    [Fact]
    public void HtmlOnly_IsReadAsHtml() =>
        Assert.Equal(AskKind.Review, Verdict(Eml.Message().Header("Content-Type", "text/html; charset=utf-8")
            .Body("<p>Could you <b>review</b> the draft?</p><blockquote>Thanks!</blockquote>\n"))?.Kind);

    [Fact]
    public void QuotedPrintableLatin1_IsDecoded() =>
        Assert.Equal(AskKind.Request, Verdict(Eml.Message().Header("Content-Type", "text/plain; charset=iso-8859-1")
            .Header("Content-Transfer-Encoding", "quoted-printable").Body("Pourriez-vous m'envoyer le re=E7u ?\n"))?.Kind);

    [Fact]
    public void Base64_IsDecoded() =>
        Assert.Equal(AskKind.Update, Verdict(Eml.Message().Header("Content-Type", "text/plain; charset=utf-8")
            .Header("Content-Transfer-Encoding", "base64").Body(Convert.ToBase64String("Ci sono novità?\n"u8.ToArray()) + "\n"))?.Kind);

    [Fact]
    public void AttachmentOnly_IsUnreadable_AndCountsAsAsking()
    {
        var verdict = Verdict(Multipart("multipart/mixed",
            "--b\nContent-Type: application/pdf; name=\"scan.pdf\"\nContent-Disposition: attachment\n\nJVBERi0=\n"));

        Assert.Equal((AskKind.Unreadable, true), (verdict?.Kind, verdict?.Asks));
    }

    [Fact]
    public void TextAttachment_AndAttachedMessages_AreNotTheText()
    {
        var verdict = Verdict(Multipart("multipart/mixed",
            "--b\nContent-Type: text/plain\n\nNoted, thanks.\n" +
            "--b\nContent-Type: text/plain; name=\"todo.txt\"\nContent-Disposition: attachment\n\nCan you do this?\n" +
            "--b\nContent-Type: message/rfc822\n\nFrom: x@y\nSubject: old\n\nCould you sign?\n"));

        Assert.Equal(AskKind.None, verdict?.Kind);
    }

    [Fact]
    public void EncryptedMessage_IsUnreadable() =>
        Assert.Equal(AskKind.Unreadable, Verdict(Eml.Message().Header("Content-Type", "application/pkcs7-mime; smime-type=enveloped-data")
            .Header("Content-Transfer-Encoding", "base64").Body("MIAGCSqGSIb3DQEHA6CAMIACAQA=\n"))?.Kind);

    [Fact]
    public void QuestionToAnotherRecipient_DoesNotAskMe_WhenMeIsKnown()
    {
        var message = Eml.Message().Without("To").Header("To", "Me <me@contoso.com>").Header("Cc", "Bob Ross <bob@fabrikam.com>")
            .Body("Bob, can you check the invoice?\n");

        Assert.Equal((AskKind.Review, AskKind.None), (Verdict(message)?.Kind, Verdict(message, Me)?.Kind));
    }

    [Fact]
    public void ParsedMessage_IsClassifiedToo()
    {
        var message = new MimeMessage { Subject = "Plan", MessageId = "p1@example.org", Body = new TextPart("plain") { Text = "Shall we?" } };
        message.From.Add(new MailboxAddress("Ana", "ana@example.org"));
        message.To.Add(new MailboxAddress("", Me));

        Assert.Equal(AskKind.Proposal, MimeMailSource.ToRecord(message, 1, [Me])?.Asks?.Kind);
    }
}
