using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OutlookFollowUp.Away;
using OutlookFollowUp.Background;
using OutlookFollowUp.Local;
using OutlookFollowUp.Mail.Graph;
using OutlookFollowUp.Mail.Sample;
using OutlookFollowUp.Reminders;
using OutlookFollowUp.Settings;
using OutlookFollowUp.Storage;
using OutlookFollowUp.Threads;

namespace OutlookFollowUp.Bench;

/// <summary>
/// Graph requests the MailTips check (recipients who are away) adds to the due sweep, per 1,000 due reminders: one
/// sweep by one instance, SQLite, against the in-process Graph-compatible server through the app's Graph pipeline,
/// with a cold cache. Counted: POST getMailTips and GET mailboxSettings (working hours, read only when a reminder is
/// held), beside every other request of the sweep. A tenth of the counterparts are away with a scheduled end.
/// Run: dotnet run -c Release --project bench -- away-figures
/// </summary>
internal static class AwayFigures
{
    private const int Reminders = 1_000;

    public static async Task RunAsync(TextWriter output)
    {
        output.WriteLine("| due reminders / mailboxes | distinct counterparts | getMailTips | mailboxSettings | added per 1,000 | held | due | all sweep requests |");
        output.WriteLine("|---|---|---|---|---|---|---|---|");
        await RunAsync(output, mailboxes: 1, counterpartsPerMailbox: 1_000);
        await RunAsync(output, mailboxes: 1, counterpartsPerMailbox: 100);
        await RunAsync(output, mailboxes: 10, counterpartsPerMailbox: 100);
        await RunAsync(output, mailboxes: 100, counterpartsPerMailbox: 10);
        await RunAsync(output, mailboxes: 1_000, counterpartsPerMailbox: 1);
    }

    private static async Task RunAsync(TextWriter output, int mailboxes, int counterpartsPerMailbox)
    {
        await using var database = await BenchDatabase.CreateAsync(StorageProvider.Sqlite);
        var time = new ManualClock(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        var mailbox = new InMemoryMailbox("me@contoso.com");
        using var counting = new CountingHandler(new InMemoryGraphHandler(mailbox));
        await using var graph = BenchGraph.Services(counting);
        var reader = new LocalMailboxes(graph.GetRequiredService<GraphClientFactory>());
        await SeedAsync(database, mailbox, time.GetUtcNow(), mailboxes, counterpartsPerMailbox);
        time.Now = time.Now.AddHours(2);

        await using var context = database.CreateContext();
        var sweep = new ReminderSweep(
            context, reader, new SettingsStore(context, time), new ThreadIndex(context), new NoSweepProbe(), new FlagPermissionNotices(),
            time, Options.Create(new BackgroundOptions()), NullLogger<ReminderSweep>.Instance,
            new AwayCheck(new AwayCache(time), time, NullLogger<AwayCheck>.Instance));
        var counts = await sweep.RunOnceAsync(CancellationToken.None);
        var held = counts.Claimed - counts.Due - counts.Resolved - counts.Retried;
        if (counts.Claimed != Reminders || counts.Retried != 0)
        {
            throw new InvalidOperationException($"The sweep claimed {counts.Claimed} and retried {counts.Retried} of {Reminders} reminders.");
        }

        var added = counting.MailTips + counting.Settings;
        output.WriteLine(FormattableString.Invariant(
            $"| {Reminders:N0} / {mailboxes:N0} | {mailboxes * counterpartsPerMailbox:N0} | {counting.MailTips:N0} | {counting.Settings:N0} | {added * 1_000.0 / Reminders:F0} | {held:N0} | {counts.Due:N0} | {counting.Total:N0} |"));
    }

    private static async Task SeedAsync(BenchDatabase database, InMemoryMailbox mailbox, DateTimeOffset now, int mailboxes, int counterparts)
    {
        await using var context = database.CreateContext();
        var index = new ThreadIndex(context);
        var perMailbox = Reminders / mailboxes;
        for (var m = 0; m < mailboxes; m++)
        {
            var user = $"tenant:user-{m}";
            await index.SetMailboxAsync(user, ["me@contoso.com"], "UTC", CancellationToken.None);
            for (var r = 0; r < perMailbox; r++)
            {
                var id = $"AAMk-{m}-{r}=";
                var to = $"buyer{m}-{r % counterparts}@fabrikam.com";
                if ((m * counterparts + r % counterparts) % 10 == 0)
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
        }

        await context.SaveChangesAsync();
    }

    /// <summary>HTTP requests as Graph would receive them (a $batch is one), the MailTips check's apart.</summary>
    private sealed class CountingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private int _total, _mailTips, _settings;

        public int Total => _total;

        public int MailTips => _mailTips;

        public int Settings => _settings;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _total);
            var path = request.RequestUri!.AbsolutePath;
            if (path.EndsWith("/getMailTips", StringComparison.OrdinalIgnoreCase))
            {
                Interlocked.Increment(ref _mailTips);
            }
            else if (path.EndsWith("/mailboxSettings", StringComparison.OrdinalIgnoreCase))
            {
                Interlocked.Increment(ref _settings);
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
