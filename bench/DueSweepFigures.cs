using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OutlookFollowUp.FollowUps;
using OutlookFollowUp.GraphSimulator;
using OutlookFollowUp.MailIndex;
using OutlookFollowUp.Reminders;
using OutlookFollowUp.Storage;

namespace OutlookFollowUp.Bench;

/// <summary>
/// The due sweep at scale, as deployed: the API's Release build runs as one or more processes (the instances) on one
/// database, against the in-process Graph server in this process, reached over a socket and answering each request
/// after a latency (a <c>$batch</c> after one per four parts, as Graph runs four parts at once). Reminders are seeded
/// due-but-parked; once every instance answers, they are all made due at once and the clock runs until every one is
/// flagged. Figures: wall time, Graph HTTP requests, each instance's peak memory apart from this process's (simulator
/// and seeding).
/// Run: dotnet run -c Release --project bench -- due-sweep --mailboxes 1000 --per-mailbox 10 --latency-ms 100 [--instances 2]
/// </summary>
internal static class DueSweepFigures
{
    public static async Task RunAsync(ScaleRun run, TextWriter output)
    {
        var (mailboxes, perMailbox, latency, instances, timeout) = (run.Mailboxes, run.PerMailbox, run.LatencyMs, run.Instances, run.Timeout);
        var provider = Provider(run.Database, instances);
        var total = mailboxes * perMailbox;

        await using var database = await BenchDatabase.CreateAsync(provider);
        var mailbox = new InMemoryMailbox("me@contoso.com");
        var simulator = new InMemoryGraphHandler(mailbox) { Latency = TimeSpan.FromMilliseconds(latency) };
        using var counting = new CountingGraphHandler(simulator);
        await using var server = await BenchGraphServer.StartAsync(counting);
        var now = TimeProvider.System.GetUtcNow();
        var seeding = Stopwatch.StartNew();
        await SeedAsync(database, mailbox, now, Measured, mailboxes, perMailbox);
        await SeedAsync(database, mailbox, now, WarmUp, WarmUpMailboxes, 1);
        output.WriteLine(FormattableString.Invariant($"seeded {total:N0} reminders in {mailboxes:N0} mailboxes on {provider} in {seeding.Elapsed.TotalSeconds:F0} s"));

        var settings = new Dictionary<string, string>
        {
            ["Sync__DueSweepInterval"] = "00:00:01",
            ["Logging__LogLevel__OutlookFollowUp.Reminders.ReminderSweep"] = "Information", // "Due sweep: …" tells who swept
        };
        if (run.Concurrency is { } concurrency)
        {
            settings["Sync__MailboxConcurrency"] = concurrency.ToString(CultureInfo.InvariantCulture);
        }

        var running = new List<BenchInstance>();
        try
        {
            for (var i = 0; i < instances; i++)
            {
                running.Add(BenchInstance.Start(database.Options, server.BaseAddress, settings));
            }

            foreach (var instance in running)
            {
                await instance.WaitReadyAsync(TimeSpan.FromSeconds(120));
            }

            // A warm-up: more mailboxes than one claim takes, so every instance has swept (its code compiled) before the clock runs.
            await DueAsync(database, WarmUp);
            var warming = Stopwatch.StartNew();
            while (await FlaggedAsync(database, WarmUp) < WarmUpMailboxes)
            {
                Check(warming.Elapsed < timeout, "the warm-up did not finish", running);
                await Task.Delay(100);
            }

            foreach (var (instance, i) in running.Select((r, i) => (r, i)).Where(r => !r.r.Output.Contains("Due sweep:", StringComparison.Ordinal)))
            {
                output.WriteLine($"note: instance {i + 1} took no part in the warm-up; its first sweep below includes its start-up costs");
            }

            await using var connections = ConnectionPeak.Start(database.Options);
            var (requestsBefore, partsBefore, tipsBefore) = (counting.Total, simulator.BatchParts.Count, counting.Count("getMailTips"));
            var cpuBefore = running.Select(r => r.CpuSeconds() ?? 0).ToList();
            var clock = Stopwatch.StartNew();
            await DueAsync(database, Measured); // every reminder comes due at once: the instances' next sweep (within a second) takes them

            var flagged = 0;
            while ((flagged = await FlaggedAsync(database, Measured)) < total)
            {
                Check(clock.Elapsed < timeout, $"{flagged:N0} of {total:N0} flagged after {timeout}", running);
                await Task.Delay(100);
            }

            var wall = clock.Elapsed;
            var requests = counting.Total - requestsBefore;
            output.WriteLine("| database | instances | reminders / mailboxes | latency | wall time | Graph HTTP requests | $batch parts | getMailTips | product peak RSS per instance | product CPU per instance | PostgreSQL connections, peak (all instances) | this process (simulator, seeding) peak RSS |");
            output.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
            output.WriteLine(FormattableString.Invariant(
                $"| {provider} | {instances} | {total:N0} / {mailboxes:N0} | {latency} ms | {wall.TotalSeconds:F1} s | {requests:N0} | {simulator.BatchParts.Count - partsBefore:N0} | {counting.Count("getMailTips") - tipsBefore:N0} | {Peaks(running)} | {Cpu(running, cpuBefore)} | {connections?.Peak.ToString(CultureInfo.InvariantCulture) ?? "n/a"} | {BenchInstance.PeakMegabytes(Environment.ProcessId):F0} MB |"));
            output.WriteLine(FormattableString.Invariant(
                $"due-sweep: reminders={total} mailboxes={mailboxes} latency_ms={latency} instances={instances} wall_s={wall.TotalSeconds:F1} graph_requests={requests} flags={flagged}"));
        }
        finally
        {
            foreach (var instance in running)
            {
                await instance.DisposeAsync();
            }
        }
    }

