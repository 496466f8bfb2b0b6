using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OutlookFollowUp.GraphSimulator;
using OutlookFollowUp.Local;
using OutlookFollowUp.Mail.Graph;
using OutlookFollowUp.MailIndex;
using OutlookFollowUp.Notifications;
using OutlookFollowUp.Reminders;

namespace OutlookFollowUp.Bench;

/// <summary>
/// One periodic round of background syncs at scale, as deployed (the API's Release build as one or more processes on
/// one database, the in-process Graph server with a latency per request in this process): every mailbox has an open
/// reminder and was last synced more than <c>Sync:BackgroundInterval</c> ago, so the instances' first look asks for a
/// sync of each, and their sync workers carry them out. Each mailbox is warm (its delta links stored, nothing new), as
/// in a steady day: a sync is one delta request per folder plus the index's work. Timed from the first request stored
/// to the last mailbox synced.
/// Run: dotnet run -c Release --project bench -- sync-round --mailboxes 10000 --latency-ms 100 [--instances 2]
/// </summary>
internal static class SyncRoundFigures
{
    public static async Task RunAsync(ScaleRun run, TextWriter output)
    {
        var (mailboxes, latency, instances, timeout) = (run.Mailboxes, run.LatencyMs, run.Instances, run.Timeout);
        var provider = DueSweepFigures.Provider(run.Database, instances);

        await using var database = await BenchDatabase.CreateAsync(provider);
        var mailbox = new InMemoryMailbox("me@contoso.com");
        var simulator = new InMemoryGraphHandler(mailbox);
        using var counting = new CountingGraphHandler(simulator);
        await using var server = await BenchGraphServer.StartAsync(counting);
        var now = TimeProvider.System.GetUtcNow();
        var seeding = Stopwatch.StartNew();
        await SeedAsync(database, mailbox, server.BaseAddress, now, mailboxes);
        output.WriteLine(FormattableString.Invariant($"seeded {mailboxes:N0} mailboxes on {provider} in {seeding.Elapsed.TotalSeconds:F0} s"));
        simulator.Latency = TimeSpan.FromMilliseconds(latency);

        var settings = new Dictionary<string, string>();
        if (run.Concurrency is { } concurrency)
        {
            settings["Sync__MailboxConcurrency"] = concurrency.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var running = new List<BenchInstance>();
        try
        {
            await using var connections = ConnectionPeak.Start(database.Options);
            var requestsBefore = counting.Total;
            var launched = TimeProvider.System.GetUtcNow();
            for (var i = 0; i < instances; i++)
            {
                running.Add(BenchInstance.Start(database.Options, server.BaseAddress, settings));
            }

            var sinceLaunch = Stopwatch.StartNew();
            while (await RequestedAsync(database) == 0 && await SyncedAsync(database, launched) == 0)
            {
                DueSweepFigures.Check(sinceLaunch.Elapsed < TimeSpan.FromSeconds(120), "no sync was asked for", running);
                await Task.Delay(20);
            }

            var clock = Stopwatch.StartNew();
            var cpuBefore = running.Select(r => r.CpuSeconds() ?? 0).ToList();
            var synced = 0;
            while ((synced = await SyncedAsync(database, launched)) < mailboxes)
            {
                DueSweepFigures.Check(clock.Elapsed < timeout, $"{synced:N0} of {mailboxes:N0} synced after {timeout}", running);
                await Task.Delay(250);
            }

            var wall = clock.Elapsed;
            var requests = counting.Total - requestsBefore;
            output.WriteLine("| database | instances | mailboxes | latency | wall time | Graph HTTP requests | per mailbox | product peak RSS per instance | product CPU per instance | PostgreSQL connections, peak (all instances) | this process (simulator, seeding) peak RSS |");
            output.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|");
            output.WriteLine(FormattableString.Invariant(
                $"| {provider} | {instances} | {mailboxes:N0} | {latency} ms | {wall.TotalSeconds:F1} s | {requests:N0} | {(double)requests / mailboxes:F2} | {DueSweepFigures.Peaks(running)} | {DueSweepFigures.Cpu(running, cpuBefore)} | {connections?.Peak.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "n/a"} | {BenchInstance.PeakMegabytes(Environment.ProcessId):F0} MB |"));
            output.WriteLine(FormattableString.Invariant(
                $"sync-round: mailboxes={mailboxes} latency_ms={latency} instances={instances} wall_s={wall.TotalSeconds:F1} graph_requests={requests}"));
        }
        finally
        {
            foreach (var instance in running)
            {
                await instance.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// The delta links of one cold sync through the product's own reader (so they are the links Graph would give the
    /// app), shared by every mailbox: each mailbox's index holds its one sent message (an hour old, with a reminder in a
    /// day) and both folders' links, last synced 16 minutes ago.
    /// </summary>
    private static async Task SeedAsync(BenchDatabase database, InMemoryMailbox mailbox, Uri graph, DateTimeOffset now, int mailboxes)
    {
        var sentAt = now.AddHours(-1);
        mailbox.Put("sentitems", new InMemoryMessage
        {
            Id = "AAMk-sent=", InternetMessageId = "<sent@bench>", ConversationId = "conv-sent", Subject = "Quote", From = new InMemoryAddress("me@contoso.com"),
            To = [new InMemoryAddress("buyer@fabrikam.com")], ReceivedDateTime = sentAt, SentDateTime = sentAt,
            ExtendedProperties = new Dictionary<string, string> { ["String 0x001A"] = "IPM.Note" },
        });
        await using var services = BenchGraph.Services(new SocketsHttpHandler(), graph);
        var delta = await new LocalMailboxes(services.GetRequiredService<GraphClientFactory>()).Reader("seed").SyncAsync(new Dictionary<string, string>(), 14, CancellationToken.None);
        var sent = delta.Folders["sentitems"].Upserts;
        var last = now.AddMinutes(-16);

        await Parallel.ForEachAsync(Enumerable.Range(0, mailboxes).Chunk(500), new ParallelOptions { MaxDegreeOfParallelism = database.Options.Provider == Storage.StorageProvider.Postgres ? 4 : 1 }, async (chunk, ct) =>
        {
            await using var indexContext = database.CreateContext(owned: true);
            await using var context = database.CreateContext(owned: true);
            var index = new ThreadIndex(indexContext);
            foreach (var m in chunk)
            {
                var user = $"tenant:user-{m}";
                await index.SetMailboxAsync(user, ["me@contoso.com"], "UTC", ct);
                await index.ApplyDeltaAsync(user, "sentitems", sent, [], delta.DeltaLinks["sentitems"], last, ct);
                await index.ApplyDeltaAsync(user, "inbox", [], [], delta.DeltaLinks["inbox"], last, ct);
                context.Set<ReminderRow>().Add(new ReminderRow
                {
                    UserKey = user, Id = $"{m:D8}".PadLeft(32, '0'), MessageId = "AAMk-sent=", InternetMessageId = "<sent@bench>", ThreadKey = "conv-sent",
                    Subject = "Quote", CreatedAt = sentAt, RemindAt = now.AddDays(1), SweepAt = now.AddDays(1),
                });
            }

            await context.SaveChangesAsync(ct);
        });
    }

    private static async Task<int> RequestedAsync(BenchDatabase database)
    {
        await using var context = database.CreateContext(owned: true);
        return await context.Set<SyncRequestRow>().CountAsync();
    }

    private static async Task<int> SyncedAsync(BenchDatabase database, DateTimeOffset since)
    {
        await using var context = database.CreateContext(owned: true);
        return await context.Set<MailboxState>().CountAsync(s => s.LastSyncedAt >= since);
    }
}
