using OutlookFollowUp.Mail.Mime;

namespace OutlookFollowUp.Tests.Mail.Mime;

public sealed class FolderReadingTests : IDisposable
{
    private readonly TempMail temp = new();

    public void Dispose() => temp.Dispose();

    private string[] Ids() => [.. MimeMailSource.Read(temp.Root, CancellationToken.None).Messages.Select(m => m.Id)];

    [Fact]
    public void Mbox_IsReadInFileOrder()
    {
        var path = temp.Write("box.mbox", Mbox.Of(Eml.Message("<3@x>"), Eml.Message("<1@x>"), Eml.Message("<2@x>")));

        Assert.Equal(["<3@x>", "<1@x>", "<2@x>"], MimeMailSource.Read(path, CancellationToken.None).Messages.Select(m => m.Id));
    }

    [Fact]
    public void Folder_IsReadRecursivelyInOrdinalPathOrder()
    {
        temp.Write("b/1.eml", Eml.Message("<b1@x>").ToString());
        temp.Write("a.eml", Eml.Message("<a@x>").ToString());
        temp.Write("B.eml", Eml.Message("<B@x>").ToString());
        temp.Write("a/z.eml", Eml.Message("<az@x>").ToString());

        // Ordinal: upper case before lower, and "a.eml" before "a/z.eml" ('.' sorts before '/').
        Assert.Equal(["<B@x>", "<a@x>", "<az@x>", "<b1@x>"], Ids());
    }

    [Fact]
    public void Maildir_ExtensionlessAndInfoSuffixedFiles_AreRead()
    {
        temp.Write("inbox/cur/1529425589.M615261P21663.host:2,S", Eml.Message("<cur@x>").ToString());
        temp.Write("inbox/new/1529425590.M1P2.host", Eml.Message("<new@x>").ToString());
        temp.Write("loose/child", Eml.Message("<child@x>").ToString());
        temp.Write("loose/notes.txt:2,S", Eml.Message("<suffixed@x>").ToString());

        Assert.Equal(["<cur@x>", "<new@x>", "<child@x>", "<suffixed@x>"], Ids());
    }

    [Fact]
    public void MaildirPlusPlus_DotFoldersWithCurAndNew_AreRead()
    {
        temp.Write("Maildir/cur/1.host:2,S", Eml.Message("<inbox@x>").ToString());
        temp.Write("Maildir/.Sent/cur/2.host:2,S", Eml.Message("<sent@x>").ToString());
        temp.Write("Maildir/.Drafts/new/3.host", Eml.Message("<draft@x>").ToString());
        temp.Write("Maildir/.Sent/tmp/4.host", Eml.Message("<half@x>").ToString());
        temp.Write("Maildir/.Sent/.hidden", Eml.Message("<hidden@x>").ToString());

        Assert.Equal(["<draft@x>", "<sent@x>", "<inbox@x>"], Ids());
    }

    [Fact]
    public void Folder_SkipsOtherExtensionsHiddenFilesAndMaildirTmp()
    {
        temp.Write("keep.eml", Eml.Message("<keep@x>").ToString());
        temp.Write("notes.txt", Eml.Message("<txt@x>").ToString());
        temp.Write(".hidden.eml", Eml.Message("<hidden@x>").ToString());
        temp.Write(".notmuch/xapian", Eml.Message("<index@x>").ToString());
        temp.Write("inbox/tmp/1.host", Eml.Message("<tmp@x>").ToString());

        Assert.Equal(["<keep@x>"], Ids());
    }

    [Fact]
    public void Folder_MboxFilesInside_AreReadAsMailboxes()
    {
        temp.Write("lists/dev.mbox", Mbox.Of(Eml.Message("<m1@x>"), Eml.Message("<m2@x>")));
        temp.Write("one.eml", Eml.Message("<e@x>").ToString());

        Assert.Equal(["<m1@x>", "<m2@x>", "<e@x>"], Ids());
    }

    [Fact]
    public void Folder_WithUnreadableAndNonMailFiles_CountsThemAndKeepsTheRest()
    {
        temp.Write("1.eml", Eml.Message("<good@x>").ToString());
        temp.WriteBytes("2.eml", [0xFF, 0x00, 0xFE, 0x0A, 0x0A, 0x01]);
        temp.Write("3.eml", "");
        temp.Write("LICENSE", "\n   Apache License\n   Version 2.0\n");
        temp.Write("photo.jpg", "not read at all");
        File.CreateSymbolicLink(Path.Combine(temp.Root, "4.eml"), Path.Combine(temp.Root, "gone.eml"));

        var result = MimeMailSource.Read(temp.Root, CancellationToken.None);

        Assert.Equal((1, 3), (result.Messages.Count, result.Unreadable));
    }

    [Fact]
    public void ReadEach_CountsAreFinalOnceEnumerated()
    {
        temp.Write("a.mbox", Mbox.Of(Eml.Message("<1@x>"), Eml.Message("<2@x>")));
        temp.WriteBytes("b.eml", [0x00, 0x01, 0x02]);
        var counts = new MimeReadCounts();

        var read = MimeMailSource.ReadEach(temp.Root, counts, CancellationToken.None).Count();

        Assert.Equal((2, 2, 1), (read, counts.Messages, counts.Unreadable));
    }
}
