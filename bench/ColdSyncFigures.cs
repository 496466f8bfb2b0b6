using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OutlookFollowUp.GraphSimulator;
using OutlookFollowUp.Mail;
using OutlookFollowUp.Mail.Graph;

namespace OutlookFollowUp.Bench;

/// <summary>
/// Request counts (exact figures, not timings): a cold sync through the whole app (local mode, the real MailboxSync,
/// SQLite) of a generated mailbox of 5,000 messages and 300 candidates, with rule 9 reading what the previews did not
/// decide; a warm sync with one new candidate; and what the due sweep's "still no reply?" checks and flag writes cost
/// through $batch. Run: dotnet run -c Release --project bench -- request-figures
/// </summary>
internal static class ColdSyncFigures
{
    public static async Task RunAsync(TextWriter output)
    {
        output.WriteLine("| messages (all folders) | candidates (waiting threads) | inbox / sent items / other folder | cold sync requests | of which cross-folder check | of which MailTips | of which uniqueBody ($batch) | decided by the preview | uniqueBody requests per 100 candidates | waiting found | wall time |");
        output.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var (messages, waiting) in new[] { (5_000, 300), (5_000, 30), (5_000, 1_000), (20_000, 300) })
        {
            output.WriteLine(await ColdSyncAsync(messages, waiting, newCandidate: null));
        }

        output.WriteLine();
        output.WriteLine("| warm sync of 5,000 messages / 300 candidates, one new candidate | requests | of which uniqueBody ($batch) |");
        output.WriteLine("|---|---|---|");
        foreach (var shape in Enum.GetValues<GeneratedBodies.Shape>())
        {
            output.WriteLine(await ColdSyncAsync(5_000, 300, shape));
        }

