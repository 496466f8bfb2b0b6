using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using OutlookFollowUp.FollowUps;
using OutlookFollowUp.GraphSimulator;
using OutlookFollowUp.MailIndex;
using OutlookFollowUp.Reminders;
using OutlookFollowUp.Storage;
using Xunit.Abstractions;

namespace OutlookFollowUp.Tests.Reminders;

/// <summary>
/// Two API processes on one PostgreSQL database, one Graph test server answering at a real pace: each process sweeps
/// several mailboxes at once, and each due reminder is checked, asked about (MailTips) and flagged by exactly one of them.
/// </summary>
public sealed class TwoInstanceSweepTests(ITestOutputHelper output)
{
    private const int Reminders = 2_000;
    private const int Mailboxes = 100;
    private const string Token = "local-test-token";

    [Trait("Needs", "Postgres")]

    [PostgresFact]
    public async Task Two_API_processes_flag_2000_due_reminders_with_exactly_2000_PATCHes_and_ask_MailTips_about_each_counterpart_once()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Postgres);
        var mailbox = new InMemoryMailbox("me@contoso.com");
        using var fake = new InMemoryGraphHandler(mailbox);
        fake.Latency = TimeSpan.FromMilliseconds(20);
        using var asked = new MailTipsRecorder(fake);
        await using var graph = await GraphHttpServer.StartAsync(asked);
        var now = DateTimeOffset.UtcNow; // the processes run on the real clock
        await SeedAsync(database, mailbox, now);

        var settings = new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Storage__Provider"] = "Postgres",
            ["ConnectionStrings__FollowUps"] = database.ConnectionString,
            ["Graph__BaseUrl"] = graph.BaseAddress.ToString(),
            ["Graph__AccessToken"] = Token,
            ["Sync__DueSweepInterval"] = "00:00:01",
            ["Sync__DueBatchSize"] = "50",
            ["Sync__BackgroundInterval"] = "01:00:00",
        };
        var clock = Stopwatch.StartNew();
        await using var first = ApiProcess.Start(RepositoryFiles.ApiOutput, settings);
        await using var second = ApiProcess.Start(RepositoryFiles.ApiOutput, settings);

        while (await FlaggedAsync(database) < Reminders)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(4), $"flagged {await FlaggedAsync(database)} of {Reminders}\n{first.Output}\n{second.Output}");
            await Task.Delay(500);
        }

        await Task.Delay(TimeSpan.FromSeconds(3)); // a few more sweeps on both: nothing more to write
        var patches = fake.PatchedPaths;
        output.WriteLine($"{Reminders} reminders flagged by two processes in {clock.Elapsed.TotalSeconds:F1} s; {patches.Count} flag PATCHes, {fake.Requests.Count} Graph HTTP requests in all ($batch counts once), at most {fake.MaxInFlight} at once");
        output.WriteLine($"first: {Lines(first.Output)} sweep lines; second: {Lines(second.Output)}");

        Assert.Equal(Reminders, patches.Count);
        Assert.Equal(Reminders, patches.Distinct().Count());
        Assert.Equal(Reminders, asked.Addresses.Count);
        Assert.Equal(Reminders, asked.Addresses.Distinct().Count());
        Assert.True(Lines(first.Output) > 0 && Lines(second.Output) > 0, "both processes swept");
        Assert.True(fake.MaxInFlight > 2, $"at most {fake.MaxInFlight} requests at once: the mailboxes were not swept side by side");
        Assert.True(fake.Problems.Count == 0, string.Join("\n", fake.Problems));
    }

    private static int Lines(string output) => output.Split('\n').Count(l => l.Contains("Due sweep:", StringComparison.Ordinal));

    /// <summary>
    /// Each mailbox's sent messages, one counterpart each, in Graph and in the index (synced just now, so no background
    /// sync is due during the test), with a due reminder on each.
    /// </summary>
    private static async Task SeedAsync(TestDatabase database, InMemoryMailbox mailbox, DateTimeOffset now)
    {
        await using var context = database.CreateContext();
        var index = new ThreadIndex(context);
        for (var m = 0; m < Mailboxes; m++)
        {
            var user = $"tenant:user-{m}";
            await index.SetMailboxAsync(user, ["me@contoso.com"], "UTC", CancellationToken.None);
            var sent = Enumerable.Range(0, Reminders / Mailboxes).Select(r => (m * (Reminders / Mailboxes)) + r).Select(i => new MailRecord
            {
                Id = $"sent-{i}", InternetMessageId = $"<sent-{i}@fabrikam.com>", ConversationId = $"conv-sent-{i}", From = "me@contoso.com",
                To = [new MailAddress($"counterpart-{i}@fabrikam.com")], Date = now.AddDays(-2), Subject = $"Subject sent-{i}",
            }).ToList();
            await index.ApplyDeltaAsync(user, "sentitems", sent, [], deltaLink: null, now, CancellationToken.None);
        }

        for (var i = 0; i < Reminders; i++)
        {
            var id = $"sent-{i}";
            mailbox.Put("sentitems", Messages.Message(id, now.AddDays(-2), "me@contoso.com") with { To = [new InMemoryAddress($"counterpart-{i}@fabrikam.com")] });
            context.Set<ReminderRow>().Add(new ReminderRow
            {
                UserKey = $"tenant:user-{i / (Reminders / Mailboxes)}", // not local users: the rig's many mailboxes
                Id = Guid.NewGuid().ToString("N"),
                MessageId = id,
                InternetMessageId = $"<{id}@fabrikam.com>",
                ThreadKey = $"conv-{id}",
                Subject = $"Subject {id}",
                CreatedAt = now.AddDays(-2),
                RemindAt = now.AddMinutes(-1),
                SweepAt = now.AddMinutes(-1),
            });
        }

        await context.SaveChangesAsync();
    }

    private static async Task<int> FlaggedAsync(TestDatabase database)
    {
        await using var context = database.CreateContext();
        return await context.Set<ReminderRow>().CountAsync(r => r.FlagWritten == FlagStates.Due);
    }

    /// <summary>Passes every request on, and keeps the addresses each getMailTips call asked about.</summary>
    private sealed class MailTipsRecorder(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _addresses = new();

        public IReadOnlyList<string> Addresses => [.. _addresses];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri!.AbsolutePath.EndsWith("/getMailTips", StringComparison.OrdinalIgnoreCase) && request.Content is not null)
            {
                var body = System.Text.Json.JsonDocument.Parse(await request.Content.ReadAsStringAsync(cancellationToken));
                foreach (var address in body.RootElement.GetProperty("EmailAddresses").EnumerateArray())
                {
                    _addresses.Enqueue(address.GetString()!);
                }
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }
}
