using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using OutlookFollowUp.Digest;
using OutlookFollowUp.GraphSimulator;
using OutlookFollowUp.Local;
using OutlookFollowUp.Mail.Graph;
using OutlookFollowUp.MailIndex;
using OutlookFollowUp.Reminders;
using OutlookFollowUp.Settings;
using OutlookFollowUp.Storage;

namespace OutlookFollowUp.Bench;

/// <summary>
/// Graph requests the morning digest costs per user per day: a week (Monday 00:00 UTC to the next) of digest rounds
/// every 10 minutes for 100 opted-in users, each with a due reminder all week, on SQLite, against the in-process
/// Graph-compatible server through the app's Graph pipeline; one instance, then two running each round side by side.
/// Counted: GET mailboxSettings (the working hours), the $batch of webLink reads, POST sendMail and all requests. Run: dotnet run -c Release --project bench -- digest-figures
/// </summary>
internal static class DigestFigures
{
    private const int Users = 100;
    private const int Days = 7;
    private static readonly TimeSpan Round = TimeSpan.FromMinutes(10);

    public static async Task RunAsync(TextWriter output)
    {
        output.WriteLine("| working hours | instances | users | rounds | mailboxSettings | webLink $batch | sendMail | all requests | reads per user per day | mails per user per week | ms per round |");
        output.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var instances in new[] { 1, 2 })
        {
            await RunAsync(output, "Tue–Sat 10:00–18:00, New York", new InMemoryWorkingHours(
                [DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday],
                new TimeOnly(10, 0), new TimeOnly(18, 0), "America/New_York"), instances);
            await RunAsync(output, "none set (Mon–Fri 09:00–17:00)", null, instances);
        }
    }

    private static async Task RunAsync(TextWriter output, string label, InMemoryWorkingHours? hours, int instances)
    {
        await using var database = await BenchDatabase.CreateAsync(StorageProvider.Sqlite);
        var start = new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero); // a Monday
        var time = new ManualClock(start);
        var mailbox = new InMemoryMailbox("me@contoso.com") { WorkingHours = hours };
        using var counting = new CountingGraphHandler(new InMemoryGraphHandler(mailbox));
        await using var graph = BenchGraph.Services(counting);
        var mailboxes = new LocalMailboxes(graph.GetRequiredService<GraphClientFactory>());
        await SeedAsync(database, start);

        var rounds = 0;
        var clock = Stopwatch.StartNew();
        for (var at = start; at < start.AddDays(Days); at += Round, rounds++)
        {
            time.Now = at;
            await Task.WhenAll(Enumerable.Range(0, instances).Select(_ => Task.Run(async () =>
            {
                await using var context = database.CreateContext();
                var index = new ThreadIndex(context);
                var service = new DigestService(context, mailboxes, index, new ReminderStore(context, index, time), new SettingsStore(context, time),
                    new DigestHours(context, time, NullLogger<DigestHours>.Instance), time, NullLogger<DigestService>.Instance);
                await service.RunOnceAsync(CancellationToken.None);
            })));
        }

        var perRound = clock.Elapsed.TotalMilliseconds / rounds;
        output.WriteLine(FormattableString.Invariant(
            $"| {label} | {instances} | {Users} | {rounds:N0} | {counting.Count("mailboxSettings"):N0} | {counting.Count("$batch"):N0} | {counting.Count("sendMail"):N0} | {counting.Total:N0} | {counting.Count("mailboxSettings") / (double)(Users * Days):F2} | {counting.Count("sendMail") / (double)Users:F2} | {perRound:F1} |"));
    }

    /// <summary>Users opted in, half with a time zone in their settings (Europe/Rome), half without (the mailbox's, UTC); one due reminder each.</summary>
    private static async Task SeedAsync(BenchDatabase database, DateTimeOffset now)
    {
        await using var context = database.CreateContext();
        var index = new ThreadIndex(context);
        for (var u = 0; u < Users; u++)
        {
            var user = $"tenant:user-{u}";
            await index.SetMailboxAsync(user, ["me@contoso.com"], "UTC", CancellationToken.None);
            context.Set<UserSettingsRow>().Add(new UserSettingsRow
            {
                UserKey = user, WindowHours = 48, LookbackDays = 14, SetOutlookFlags = true, Digest = true, TimeZone = u % 2 == 0 ? "Europe/Rome" : null,
            });
            context.Set<ReminderRow>().Add(new ReminderRow
            {
                UserKey = user, Id = $"{u:D8}".PadLeft(32, '0'), MessageId = $"AAMk-{u}=", Subject = $"Quote {u}",
                CreatedAt = now.AddDays(-3), RemindAt = now.AddDays(-1), DueAt = now.AddDays(-1),
            });
        }

        await context.SaveChangesAsync();
    }
}
