using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OutlookFollowUp.GraphSimulator;
using OutlookFollowUp.Local;
using OutlookFollowUp.Mail;
using OutlookFollowUp.Reminders;

namespace OutlookFollowUp.Tests.Reminders;

/// <summary>
/// The whole app in local mode over the in-memory Graph server, through the real SDK: the compose mark on a sent copy
/// becomes a reminder, and a flag the user clears in Outlook closes it; neither is built by hand in the test.
/// </summary>
public sealed class ComposeAndOutlookEndToEndTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_sent_message_marked_Remind_me_if_no_reply_becomes_one_scheduled_reminder_at_its_sent_time_plus_the_hours()
    {
        var mailbox = SampleMailbox.Create(Now);
        var sentAt = Now.AddHours(-3);
        mailbox.Put("sentitems", ComposeMarkTests.Sent("marked-sent", """{"followupRemind":"24"}""") with
        {
            From = new InMemoryAddress(SampleMailbox.Address, SampleMailbox.Name),
            Subject = "Contract draft for review",
            ReceivedDateTime = sentAt,
            SentDateTime = sentAt,
        });
        using var host = new LocalApiHost(mailbox, Now);
        using var client = host.CreateClient();

        await host.ThreadsAsync(); // the first sync reads the mark
        await host.ThreadsAsync(); // a second read finds the reminder already there: still one

        var reminders = (await client.GetFromJsonAsync<JsonElement>("/api/reminders")).GetProperty("reminders").EnumerateArray()
            .Where(r => r.GetProperty("messageId").GetString() == "marked-sent").ToList();
        var reminder = Assert.Single(reminders);
        Assert.Equal(
            ("scheduled", "compose", sentAt.AddHours(24), "Contract draft for review"),
            (reminder.GetProperty("status").GetString(), reminder.GetProperty("source").GetString(),
                reminder.GetProperty("remindAt").GetDateTimeOffset(), reminder.GetProperty("subject").GetString()));
    }

    [Fact]
    public async Task A_flag_the_user_clears_in_Outlook_closes_the_reminder_as_done_in_Outlook_at_the_next_background_sync()
    {
        var mailbox = SampleMailbox.Create(Now);
        using var host = new LocalApiHost(mailbox, Now);
        using var client = host.CreateClient();
        var offsite = (await host.ThreadsAsync()).Threads.Single(t => t.Subject == "Budget numbers for the offsite");
        using (var created = await client.PostAsJsonAsync("/api/reminders", new { messageId = offsite.MessageId, afterHours = 48 }))
        {
            created.EnsureSuccessStatusCode();
        }

        await host.Services.GetRequiredService<ReminderFlagQueue>().WhenIdleAsync(CancellationToken.None);
        Assert.Equal("flagged", Flag(mailbox, offsite.MessageId));

        // Past the read-back's settle time, the user clears the flag in Outlook; the pane stays closed from here on.
        host.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.NotNull(mailbox.Update(offsite.MessageId, message => message["flag"] = new JsonObject { ["flagStatus"] = "notFlagged" }));
        var interval = host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<BackgroundOptions>>().Value.BackgroundInterval;
        host.Clock.Advance(interval);

        var reminder = await WaitForAsync(client, r => r.GetProperty("status").GetString() == "done");
        Assert.Equal(("done", "outlook"), (reminder.GetProperty("status").GetString(), reminder.GetProperty("closedBy").GetString()));
        Assert.Equal("notFlagged", Flag(mailbox, offsite.MessageId)); // the product wrote nothing back over the user's choice
    }

    [Fact]
    public async Task Moving_on_from_a_thread_closes_its_open_reminder_as_done_by_the_user_and_completes_its_flag()
    {
        var mailbox = SampleMailbox.Create(Now);
        using var host = new LocalApiHost(mailbox, Now);
        using var client = host.CreateClient();
        var offsite = (await host.ThreadsAsync()).Threads.Single(t => t.Subject == "Budget numbers for the offsite");
        using (var created = await client.PostAsJsonAsync("/api/reminders", new { messageId = offsite.MessageId, afterHours = 48 }))
        {
            created.EnsureSuccessStatusCode();
        }

        using (var movedOn = await client.PostAsJsonAsync(
            $"/api/threads/{Uri.EscapeDataString(offsite.ThreadKey)}/dismiss", new { reason = "moved_on", note = "Called Bob instead." }))
        {
            movedOn.EnsureSuccessStatusCode();
        }

        await host.Services.GetRequiredService<ReminderFlagQueue>().WhenIdleAsync(CancellationToken.None);
        var reminder = (await client.GetFromJsonAsync<JsonElement>("/api/reminders")).GetProperty("reminders")[0];
        Assert.Equal(("done", "user"), (reminder.GetProperty("status").GetString(), reminder.GetProperty("closedBy").GetString()));
        Assert.Equal("complete", Flag(mailbox, offsite.MessageId));
    }

    private static string? Flag(InMemoryMailbox mailbox, string messageId) => mailbox.Find(messageId)?["flag"]?["flagStatus"]?.GetValue<string>();

    private static async Task<JsonElement> WaitForAsync(HttpClient client, Func<JsonElement, bool> done)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var reminder = (await client.GetFromJsonAsync<JsonElement>("/api/reminders", timeout.Token)).GetProperty("reminders")[0];
            if (done(reminder))
            {
                return reminder;
            }

            await Task.Delay(50, timeout.Token);
        }
    }
}
