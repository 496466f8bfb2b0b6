using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OutlookFollowUp.GraphSimulator;
using OutlookFollowUp.Local;
using OutlookFollowUp.Mail;
using OutlookFollowUp.Reminders;

namespace OutlookFollowUp.Tests.Reminders;

/// <summary>The whole app in local mode, its clock a FakeTimeProvider: the background worker acts with nobody asking.</summary>
public sealed class BackgroundReminderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_reply_arriving_with_the_pane_closed_resolves_the_reminder_and_completes_its_flag_within_the_interval()
    {
        var mailbox = SampleMailbox.Create(Now);
        using var host = new LocalApiHost(mailbox, Now);
        using var client = host.CreateClient();
        var offsite = (await host.ThreadsAsync()).Threads.Single(t => t.Subject == "Budget numbers for the offsite");
        var id = await CreateAsync(client, offsite.MessageId, afterHours: 48);
        await host.Services.GetRequiredService<ReminderFlagQueue>().WhenIdleAsync(CancellationToken.None);
        var flaggedBefore = Flag(mailbox, offsite.MessageId);

        // Bob answers; from here on no request reaches the API.
        mailbox.Put("inbox", new InMemoryMessage
        {
            Id = "bob-answers",
            InternetMessageId = "<bob-answers@fabrikam.com>",
            ConversationId = offsite.ThreadKey,
            Subject = "Re: Budget numbers for the offsite",
            From = new InMemoryAddress("bob.nguyen@fabrikam.com", "Bob Nguyen"),
            To = [new InMemoryAddress(SampleMailbox.Address, SampleMailbox.Name)],
            ReceivedDateTime = Now.AddMinutes(5),
            SentDateTime = Now.AddMinutes(5),
        });
        var interval = host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<BackgroundOptions>>().Value.BackgroundInterval;
        host.Clock.Advance(interval);
        await WaitUntilAsync(() => Flag(mailbox, offsite.MessageId) == "complete");

        var reminder = await client.GetFromJsonAsync<JsonElement>($"/api/reminders/{id}");
        Assert.Equal("flagged", flaggedBefore);
        Assert.Equal(("resolved", "reply", "bob.nguyen@fabrikam.com", "Bob Nguyen"), (
            reminder.GetProperty("status").GetString(), reminder.GetProperty("closedBy").GetString(),
            reminder.GetProperty("resolvedBy").GetProperty("address").GetString(), reminder.GetProperty("resolvedBy").GetProperty("name").GetString()));
        Assert.Equal(host.Clock.GetUtcNow(), reminder.GetProperty("resolvedAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Lifecycle_scheduled_due_snoozed_due_again_done_each_stored_with_its_time()
    {
        var mailbox = SampleMailbox.Create(Now);
        using var host = new LocalApiHost(mailbox, Now);
        using var client = host.CreateClient();
        var offsite = (await host.ThreadsAsync()).Threads.Single(t => t.Subject == "Budget numbers for the offsite");
        var other = (await host.ThreadsAsync()).Threads.First(t => t.MessageId != offsite.MessageId && t.Direction == "theirs");
        var id = await CreateAsync(client, offsite.MessageId, afterHours: 24);
        var laterId = await CreateAsync(client, other.MessageId, afterHours: 72);
        var scheduled = await GetAsync(client, id);

        host.Clock.Advance(TimeSpan.FromHours(24));
        await WaitUntilAsync(async () => (await GetAsync(client, id)).GetProperty("status").GetString() == "due");
        var due = await GetAsync(client, id);
        var dueAt = host.Clock.GetUtcNow();
        var list = await client.GetFromJsonAsync<JsonElement>("/api/reminders");

        using var snooze = await client.PatchAsJsonAsync($"/api/reminders/{id}", new { remindAt = Now.AddHours(30) });
        var snoozed = await snooze.Content.ReadFromJsonAsync<JsonElement>();
        host.Clock.Advance(TimeSpan.FromHours(6));
        await WaitUntilAsync(async () => (await GetAsync(client, id)).GetProperty("status").GetString() == "due");
        var dueAgain = await GetAsync(client, id);
        var done = await (await client.PostAsJsonAsync($"/api/reminders/{id}/done", new { })).Content.ReadFromJsonAsync<JsonElement>();
        using var snoozeDone = await client.PatchAsJsonAsync($"/api/reminders/{id}", new { remindAt = Now.AddDays(3) });

        Assert.Equal(("scheduled", JsonValueKind.Null), (scheduled.GetProperty("status").GetString(), scheduled.GetProperty("dueAt").ValueKind));
        Assert.Equal(dueAt, due.GetProperty("dueAt").GetDateTimeOffset());
        Assert.Equal([id, laterId], list.GetProperty("reminders").EnumerateArray().Select(r => r.GetProperty("id").GetString()));
        Assert.Equal(("scheduled", JsonValueKind.Null), (snoozed.GetProperty("status").GetString(), snoozed.GetProperty("dueAt").ValueKind));
        Assert.Equal(host.Clock.GetUtcNow(), dueAgain.GetProperty("dueAt").GetDateTimeOffset());
        Assert.Equal(("done", "user", host.Clock.GetUtcNow()), (done.GetProperty("status").GetString(), done.GetProperty("closedBy").GetString(), done.GetProperty("doneAt").GetDateTimeOffset()));
        Assert.Equal(HttpStatusCode.Conflict, snoozeDone.StatusCode);
    }

    [Theory]
    [InlineData("Sync:DueSweepInterval", "00:00:00")]
    [InlineData("Sync:BackgroundInterval", "-00:01:00")]
    [InlineData("Sync:DueBatchSize", "0")]
    [InlineData("Sync:ClaimLease", "00:00:01")]
    [InlineData("Sync:MailboxConcurrency", "0")]
    [InlineData("Sync:MailboxConcurrency", "257")]
    [InlineData("Notifications:ReconcileInterval", "00:00:00")]
    public void A_bad_background_setting_stops_the_start_naming_it(string setting, string value)
    {
        using var app = new OutlookFollowUp.Tests.Support.ApiApplication { Local = true, Settings = new Dictionary<string, string> { [setting] = value } };

        var failure = Assert.ThrowsAny<Exception>(() => app.CreateClient(token: null));

        Assert.Contains(setting, failure.ToString(), StringComparison.Ordinal);
    }

    private static async Task<string> CreateAsync(HttpClient client, string messageId, int afterHours)
    {
        using var response = await client.PostAsJsonAsync("/api/reminders", new { messageId, afterHours });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private static async Task<JsonElement> GetAsync(HttpClient client, string id) => await client.GetFromJsonAsync<JsonElement>($"/api/reminders/{id}");

    private static string? Flag(InMemoryMailbox mailbox, string messageId) => mailbox.Find(messageId)?["flag"]?["flagStatus"]?.GetValue<string>();

    private static Task WaitUntilAsync(Func<bool> done) => WaitUntilAsync(() => Task.FromResult(done()));

    /// <summary>The worker runs on its own after the fake clock moved: wait (real time, bounded) for what it does.</summary>
    private static async Task WaitUntilAsync(Func<Task<bool>> done)
    {
        var clock = Stopwatch.StartNew();
        while (!await done())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), "the background worker did not get there in 20 s");
            await Task.Delay(50);
        }
    }
}
