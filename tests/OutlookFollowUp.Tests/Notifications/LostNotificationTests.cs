using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OutlookFollowUp.Background;
using OutlookFollowUp.GraphSimulator;
using OutlookFollowUp.Local;
using OutlookFollowUp.Reminders;

namespace OutlookFollowUp.Tests.Notifications;

/// <summary>
/// Graph loses change notifications: a mailbox with open reminders is reconciled (a delta round) every
/// Notifications:ReconcileInterval even while its subscriptions are live, and the due sweep's check in every folder
/// comes before Outlook's own reminder is armed. The app's clock is fake; its background work runs for real.
/// </summary>
public sealed class LostNotificationTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// The sample mailbox without Teams or the calendar: with either route on, a mailbox with open reminders is synced
    /// every background interval anyway (a chat brings no notification), and these tests are about mail alone.
    /// </summary>
    private static InMemoryMailbox MailOnly()
    {
        var mailbox = SampleMailbox.Create(Now);
        (mailbox.ChatReadGranted, mailbox.CalendarReadGranted) = (false, false);
        return mailbox;
    }

    [Fact]
    public async Task A_reply_whose_notification_was_lost_resolves_the_reminder_and_completes_its_flag_within_the_reconcile_interval()
    {
        var mailbox = MailOnly();
        using var host = new NotificationHost(mailbox, Now);
        var (client, reminderId, messageId, threadKey) = await RemindOnTheOffsiteAsync(host);
        using (client)
        {
            using var worker = new BackgroundRounds(host.Services);
            Reply(mailbox, host, threadKey);
            host.GraphServer.Faults.Next(GraphMatch.Notifications, Fault.Drop);
            var posted = await host.GraphServer.PublishChangesAsync();

            // Past the background interval: the subscriptions are live, so the periodic sync is not asked for.
            await AdvanceAsync(host, worker, TimeSpan.FromMinutes(30));
            var deltasAt30 = host.DeltaRequests;
            var at30 = await StatusAsync(client, reminderId);
            // At the reconcile interval (1 h): a delta round although the subscriptions are live.
            await AdvanceAsync(host, worker, TimeSpan.FromMinutes(30));
            await NotificationHost.WaitUntilAsync(() => Flag(mailbox, messageId) == "complete", "the flag completed");

            Assert.Equal(0, posted);
            Assert.Equal("scheduled", at30);
            Assert.Equal(deltasAt30, host.DeltaRequests - 2); // one round of both folders, at the hour
            Assert.Equal("resolved", await StatusAsync(client, reminderId));
        }
    }

    [Fact]
    public async Task A_mailbox_without_open_reminders_stays_at_renewals_only()
    {
        // Teams and the calendar on: waiting threads without a reminder still get no background sync.
        var mailbox = SampleMailbox.Create(Now);
        using var host = new NotificationHost(mailbox, Now);
        await host.ActivateAsync();
        using var worker = new BackgroundRounds(host.Services);
        var before = host.GraphServer.Requests.Count;

        for (var hour = 0; hour < 3; hour++)
        {
            await AdvanceAsync(host, worker, TimeSpan.FromHours(1));
        }

        Assert.Equal(before, host.GraphServer.Requests.Count);
    }

    [Fact]
    public async Task A_reply_whose_notification_was_lost_never_arms_Outlooks_reminder()
    {
        var mailbox = MailOnly();
        // No reconcile before the due time: the due sweep's own check in every folder is what finds the reply.
        using var host = new NotificationHost(mailbox, Now, settings: new Dictionary<string, string> { ["Notifications:ReconcileInterval"] = "3.00:00:00" });
        var (client, reminderId, messageId, threadKey) = await RemindOnTheOffsiteAsync(host);
        using (client)
        {
            using var worker = new BackgroundRounds(host.Services);
            var armedAtCreation = ReminderSet(mailbox, messageId);
            Reply(mailbox, host, threadKey);
            host.GraphServer.Faults.Next(GraphMatch.Notifications, Fault.Drop);
            await host.GraphServer.PublishChangesAsync();

            await AdvanceAsync(host, worker, TimeSpan.FromHours(24)); // the reminder's time: the sweep checks Graph first
            await NotificationHost.WaitUntilAsync(() => Flag(mailbox, messageId) == "complete", "the flag completed");
            var reminder = await client.GetFromJsonAsync<JsonElement>($"/api/reminders/{reminderId}");

            Assert.Null(armedAtCreation);
            Assert.Equal(("resolved", JsonValueKind.Null), (reminder.GetProperty("status").GetString(), reminder.GetProperty("dueAt").ValueKind));
            // Two writes of the message's flag: flagged when the reminder was made, complete when the sweep found the reply.
            Assert.Equal(2, host.GraphServer.PatchedPaths.Count(p => p.EndsWith(Uri.EscapeDataString(messageId), StringComparison.Ordinal) || p.EndsWith(messageId, StringComparison.Ordinal)));
            Assert.Equal("false", ReminderSet(mailbox, messageId));
        }
    }

    /// <summary>The user is active (both subscriptions live) and has a reminder in 24 h on the offsite thread, flagged in Outlook.</summary>
    private static async Task<(HttpClient Client, string ReminderId, string MessageId, string ThreadKey)> RemindOnTheOffsiteAsync(NotificationHost host)
    {
        await host.ActivateAsync();
        var client = host.CreateClient();
        var threads = await client.GetFromJsonAsync<JsonElement>("/api/threads");
        var offsite = threads.GetProperty("threads").EnumerateArray().Single(t => t.GetProperty("subject").GetString() == "Budget numbers for the offsite");
        var messageId = offsite.GetProperty("messageId").GetString()!;
        using var created = await client.PostAsJsonAsync("/api/reminders", new { messageId, afterHours = 24 });
        created.EnsureSuccessStatusCode();
        await host.Services.GetRequiredService<ReminderFlagQueue>().WhenIdleAsync(CancellationToken.None);
        host.GraphServer.MarkPublished();
        return (client, (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!, messageId, offsite.GetProperty("threadKey").GetString()!);
    }

    private static void Reply(InMemoryMailbox mailbox, NotificationHost host, string threadKey) => mailbox.Put("inbox", new InMemoryMessage
    {
        Id = "AAMkBobReply=", InternetMessageId = "<bob-reply@fabrikam.com>", ConversationId = threadKey,
        Subject = "RE: Budget numbers for the offsite", From = new("bob.nguyen@fabrikam.com", "Bob Nguyen"),
        To = [new(SampleMailbox.Address, SampleMailbox.Name)], SentDateTime = host.Clock.GetUtcNow(), ReceivedDateTime = host.Clock.GetUtcNow(),
    });

    /// <summary>Moves the clock and waits until the worker has looked at the mailboxes since, and the syncs it asked for ran.</summary>
    private static async Task AdvanceAsync(NotificationHost host, BackgroundRounds worker, TimeSpan by)
    {
        var looks = worker.Looks;
        host.Clock.Advance(by);
        await NotificationHost.WaitUntilAsync(() => worker.Looks > looks, "the worker looked at the mailboxes");
        await host.WaitForIdleSyncsAsync();
    }

    private static async Task<string?> StatusAsync(HttpClient client, string id) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/reminders/{id}")).GetProperty("status").GetString();

    private static string? Flag(InMemoryMailbox mailbox, string id) => mailbox.Find(id)?["flag"]?["flagStatus"]?.GetValue<string>();

    private static string? ReminderSet(InMemoryMailbox mailbox, string id) =>
        mailbox.Find(id)?["singleValueExtendedProperties"]?.AsArray()
            .FirstOrDefault(p => p!["id"]!.GetValue<string>().Contains("0x8503", StringComparison.OrdinalIgnoreCase))?["value"]?.ToString();
}