    private const string Measured = "tenant:user-";
    private const string WarmUp = "tenant:warm-up-";

    /// <summary>More than two claims take (500 rows by default): while one instance sweeps a claim, another takes the next.</summary>
    private const int WarmUpMailboxes = 1_200;

    internal static void Check(bool ok, string what, List<BenchInstance> running)
    {
        if (!ok)
        {
            throw new TimeoutException($"{what}.\n{running[0].Output}");
        }
    }

    private static async Task DueAsync(BenchDatabase database, string users)
    {
        await using var context = database.CreateContext(owned: true);
        var due = TimeProvider.System.GetUtcNow();
        await context.Set<ReminderRow>().Where(r => r.UserKey.StartsWith(users)).ExecuteUpdateAsync(u => u.SetProperty(r => r.SweepAt, due));
    }

    /// <summary>SQLite serves one instance; several share PostgreSQL (FOLLOWUP_TEST_POSTGRES).</summary>
    internal static StorageProvider Provider(string? asked, int instances)
    {
        var provider = asked switch
        {
            null => instances > 1 ? StorageProvider.Postgres : StorageProvider.Sqlite,
            "sqlite" => StorageProvider.Sqlite,
            "postgres" => StorageProvider.Postgres,
            _ => throw new BenchUsageException($"--database must be sqlite or postgres, not '{asked}'"),
        };
        if (provider == StorageProvider.Sqlite && instances > 1)
        {
            throw new BenchUsageException("SQLite serves one instance: use --database postgres for --instances above 1");
        }

        return provider == StorageProvider.Postgres && Environment.GetEnvironmentVariable("FOLLOWUP_TEST_POSTGRES") is not { Length: > 0 }
            ? throw new BenchUsageException("PostgreSQL needs FOLLOWUP_TEST_POSTGRES (a connection string to a server the bench may create schemas on)")
            : provider;
    }

    /// <summary>CPU seconds each instance used since <paramref name="before"/> was read.</summary>
    internal static string Cpu(List<BenchInstance> instances, List<double> before) =>
        string.Join(" / ", instances.Select((i, n) => i.CpuSeconds() is { } s ? (s - before[n]).ToString("F1", CultureInfo.InvariantCulture) + " s" : "n/a"));

    internal static string Peaks(IEnumerable<BenchInstance> instances) =>
        string.Join(" / ", instances.Select(i => i.PeakMegabytes() is { } mb ? mb.ToString("F0", CultureInfo.InvariantCulture) + " MB" : "n/a"));

    /// <summary>
    /// Per mailbox: its sent messages in Graph and in the index (recipients, so the MailTips round has its counterparts;
    /// synced just now, so no background sync is due during the run), and a reminder on each, due but parked.
    /// </summary>
    private static async Task SeedAsync(BenchDatabase database, InMemoryMailbox mailbox, DateTimeOffset now, string users, int mailboxes, int perMailbox)
    {
        await using var context = database.CreateContext(owned: true);
        await using var indexContext = database.CreateContext(owned: true); // the index's writes clear their context's tracker
        var index = new ThreadIndex(indexContext);
        for (var m = 0; m < mailboxes; m++)
        {
            var user = $"{users}{m}";
            await index.SetMailboxAsync(user, ["me@contoso.com"], "UTC", CancellationToken.None);
            var sent = new List<MailRecord>();
            for (var r = 0; r < perMailbox; r++)
            {
                var (id, conversation, buyer) = ($"AAMk-{users}{m}-{r}=", $"conv-{users}{m}-{r}", users == Measured ? $"buyer{m}@fabrikam.com" : $"warm-up{m}@fabrikam.com");
                mailbox.Put("sentitems", new InMemoryMessage
                {
                    Id = id, InternetMessageId = $"<{users}{m}-{r}@bench>", ConversationId = conversation, Subject = $"Quote {m}-{r}",
                    From = new InMemoryAddress("me@contoso.com"), To = [new InMemoryAddress(buyer)], ReceivedDateTime = now.AddDays(-2), SentDateTime = now.AddDays(-2),
                    ExtendedProperties = new Dictionary<string, string> { ["String 0x001A"] = "IPM.Note" },
                });
                sent.Add(new MailRecord
                {
                    Id = id, InternetMessageId = $"<{users}{m}-{r}@bench>", ConversationId = conversation, From = "me@contoso.com",
                    To = [new MailAddress(buyer)], Date = now.AddDays(-2), Subject = $"Quote {m}-{r}",
                });
                context.Set<ReminderRow>().Add(new ReminderRow
                {
                    UserKey = user, Id = $"{m:D6}{r:D4}".PadLeft(32, '0'), MessageId = id, InternetMessageId = $"<{users}{m}-{r}@bench>",
                    ThreadKey = conversation, Subject = $"Quote {m}-{r}", CreatedAt = now.AddDays(-2), RemindAt = now.AddMinutes(-1),
                    SweepAt = now.AddDays(1),
                });
            }

            await index.ApplyDeltaAsync(user, "sentitems", sent, [], deltaLink: null, now, CancellationToken.None);
            if (m % 100 == 99)
            {
                await context.SaveChangesAsync();
            }
        }

        await context.SaveChangesAsync();
    }

    private static async Task<int> FlaggedAsync(BenchDatabase database, string users)
    {
        await using var context = database.CreateContext(owned: true);
        return await context.Set<ReminderRow>().CountAsync(r => r.UserKey.StartsWith(users) && r.FlagWritten == FlagStates.Due);
    }
}
