using OutlookFollowUp.Mail.Mime;

namespace OutlookFollowUp.Tests.Mail.Mime;

/// <summary>Real mail from ../shared/corpus; the figures were checked against the files (grep of "From " lines and headers).</summary>
public sealed class CorpusTests
{
    private static MimeReadResult Read(params string[] parts) =>
        MimeMailSource.Read(SharedFolder.Path(["corpus", .. parts]), CancellationToken.None);

    [SharedTheory]
    [InlineData("hadoop-common-dev-201202.mbox", 296, 16)]
    [InlineData("jackrabbit-dev-201201.mbox", 323, 30)]
    [InlineData("jackrabbit-dev-201309.mbox", 140, 4)]
    [InlineData("sling-dev-201203.mbox", 227, 10)]
    public void ApacheMbox_ReadsEveryMessageAndItsThreadIndex(string file, int messages, int withThreadIndex)
    {
        var result = Read("apache-mbox", file);

        Assert.Equal((messages, 0, withThreadIndex), (result.Messages.Count, result.Unreadable, result.Messages.Count(m => m.ThreadIndex is not null)));
    }

    [SharedFact]
    public void ApacheFolder_Holds986MessagesAndCountsLicenseAndNoticeAsUnreadable()
    {
        var result = Read("apache-mbox");

        Assert.Equal((986, 2), (result.Messages.Count, result.Unreadable));
    }

    [SharedFact]
    public void ApacheFolder_ThreadIndexOn60MessagesWith58DistinctRoots()
    {
        var indexed = Read("apache-mbox").Messages.Where(m => m.ThreadIndex is not null).ToList();

        Assert.Equal((60, 58), (indexed.Count, indexed.Select(m => Convert.ToBase64String(m.ThreadIndex!, 0, 22)).Distinct().Count()));
    }

    [SharedFact]
    public void ApacheFolder_HasThreeRepeatedMessageIdsAndEveryMessageDated()
    {
        var messages = Read("apache-mbox").Messages;

        Assert.Equal((983, 0), (messages.Select(m => m.Id).Distinct().Count(), messages.Count(m => m.Date is null)));
    }

    [SharedTheory]
    [InlineData("01", "auto-replied", false, "kijitora@example.net")]
    [InlineData("02", null, true, "nekonyaan@example.org")]
    [InlineData("03", null, false, "kijitora@apple.example.com")]
    [InlineData("04", null, true, "kijitora@example.org")]
    [InlineData("05", "auto-replied", false, "foo@bar.net")]
    [InlineData("06", "auto-replied", false, "noreply@example.com")]
    public void SisimaiAutoReply_IsReadWithItsAutomationFacts(string number, string? autoSubmitted, bool autoReplyHeader, string from)
    {
        var message = Assert.Single(Read("sisimai", "bsd", $"rfc3834-{number}.eml").Messages);

        Assert.Equal((autoSubmitted, autoReplyHeader, from), (message.Facts.AutoSubmitted, message.Facts.AutoReplyHeader, message.From));
    }

    [SharedFact]
    public void SisimaiAutoReply06_IsBulkMultipartAlternative()
    {
        var facts = Assert.Single(Read("sisimai", "bsd", "rfc3834-06.eml").Messages).Facts;

        Assert.Equal(("bulk", "multipart/alternative"), (facts.Precedence, facts.ContentType));
    }

    [SharedTheory]
    [InlineData("threading", 12, 0)] // 12 messages; threading/cur is an empty file
    [InlineData("broken", 4, 0)]
    [InlineData("duplicate", 9, 0)]
    [InlineData("lkml", 210, 0)]
    [InlineData("default", 53, 0)]
    [InlineData("", 321, 1)] // the whole tree: README is the one unreadable file
    public void NotmuchFolder_IsReadWithoutCrashing(string folder, int messages, int unreadable)
    {
        var result = Read("notmuch", folder);

        Assert.Equal((messages, unreadable), (result.Messages.Count, result.Unreadable));
    }

    [SharedFact]
    public void NotmuchDuplicateFolder_HoldsThreeDistinctMessageIds()
    {
        Assert.Equal(3, Read("notmuch", "duplicate").Messages.Select(m => m.Id).Distinct().Count());
    }

    [SharedFact]
    public void NotmuchBrokenCc_ReadsBothCcHeaders()
    {
        var message = Assert.Single(Read("notmuch", "broken", "broken-cc").Messages);

        Assert.Equal(["bob@example.org", "charles@example.org"], message.Cc.Select(a => a.Address));
    }

    [SharedFact]
    public void NotmuchDateWithoutYear_IsNull()
    {
        Assert.Null(Assert.Single(Read("notmuch", "attachment", "text-calendar.eml").Messages).Date);
    }
}
