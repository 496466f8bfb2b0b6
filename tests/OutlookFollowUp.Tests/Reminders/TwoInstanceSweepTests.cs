using System.Diagnostics;
using Xunit.Abstractions;
using Microsoft.EntityFrameworkCore;
using OutlookFollowUp.Mail.Sample;
using OutlookFollowUp.Reminders;
using OutlookFollowUp.Storage;
using OutlookFollowUp.Tests.Deploy;
using OutlookFollowUp.Tests.Graph;
using OutlookFollowUp.Tests.Index;

namespace OutlookFollowUp.Tests.Reminders;

/// <summary>Two API processes on one PostgreSQL database, one Graph test server: each due reminder is flagged by exactly one of them.</summary>
public sealed class TwoInstanceSweepTests(ITestOutputHelper output)
{
    private const int Reminders = 2_000;
    private const string Token = "local-test-token";

    [PostgresFact]
    public async Task Two_API_processes_flag_2000_due_reminders_with_exactly_2000_PATCHes()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Postgres);
        var mailbox = new InMemoryMailbox("me@contoso.com");
        using var fake = new FakeGraph(mailbox);
        await using var graph = await GraphHttpServer.StartAsync(fake);
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
        output.WriteLine($"{Reminders} reminders flagged by two processes in {clock.Elapsed.TotalSeconds:F1} s; {patches.Count} flag PATCHes, {fake.Requests.Count} Graph HTTP requests in all ($batch counts once)");
        output.WriteLine($"first: {Lines(first.Output)} sweep lines; second: {Lines(second.Output)}");

        Assert.Equal(Reminders, patches.Count);
        Assert.Equal(Reminders, patches.Distinct().Count());
        Assert.True(fake.Problems.Count == 0, string.Join("\n", fake.Problems));
    }

    private static int Lines(string output) => output.Split('\n').Count(l => l.Contains("Due sweep:", StringComparison.Ordinal));

    private static async Task SeedAsync(TestDatabase database, InMemoryMailbox mailbox, DateTimeOffset now)
    {
        await using var context = database.CreateContext();
        for (var i = 0; i < Reminders; i++)
        {
            var id = $"sent-{i}";
            mailbox.Put("sentitems", Messages.Message(id, now.AddDays(-2), "me@contoso.com"));
            context.Set<ReminderRow>().Add(new ReminderRow
            {
                UserKey = OutlookFollowUp.Local.LocalMode.TokenUserKey(Token), // local mode acts for its own user alone
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
}
