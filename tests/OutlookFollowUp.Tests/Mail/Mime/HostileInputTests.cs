using System.Text;
using OutlookFollowUp.Mail.Mime;

namespace OutlookFollowUp.Tests.Mail.Mime;

public sealed class HostileInputTests : IDisposable
{
    private readonly TempMail temp = new();

    public void Dispose() => temp.Dispose();

    private static (int Messages, int Unreadable) Counts(string path)
    {
        var result = MimeMailSource.Read(path, CancellationToken.None);
        return (result.Messages.Count, result.Unreadable);
    }

    private static byte[] Garbage(int length)
    {
        var bytes = new byte[length];
        new Random(42).NextBytes(bytes);
        return bytes;
    }

    [Fact]
    public void EmptyFile_IsAnEmptyMailbox()
    {
        Assert.Equal((0, 0), Counts(temp.Write("empty.mbox", "")));
    }

    [Fact]
    public void BinaryGarbage_IsOneUnreadableMessage()
    {
        Assert.Equal((0, 1), Counts(temp.WriteBytes("garbage.eml", Garbage(4096))));
    }

    [Fact]
    public void BinaryGarbageAfterAnMboxMarker_IsOneUnreadableMessage()
    {
        Assert.Equal((0, 1), Counts(temp.WriteBytes("garbage.mbox", [.. "From x  Tue Jan  2 09:30:00 2024\n"u8, .. Garbage(4096)])));
    }

    [Fact]
    public void PlainTextFile_IsUnreadable()
    {
        Assert.Equal((0, 1), Counts(temp.Write("README", "This directory contains email corpora.\n\nNothing else.\n")));
    }

    [Fact]
    public void TruncatedMbox_CutInTheLastBody_KeepsEveryMessage()
    {
        var mbox = Mbox.Of(Eml.Message("<a@x>"), Eml.Message("<b@x>"), Eml.Message("<c@x>"));

        Assert.Equal((3, 0), Counts(temp.Write("cut.mbox", mbox[..^4])));
    }

    [Fact]
    public void TruncatedMbox_CutInTheLastHeaders_KeepsThePartialMessage()
    {
        var mbox = Mbox.Of(Eml.Message("<a@x>"), Eml.Message("<b@x>"), Eml.Message("<c@x>"));
        var cut = mbox[..(mbox.IndexOf("<c@x>", StringComparison.Ordinal) - 30)];

        var result = MimeMailSource.Read(temp.Write("cut.mbox", cut), CancellationToken.None);

        Assert.Equal(["<a@x>", "<b@x>", "<no-message-id-3@scan>"], result.Messages.Select(m => m.Id));
    }

    [Fact]
    public void Mbox_WithAGarbageMessageInTheMiddle_ReadsTheMessagesAroundIt()
    {
        byte[] mbox = [.. Encoding.UTF8.GetBytes(Mbox.Of(Eml.Message("<a@x>"))), .. "From x  Tue Jan  2 09:30:00 2024\n"u8,
            .. Garbage(4096), .. Encoding.UTF8.GetBytes("\n" + Mbox.Of(Eml.Message("<z@x>")))];

        var result = MimeMailSource.Read(temp.WriteBytes("mixed.mbox", mbox), CancellationToken.None);

        Assert.Equal(("<a@x> <z@x>", 1), (string.Join(' ', result.Messages.Select(m => m.Id)), result.Unreadable));
    }

    [Fact]
    public void MessagesWithoutDateOrMessageId_AreStillReturned()
    {
        var mbox = Mbox.Of(Eml.Message().Without("Date"), Eml.Message().Without("Message-ID"), Eml.Message().Without("Date").Without("Message-ID"));

        Assert.Equal((3, 0), Counts(temp.Write("bare.mbox", mbox)));
    }

    [Fact]
    public void TenMegabyteHeaderLine_IsRead()
    {
        var message = Eml.Message("<long@x>").Header("X-Long", new string('a', 10_000_000));

        var result = MimeMailSource.Read(temp.Write("long.eml", message.ToString()), CancellationToken.None);

        Assert.Equal("<long@x>", Assert.Single(result.Messages).Id);
    }

    [Fact]
    public void DuplicateMessageIds_AreAllReturnedForTheEngineToCountOnce()
    {
        var mbox = Mbox.Of(Eml.Message("<same@x>"), Eml.Message("<same@x>").Without("Subject").Header("Subject", "second"));

        var result = MimeMailSource.Read(temp.Write("dup.mbox", mbox), CancellationToken.None);

        Assert.Equal(["Hi", "second"], result.Messages.Select(m => m.Subject));
    }

    [Fact]
    public void MissingPath_ThrowsFileNotFound()
    {
        Assert.Throws<FileNotFoundException>(() => MimeMailSource.Read(Path.Combine(temp.Root, "nope"), CancellationToken.None));
    }

    [Fact]
    public void CancelledToken_StopsReading()
    {
        var path = temp.Write("a.mbox", Mbox.Of(Eml.Message()));

        Assert.Throws<OperationCanceledException>(() => MimeMailSource.Read(path, new CancellationToken(canceled: true)));
    }
}
