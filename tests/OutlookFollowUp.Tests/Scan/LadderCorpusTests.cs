using System.Globalization;
using System.Text.Json;
using OutlookFollowUp.FollowUps;
using OutlookFollowUp.Mail.Mime;
using OutlookFollowUp.Scan;
using Xunit.Abstractions;

namespace OutlookFollowUp.Tests.Scan;

/// <summary>
/// `scan`'s <c>nudges</c> on the real mail in ../shared/corpus: present on every thread as an integer, 0 when waiting
/// on the user, and for waiting on them equal to a recount from the thread's own messages (the user's messages in a row
/// at the end, by date, rules 3 and 3a skipped, minus the original), with the reason saying so exactly when it is not 0.
/// All-unanswered mode (rule 9 off): the ladder is counted on every quiet thread, whatever its last message asks.
/// </summary>
public sealed class LadderCorpusTests(ITestOutputHelper output)
{
    public static TheoryData<string, string, string> People => new()
    {
        { "apache-mbox", "2012-02-29T12:00:00Z", "jukka.zitting@gmail.com" },
        { "apache-mbox", "2012-02-29T12:00:00Z", "mduerig@apache.org" },
        { "apache-mbox", "2012-02-29T12:00:00Z", "stefan.guggisberg@gmail.com" },
        { "apache-mbox", "2012-03-31T12:00:00Z", "cziegeler@apache.org" },
        { "apache-mbox", "2012-03-31T12:00:00Z", "fmeschbe@adobe.com" },
        { "apache-mbox", "2013-09-30T12:00:00Z", "tripod@apache.org" },
        { "apache-mbox", "2013-09-30T12:00:00Z", "mduerig@apache.org" },
        { "notmuch", "2010-12-31T12:00:00Z", "joe@perches.com" },
        { "notmuch", "2010-07-31T12:00:00Z", "dhowells@redhat.com" },
    };

    [SharedTheory]
    [MemberData(nameof(People))]
    public void Nudges_ArePresentAndMatchARecount(string corpus, string now, string me)
    {
        var path = SharedFolder.Path("corpus", corpus);
        var request = new ScanRequest { Path = path, Me = [me], WindowHours = 24, LookbackDays = 120, AllUnanswered = true };
        var report = ScanCommand.Run(request, DateTimeOffset.Parse(now, CultureInfo.InvariantCulture), default);
        using var json = JsonDocument.Parse(ScanOutput.Json(report));
        var set = ThreadBuilder.Build(MimeMailSource.Read(path, default).Messages);
        var rules = new ThreadRules(request.ToOptions(DateTimeOffset.Parse(now, CultureInfo.InvariantCulture)), set.Messages);

        var threads = json.RootElement.GetProperty("threads").EnumerateArray().ToList();
        Assert.NotEmpty(threads);
        foreach (var thread in threads)
        {
            Assert.Equal(JsonValueKind.Number, thread.GetProperty("nudges").ValueKind);
            var nudges = thread.GetProperty("nudges").GetInt32();
            var expected = thread.GetProperty("direction").GetString() == "mine"
                ? 0
                : Recount(set.Threads.Single(t => t.Key == thread.GetProperty("threadKey").GetString()), rules, me);
            output.WriteLine($"{me} {thread.GetProperty("direction").GetString()} {nudges} {thread.GetProperty("subject").GetString()}");
            Assert.Equal(expected, nudges);
            Assert.Equal(nudges > 0, thread.GetProperty("reason").GetString()!.Contains(" follow-up.", StringComparison.Ordinal));
        }
    }

    [SharedFact]
    public void Jackrabbit_JukkaZitting_HisAnswersToTwoBuildMails_AreOneNudge()
    {
        // #1818 and #1821: Jenkins chains its build mails into one thread, and only Jenkins wrote between his two answers.
        var request = new ScanRequest
        {
            Path = SharedFolder.Path("corpus", "apache-mbox", "jackrabbit-dev-201201.mbox"), Me = ["jukka.zitting@gmail.com"], WindowHours = 24, AllUnanswered = true,
        };

        var report = ScanCommand.Run(request, new DateTimeOffset(2012, 1, 31, 12, 0, 0, TimeSpan.Zero), default);

        Assert.Equal(("Re: Jackrabbit-trunk - Build # 1821 - Unstable", 1), (report.Threads[0].Subject, Assert.Single(report.Threads, t => t.Nudges > 0).Nudges));
    }

    /// <summary>Independently of the engine's loop: counted messages by date (ties in read order), the trailing run from me.</summary>
    private static int Recount(MailThread thread, ThreadRules rules, string me)
    {
        var run = thread.Messages
            .Select((message, order) => (message, order))
            .Where(m => m.message.Date is not null && rules.Classify(m.message, thread) == AutomatedKind.None)
            .OrderBy(m => m.message.Date).ThenBy(m => m.order)
            .Reverse()
            .TakeWhile(m => string.Equals(m.message.From, me, StringComparison.OrdinalIgnoreCase))
            .Count();
        return Math.Max(0, run - 1);
    }
}
