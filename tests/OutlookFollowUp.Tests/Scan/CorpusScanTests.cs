using OutlookFollowUp.FollowUps;
using OutlookFollowUp.Mail.Mime;
using OutlookFollowUp.Scan;
using Xunit.Abstractions;

namespace OutlookFollowUp.Tests.Scan;

/// <summary>
/// The rules on real mail from ../shared/corpus. The pinned results were checked by hand (headers read in the mbox)
/// and against an independent implementation of the rules (docs/detection-rules.md); see docs/corpus-checks.md.
/// They pin rules 1–8, so the scans run in all-unanswered mode (rule 9 off), the exact contract.
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
    public void Jackrabbit_JukkaZitting_JenkinsFixedMailToHimNeitherAnswersNorWaitsOnHim()
    {
        // Build #1821 went unstable, Jukka answered on the list, then Jenkins mailed "Build # 1822 - Fixed" To him and
        // the list, in reply to its own earlier mail (rule 3a): his answer still waits, the build mail is not his to answer.
        var report = Scan("jackrabbit-dev-201201.mbox", "2012-01-31T12:00:00Z", 24, "jukka.zitting@gmail.com");

        Assert.Equal(
            [
                ("theirs", "<CAOFYJNZHgyO=yg5god8hgOji2b9=OK2y=Hj8OwXNimbXDZtdzA@mail.gmail.com>"),
                ("theirs", "<CAOFYJNaw_ayuQU6qYMisX=s3qQ7ffNXgZ2_oqEUDxwxoMo-WBA@mail.gmail.com>"),
                ("theirs", "<CAOFYJNaMtPRGusEW=SVDwAR41bp1NqxwwUv+FhHLBPBfmmnvYw@mail.gmail.com>"),
                ("theirs", "<CAOFYJNaBfY=kopD8B4az0UtND=ToqEUrB6gOsjQtt_NZB5x4SA@mail.gmail.com>"),
            ],
            report.Threads.Select(t => (t.Direction, t.InternetMessageId!)));
        // He had also answered #1818 the day before, and only Jenkins posted in between: by the ladder's letter #1821's
        // answer is his 1st follow-up (docs/detection-rules.md, "Follow-ups already sent").
        Assert.EndsWith("no reply since. That was your 1st follow-up. 1 build or tracker update did not count as a reply.", report.Threads[0].Reason, StringComparison.Ordinal);
        Assert.Equal([1, 0, 0, 0], report.Threads.Select(t => t.Nudges));
        Assert.EndsWith("no reply since. 2 build or tracker updates did not count as replies.", report.Threads[3].Reason, StringComparison.Ordinal);
    }

    [SharedFact]
    public void Sling_CarstenZiegeler_BuildFailuresAfterHisAnswerDoNotCloseIt()
    {
        // Carsten answered "Build failed in Jenkins: sling-trunk-1.6 #1274"; Jenkins then posted #1275, #1276 and
        // "back to normal" #1277 into that thread. Before rule 3a the last of them closed his question.
        var report = Scan("sling-dev-201203.mbox", "2012-03-31T12:00:00Z", 48, "cziegeler@apache.org");

        var build = Assert.Single(report.Threads, t => t.Subject == "Re: Build failed in Jenkins: sling-trunk-1.6 #1274");
        Assert.Equal(("theirs", "<CAKkCf4oM=gTxaMv1gBkdndVf_vyGua8dC3GE86DSrO8ysSn+5Q@mail.gmail.com>"), (build.Direction, build.InternetMessageId!));
        Assert.EndsWith("3 build or tracker updates did not count as replies.", build.Reason, StringComparison.Ordinal);
    }

    [SharedFact]
    public void Apache_GeneratedUpdates_AreBuildAndTrackerMailOrFirstPostsOfNewThreads()
    {
        // By rule 3a's letter a person's unprefixed post that starts a list thread is set aside too; as the first message
        // of a bulk thread it could neither answer anything nor wait on anyone. One person (sysolve@gmail.com) also
        // followed up on someone else's post with a new subject and no prefix: read by hand, it is a new question.
        var set = ThreadBuilder.Build(MimeMailSource.Read(SharedFolder.Path("corpus", "apache-mbox"), default).Messages);
        var rules = new ThreadRules(new DetectionOptions { Me = ["jukka.zitting@gmail.com", "cziegeler@apache.org"], Now = DateTimeOffset.UnixEpoch }, set.Messages);

        var updates = set.Threads.SelectMany(t => t.Messages.Where(m => rules.Classify(m, t) == AutomatedKind.ListUpdate)).ToList();
        var bots = updates.Where(m => m.From is "jenkins@builds.apache.org" or "jira@apache.org").ToList();
        var people = updates.Except(bots).ToList();

        output.WriteLine($"{updates.Count} updates: {bots.Count} from Jenkins or JIRA, {people.Count} first posts by people");
        Assert.Contains(bots, m => m.From == "jenkins@builds.apache.org" && m.InReplyTo.Count > 0);
        Assert.Contains(bots, m => m.From == "jira@apache.org" && m.InReplyTo.Count > 0);
        Assert.Equal(["sysolve@gmail.com"], people.Where(m => m.InReplyTo.Count > 0).Select(m => m.From));
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
            new ScanRequest { Path = SharedFolder.Path("corpus", "apache-mbox", mbox), Me = me, WindowHours = window, AllUnanswered = true },
            DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture),
            default);
}
