using OutlookFollowUp.Mail.Mime;

namespace OutlookFollowUp.Tests.Mail.Mime;

public sealed class IdMappingTests
{
    [Fact]
    public void Id_WithMessageId_IsTheBracketedMessageId()
    {
        var record = OneMessage.Read(Eml.Message("<abc@example.org>"));

        Assert.Equal(("<abc@example.org>", "<abc@example.org>"), (record.Id, record.InternetMessageId));
    }

    [Fact]
    public void Id_WithoutMessageId_IsSyntheticAndInternetMessageIdIsNull()
    {
        var record = OneMessage.Read(Eml.Message().Without("Message-ID"));

        Assert.Equal(("<no-message-id-1@scan>", null), (record.Id, record.InternetMessageId));
    }

    [Fact]
    public void Id_SeveralMessagesWithoutMessageId_AreUnique()
    {
        using var temp = new TempMail();
        var mbox = Mbox.Of(Eml.Message().Without("Message-ID"), Eml.Message().Without("Message-ID"), Eml.Message("<x@y>"));

        var result = MimeMailSource.Read(temp.Write("a.mbox", mbox), CancellationToken.None);

        Assert.Equal(["<no-message-id-1@scan>", "<no-message-id-2@scan>", "<x@y>"], result.Messages.Select(m => m.Id));
    }

    [Fact]
    public void InReplyTo_HoldsEveryIdWithBrackets()
    {
        var record = OneMessage.Read(Eml.Message().Header("In-Reply-To", "<p1@example.org> <p2@example.org>"));

        Assert.Equal(["<p1@example.org>", "<p2@example.org>"], record.InReplyTo);
    }

    [Fact]
    public void References_FoldedOverLines_HoldsEveryIdInOrder()
    {
        var record = OneMessage.Read(Eml.Message().Header("References", "<r1@example.org>\n <r2@example.org>\n\t<r3@example.org>"));

        Assert.Equal(["<r1@example.org>", "<r2@example.org>", "<r3@example.org>"], record.References);
    }

    [Fact]
    public void InReplyTo_AndReferences_AreEmptyWhenAbsent()
    {
        var record = OneMessage.Read(Eml.Message());

        Assert.Equal((0, 0), (record.InReplyTo.Count, record.References.Count));
    }

    [Fact]
    public void ThreadIndex_ValidBase64_IsDecoded()
    {
        byte[] raw = [0x01, 0xCA, 0xFE, 0x00, 0x10, 0x20, 0x30, 0x40, 0x50, 0x60, 0x70, 0x80, 0x90, 0xA0, 0xB0, 0xC0, 0xD0, 0xE0, 0xF0, 0x11, 0x22, 0x33];

        var record = OneMessage.Read(Eml.Message().Header("Thread-Index", Convert.ToBase64String(raw)));

        Assert.Equal(raw, record.ThreadIndex);
    }

    [Fact]
    public void ThreadIndex_FoldedAcrossLines_IsDecoded()
    {
        var record = OneMessage.Read(Eml.Message().Header("Thread-Index", "AQHM\n 4Afz"));

        Assert.Equal(Convert.FromBase64String("AQHM4Afz"), record.ThreadIndex);
    }

    [Theory]
    [InlineData("not base64 at all!")]
    [InlineData("AQH")]
    [InlineData("")]
    public void ThreadIndex_Invalid_IsNull(string value)
    {
        var record = OneMessage.Read(Eml.Message().Header("Thread-Index", value));

        Assert.Null(record.ThreadIndex);
    }

    [Fact]
    public void ThreadIndex_Absent_IsNull()
    {
        Assert.Null(OneMessage.Read(Eml.Message()).ThreadIndex);
    }
}