        output.WriteLine();
        output.WriteLine("| due reminders in one mailbox | conversation checks ($batch) | flag writes ($batch) | requests per reminder | with 5% of parts throttled once (Retry-After 0) |");
        output.WriteLine("|---|---|---|---|---|");
        foreach (var due in new[] { 1, 10, 20, 45, 300 })
        {
            output.WriteLine(await SweepAsync(due));
        }
    }

    /// <param name="newCandidate">Null: the cold sync's row; else, after it, a warm sync with one new candidate of that shape.</param>
    private static async Task<string> ColdSyncAsync(int messages, int waiting, GeneratedBodies.Shape? newCandidate)
    {
        var now = TimeProvider.System.GetUtcNow();
        var (mailbox, shape) = GeneratedMailbox.Create(now, messages, waiting);
        using var graph = new CountingHandler(new InMemoryGraphHandler(mailbox));
        var data = Directory.CreateTempSubdirectory("followups-bench-");
        try
        {
            await using var app = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
            {
                b.UseEnvironment("Development");
                b.UseContentRoot(ApiFolder());
                b.UseSetting("Storage:DataFolder", data.FullName);
                // A first open waits for the first sync at most this long; here it must see the sync through.
                b.UseSetting("Graph:InteractiveBudget", "00:05:00");
                b.ConfigureTestServices(s => s.AddHttpClient(GraphHttp.ClientName).ConfigurePrimaryHttpMessageHandler(() => graph));
            });
            using var client = app.CreateClient();
            var clock = Stopwatch.StartNew();
            using var response = await client.GetAsync(new Uri("/api/threads?direction=theirs&top=200", UriKind.Relative));
            response.EnsureSuccessStatusCode();
            var wall = clock.Elapsed;
            var found = await CountAllAsync(client, await response.Content.ReadFromJsonAsync<JsonElement>());
            if (newCandidate is { } kind)
            {
                return await WarmSyncAsync(client, mailbox, graph, now, kind);
            }

            var read = graph.Inner.BatchParts.Count(p => p.Contains("uniqueBody", StringComparison.Ordinal));
            return string.Create(CultureInfo.InvariantCulture,
                $"| {shape.Messages:N0} | {waiting} | {mailbox.Count("inbox"):N0} / {mailbox.Count("sentitems"):N0} / {mailbox.Count(GeneratedMailbox.RulesFolder)} | **{graph.Total}** | {graph.AcrossFolders} | {graph.MailTips} | {graph.Batches} | {waiting - read} of {waiting} ({(waiting - read) * 100.0 / waiting:F0}%) | {graph.Batches * 100.0 / waiting:F1} | {found} | {wall.TotalSeconds:F1} s |");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            data.Delete(recursive: true);
        }
    }

    /// <summary>The user's mail to someone new, past the window, arrives; one sync reads it.</summary>
    private static async Task<string> WarmSyncAsync(HttpClient client, InMemoryMailbox mailbox, CountingHandler graph, DateTimeOffset now, GeneratedBodies.Shape shape)
    {
        var sent = now.AddHours(-50);
        var (body, unique) = GeneratedBodies.Ask(9_999, "Nadia Petrova", "Me", sent, shape);
        mailbox.Put("sentitems", new InMemoryMessage
        {
            Id = "AAMk-new-0", InternetMessageId = "<new.0@generated.example>", ConversationId = "AAQk-new", Subject = "Proposal 9999",
            From = new(GeneratedMailbox.Owner, "Me"), To = [new("nadia.petrova@fabrikam.example", "Nadia Petrova")],
            SentDateTime = sent, ReceivedDateTime = sent, Body = body, UniqueBody = unique,
        });
        var (before, batches) = (graph.Total, graph.Batches);
        using var response = await client.PostAsync(new Uri("/api/threads/sync?direction=theirs&top=1", UriKind.Relative), content: null);
        response.EnsureSuccessStatusCode();
        return string.Create(CultureInfo.InvariantCulture, $"| {shape.ToString().ToLowerInvariant()} body | **{graph.Total - before}** | {graph.Batches - batches} |");
    }

    /// <summary>The api folder beside the solution file (the app reads its appsettings.json from there).</summary>
    private static string ApiFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OutlookFollowUp.sln")))
            {
                return Path.Combine(dir.FullName, "api");
            }
        }

        throw new InvalidOperationException("Run the bench from inside the repository: OutlookFollowUp.sln was not found above it.");
    }

    /// <summary>Follows the list's cursor, 200 a page.</summary>
    private static async Task<int> CountAllAsync(HttpClient client, JsonElement page)
    {
        var count = page.GetProperty("threads").GetArrayLength();
        while (page.TryGetProperty("nextCursor", out var cursor) && cursor.GetString() is { } next)
        {
            page = await client.GetFromJsonAsync<JsonElement>(new Uri($"/api/threads?direction=theirs&top=200&cursor={Uri.EscapeDataString(next)}", UriKind.Relative));
            count += page.GetProperty("threads").GetArrayLength();
        }

        return count;
    }

    private static async Task<string> SweepAsync(int due)
    {
        var clean = await SweepRequestsAsync(due, throttleEvery: 0);
        var throttled = await SweepRequestsAsync(due, throttleEvery: 20);
        return string.Create(CultureInfo.InvariantCulture,
            $"| {due} | {clean.Checks} | {clean.Flags} | **{(clean.Checks + clean.Flags) / (double)due:F2}** | {throttled.Checks + throttled.Flags} requests, {(throttled.Checks + throttled.Flags) / (double)due:F2} per reminder |");
    }

    /// <summary>The sweep's two steps for one mailbox: confirm "no reply" across folders, then flag with Outlook's reminder.</summary>
    private static async Task<(int Checks, int Flags)> SweepRequestsAsync(int due, int throttleEvery)
    {
        var now = TimeProvider.System.GetUtcNow();
        var (mailbox, _) = GeneratedMailbox.Create(now, due * 4, due);
        using var handler = new InMemoryGraphHandler(mailbox);
        for (var i = 0; throttleEvery > 0 && i < due; i += throttleEvery)
        {
            handler.Faults.Next(GraphMatch.Part($"AAQk-w{i}'"), Fault.Throttle(0));
            handler.Faults.Next(GraphMatch.Part($"AAMk-w{i}-0"), Fault.Throttle(0));
        }

        await using var services = BenchGraph.Services(handler);
        var factory = services.GetRequiredService<GraphClientFactory>();
        var counter = factory.CounterFor("sweep");
        var conversations = Enumerable.Range(0, due).Select(i => $"AAQk-w{i}").ToList();
        var checks = await factory.CreateReader("sweep").GetConversationsAsync(conversations, CancellationToken.None);
        var afterChecks = counter.Total;
        var changes = Enumerable.Range(0, due).Select(i => new FlagChange($"AAMk-w{i}-0", OutlookFlag.Flagged(now, now.AddHours(1), now.AddHours(1)))).ToList();
        var flags = await factory.CreateWriter("sweep").SetFlagsAsync(changes, CancellationToken.None);
        if (checks.Count != due || flags.Any(f => !f.Succeeded))
        {
            throw new InvalidOperationException("The sweep lost a part: the figure would not mean what it says.");
        }

        return (afterChecks, counter.Total - afterChecks);
    }


    /// <summary>
    /// Every request that reached Graph, those of the cross-folder check (/me/messages across folders), the MailTips
    /// calls about the counterparts of threads entering "waiting on them", and the $batch requests (rule 9's uniqueBody
    /// reads in a sync).
    /// </summary>
    private sealed class CountingHandler(InMemoryGraphHandler inner) : DelegatingHandler(inner)
    {
        private int _total;
        private int _acrossFolders;
        private int _mailTips;
        private int _batches;

        public InMemoryGraphHandler Inner { get; } = inner;

        public int MailTips => Volatile.Read(ref _mailTips);

        public int Batches => Volatile.Read(ref _batches);

        public int Total => Volatile.Read(ref _total);

        public int AcrossFolders => Volatile.Read(ref _acrossFolders);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _total);
            if (request.RequestUri!.AbsolutePath.EndsWith("/me/messages", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _acrossFolders);
            }
            else if (request.RequestUri.AbsolutePath.EndsWith("/getMailTips", StringComparison.OrdinalIgnoreCase))
            {
                Interlocked.Increment(ref _mailTips);
            }
            else if (request.RequestUri.AbsolutePath.EndsWith("/$batch", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _batches);
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
