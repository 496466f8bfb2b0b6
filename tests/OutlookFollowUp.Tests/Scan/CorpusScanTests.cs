using OutlookFollowUp.FollowUps;
using OutlookFollowUp.Mail.Mime;
using OutlookFollowUp.Scan;
using OutlookFollowUp.Tests.Support;
using Xunit.Abstractions;

namespace OutlookFollowUp.Tests.Scan;

/// <summary>
/// The rules on real mail from ../shared/corpus. The pinned results were checked by hand (headers read in the mbox)
/// and against an independent implementation of DESIGN.md's rules; see docs/corpus-checks.md.
/// </summary>
public sealed class CorpusScanTests(ITestOutputHelper output)
{
    [SharedTheory]
    [InlineData("hadoop-common-dev-201202.mbox", 180)]
    [InlineData("jackrabbit-dev-201201.mbox", 81)]
    [InlineData("jackrabbit-dev-201309.mbox", 49)]
    [InlineData("sling-dev-201203.mbox", 56)]
    public void ApacheMonths_RebuildIntoThreads(string mbox, int threads) =>
        Assert.Equal(threads, ThreadBuilder.Build(Read("apache-mbox", mbox)).Threads.Count);

    [SharedFact]
    public void ApacheFolder_Has366Threads() =>
        Assert.Equal(366, ThreadBuilder.Build(MimeMailSource.Read(SharedFolder.Path("corpus", "apache-mbox"), default).Messages).Threads.Count);

    [SharedFact]
    public void Sling_CarstenZiegeler_ThreeListThreadsWaitOnTheList()
    {
        var report = Scan("sling-dev-201203.mbox", "2012-03-20T12:00:00Z", 48, "cziegeler@apache.org");

        Assert.Equal(
            [
                ("theirs", "<CAKkCf4rdy86Qgv0donb+9a4NwyUZr4fKQ=YVJAisb86-dPumPw@mail.gmail.com>", "Re: Sling Event - Ordered Queue deleting"),
                ("theirs", "<CAKkCf4rTOLg=W-h94o5NhLOVMuUO_CS-_daG_1uP7vsugA=fyA@mail.gmail.com>", "Re: Board Report March"),
                ("theirs", "<CAKkCf4ofxMqfEFJNUctaDsJfAvYDHjdz7CuH4K1Rm_oHVVVeJg@mail.gmail.com>", "Re: How to handle tests requiring Java 6?"),
            ],
            report.Threads.Select(t => (t.Direction, t.InternetMessageId!, t.Subject)));
    }

    [SharedFact]
    public void Jackrabbit_JukkaZitting_BulkBuildMailCountsBecauseHeWroteInThatThread()
    {
        var report = Scan("jackrabbit-dev-201201.mbox", "2012-01-31T12:00:00Z", 24, "jukka.zitting@gmail.com");

        Assert.Equal(
            [
                ("mine", "<241726763.741326986242991.JavaMail.hudson@aegis>"),
                ("theirs", "<CAOFYJNaw_ayuQU6qYMisX=s3qQ7ffNXgZ2_oqEUDxwxoMo-WBA@mail.gmail.com>"),
                ("theirs", "<CAOFYJNaMtPRGusEW=SVDwAR41bp1NqxwwUv+FhHLBPBfmmnvYw@mail.gmail.com>"),
            ],
            report.Threads.Select(t => (t.Direction, t.InternetMessageId!)));
        Assert.Equal(["jenkins@builds.apache.org"], report.Threads[0].Counterparts);
    }

    [SharedFact]
    public void Sling_TwoPeopleAsOneMe_OutlookThreadsIncluded()
    {
        var report = Scan("sling-dev-201203.mbox", "2012-03-30T12:00:00Z", 24, "jey@adobe.com", "justin@justinedelson.com");

        Assert.Equal(
            [
                "<32E5AE8565CC6142BA0AAFA5A95697E04607CD5D9E@eurmbx01.eur.adobe.com>",
                "<32E5AE8565CC6142BA0AAFA5A95697E04607CD5F38@eurmbx01.eur.adobe.com>",
                "<CAOAO1SjWhEkbtx+oe4gO+Zs0tLUZAccT9O+Gid6tM7+PgJJ1jA@mail.gmail.com>",
            ],
            report.Threads.Select(t => t.InternetMessageId!).Order(StringComparer.Ordinal));
    }

    [SharedTheory]
    [InlineData("2013-09-10T12:00:00Z", 1)]
    [InlineData("2013-09-20T12:00:00Z", 0)]
    [InlineData("2013-09-30T12:00:00Z", 2)]
    public void Jackrabbit_MarcelReutegger_ResultsMoveWithNow(string now, int waiting) =>
        Assert.Equal(waiting, Scan("jackrabbit-dev-201309.mbox", now, 24, "tripod@apache.org").Threads.Count);

    [SharedTheory]
    [InlineData("rfc3834-01.eml")]
    [InlineData("rfc3834-02.eml")]
    [InlineData("rfc3834-03.eml")]
    [InlineData("rfc3834-04.eml")]
    [InlineData("rfc3834-05.eml")]
    [InlineData("rfc3834-06.eml")]
    public void Sisimai_Rfc3834AutoReplies_AreAutomated(string file) =>
        Assert.True(AutomatedMail.IsAutomated(Assert.Single(Read("sisimai", "bsd", file))));

    [SharedFact]
    public void Sisimai_Bounces_AtLeast95PercentAutomated()
    {
        var bounces = Directory.GetFiles(SharedFolder.Path("corpus", "sisimai", "bsd"))
            .Where(f => !Path.GetFileName(f).StartsWith("rfc3834", StringComparison.Ordinal))
            .SelectMany(f => MimeMailSource.Read(f, default).Messages)
            .ToList();
        var misses = bounces.Where(m => !AutomatedMail.IsAutomated(m)).ToList();
        var share = 1.0 - (double)misses.Count / bounces.Count;

        output.WriteLine($"sisimai bounces classified automated: {bounces.Count - misses.Count}/{bounces.Count} = {share:P1}");
        misses.ForEach(m => output.WriteLine($"  not automated: {m.From} | {m.Subject} | {m.Facts.ContentType}"));
        Assert.InRange(share, 0.95, 1.0);
    }

    [SharedFact]
    public void Notmuch_GhostRoot_BuildsTwoThreads()
    {
        var threads = ThreadBuilder.Build(Read("notmuch", "threading", "ghost-root")).Threads;

        Assert.Equal([3, 6], threads.Select(t => t.Messages.Count).Order());
    }

    [SharedFact]
    public void Notmuch_ParentPriority_BuildsOneThread() =>
        Assert.Equal(3, Assert.Single(ThreadBuilder.Build(Read("notmuch", "threading", "parent-priority")).Threads).Messages.Count);

    [SharedFact]
    public void Notmuch_Duplicates_CountOnce() =>
        Assert.Equal(3, ThreadBuilder.Build(Read("notmuch", "duplicate")).Threads.Sum(t => t.Messages.Count));

    private static IReadOnlyList<MailRecord> Read(params string[] parts) =>
        MimeMailSource.Read(SharedFolder.Path(["corpus", .. parts]), default).Messages;

    private static ScanReport Scan(string mbox, string now, int window, params string[] me) =>
        ScanCommand.Run(
            new ScanRequest { Path = SharedFolder.Path("corpus", "apache-mbox", mbox), Me = me, WindowHours = window },
            DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture),
            default);
}
