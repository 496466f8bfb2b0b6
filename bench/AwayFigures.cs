using Microsoft.Extensions.DependencyInjection;
using OutlookFollowUp.FollowUps;
using OutlookFollowUp.GraphSimulator;
using OutlookFollowUp.Local;
using OutlookFollowUp.Mail;
using OutlookFollowUp.Mail.Graph;
using OutlookFollowUp.MailIndex;
using OutlookFollowUp.Reminders;
using OutlookFollowUp.Storage;

namespace OutlookFollowUp.Bench;

/// <summary>
/// Graph requests the MailTips check (recipients who are away) adds to the due sweep, per 1,000 due reminders: one
/// sweep by one instance, SQLite, against the in-process Graph-compatible server through the app's Graph pipeline,
/// with a cold cache. 1,000 reminders of one tenant, each to its own counterpart (1,000 distinct addresses), spread over
/// 1, 100 or 1,000 mailboxes; every tracked message is in the index, as a synced mailbox has it. Counted: POST
/// getMailTips (the round per tenant before the mailboxes, and any per mailbox after) and GET mailboxSettings (working
/// hours, read per user only when one of the user's reminders is held, at most once a day: the store the morning digest
/// shares), beside every request of the sweep. A tenth of the counterparts are away with a scheduled end.
/// Run: dotnet run -c Release --project bench -- away-figures
/// </summary>
internal static class AwayFigures
{
    private const int Reminders = 1_000;

    public static async Task RunAsync(TextWriter output)
    {
        output.WriteLine("| 1,000 due reminders in | getMailTips | mailboxSettings | MailTips check per 1,000 | all sweep requests | MailTips share | held | due |");
        output.WriteLine("|---|---|---|---|---|---|---|---|");
        await RunAsync(output, mailboxes: 1, hoursReadToday: false);
        await RunAsync(output, mailboxes: 100, hoursReadToday: false);
        await RunAsync(output, mailboxes: 1_000, hoursReadToday: false);
        await RunAsync(output, mailboxes: 100, hoursReadToday: true);
        await RunAsync(output, mailboxes: 1_000, hoursReadToday: true);
    }

    /// <param name="hoursReadToday">
    /// The users' working hours were already read today (by their morning digest or an earlier hold, on any instance):
    /// the shared store has them.
    /// </param>
    private static async Task RunAsync(TextWriter output, int mailboxes, bool hoursReadToday)
    {
        await using var database = await BenchDatabase.CreateAsync(StorageProvider.Sqlite);
        var time = new ManualClock(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        var mailbox = new InMemoryMailbox("me@contoso.com");
        using var counting = new CountingGraphHandler(new InMemoryGraphHandler(mailbox));
        await using var graph = BenchGraph.Services(counting);
        var reader = new LocalMailboxes(graph.GetRequiredService<GraphClientFactory>());
        await SeedAsync(database, mailbox, time.GetUtcNow(), mailboxes);
        time.Now = time.Now.AddHours(2);
        if (hoursReadToday)
        {
            await using var seed = database.CreateContext();
            seed.Set<OutlookFollowUp.Digest.DigestStateRow>().AddRange(Enumerable.Range(0, mailboxes).Select(m => new OutlookFollowUp.Digest.DigestStateRow
            {
                UserKey = $"tenant:user-{m}",
                WorkingHours = """{"Days":[1,2,3,4,5],"Start":"09:00","End":"17:00","Zone":"UTC"}""",
                WorkingHoursUntil = time.Now.AddHours(20),
            }));
            await seed.SaveChangesAsync();
        }

        var sweep = BenchSweep.Create(database, reader, time, new BackgroundOptions(), BenchSweep.AwayCache(database, time));
        var counts = await sweep.RunOnceAsync(CancellationToken.None);
        var held = counts.Claimed - counts.Due - counts.Resolved - counts.Retried;
        if (counts.Claimed != Reminders || counts.Retried != 0)
        {
            throw new InvalidOperationException($"The sweep claimed {counts.Claimed} and retried {counts.Retried} of {Reminders} reminders.");
        }

        var added = counting.Count("getMailTips") + counting.Count("mailboxSettings");
        output.WriteLine(FormattableString.Invariant(
            $"| {mailboxes:N0} mailbox{(mailboxes == 1 ? "" : "es")}{(hoursReadToday ? ", working hours read today" : "")} | {counting.Count("getMailTips"):N0} | {counting.Count("mailboxSettings"):N0} | {added * 1_000.0 / Reminders:F0} | {counting.Total:N0} | {100.0 * added / counting.Total:F0}% | {held:N0} | {counts.Due:N0} |"));
    }

    private static async Task SeedAsync(BenchDatabase database, InMemoryMailbox mailbox, DateTimeOffset now, int mailboxes)
    {
        await using var context = database.CreateContext();
        var index = new ThreadIndex(context);
        var perMailbox = Reminders / mailboxes;
        for (var m = 0; m < mailboxes; m++)
        {
            var user = $"tenant:user-{m}";
            await index.SetMailboxAsync(user, ["me@contoso.com"], "UTC", CancellationToken.None);
            var sent = new List<MailRecord>();
            for (var r = 0; r < perMailbox; r++)
            {
                var id = $"AAMk-{m}-{r}=";
                var to = $"buyer{m}-{r}@fabrikam.com";
                if ((m * perMailbox + r) % 10 == 0)
                {
                    mailbox.SetAutomaticReply(to, "Out of office", null, now.AddDays(2));
                }

                mailbox.Put("sentitems", new InMemoryMessage
                {
                    Id = id,
                    InternetMessageId = $"<{m}-{r}@bench>",
                    ConversationId = $"conv-{m}-{r}",
                    Subject = $"Quote {m}-{r}",
                    From = new InMemoryAddress("me@contoso.com"),
                    To = [new InMemoryAddress(to)],
                    ReceivedDateTime = now.AddDays(-2),
                    SentDateTime = now.AddDays(-2),
                    ExtendedProperties = new Dictionary<string, string> { ["String 0x001A"] = "IPM.Note" },
                });
                sent.Add(new MailRecord
                {
                    Id = id, InternetMessageId = $"<{m}-{r}@bench>", ConversationId = $"conv-{m}-{r}", Subject = $"Quote {m}-{r}",
                    From = "me@contoso.com", To = [new MailAddress(to)], Date = now.AddDays(-2),
                });
                context.Set<ReminderRow>().Add(new ReminderRow
                {
                    UserKey = user,
                    Id = $"{m:D4}{r:D4}".PadLeft(32, '0'),
                    MessageId = id,
                    InternetMessageId = $"<{m}-{r}@bench>",
                    ThreadKey = $"conv-{m}-{r}",
                    Subject = $"Quote {m}-{r}",
                    CreatedAt = now.AddDays(-2),
                    RemindAt = now.AddHours(1),
                    SweepAt = now.AddHours(1),
                });
            }

            await index.ApplyDeltaAsync(user, "sentitems", sent, [], deltaLink: null, now, CancellationToken.None);
        }

        await context.SaveChangesAsync();
    }
}
