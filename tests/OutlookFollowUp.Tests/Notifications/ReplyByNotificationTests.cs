using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OutlookFollowUp.GraphSimulator;
using OutlookFollowUp.Local;
using OutlookFollowUp.Reminders;

namespace OutlookFollowUp.Tests.Notifications;

/// <summary>A reply arrives, Graph notifies, and with no request from the pane the reminder is answered and its flag completed.</summary>
public sealed class ReplyByNotificationTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ReplyInTheInbox_ResolvesTheReminder_AndCompletesItsFlag_WithNoApiRequest()
    {
        var mailbox = SampleMailbox.Create(Now);
        using var host = new NotificationHost(mailbox, Now);
        await host.ActivateAsync();
        using var client = host.CreateClient();
        var threads = await client.GetFromJsonAsync<JsonElement>("/api/threads");
        var offsite = threads.GetProperty("threads").EnumerateArray().Single(t => t.GetProperty("subject").GetString() == "Budget numbers for the offsite");
        var messageId = offsite.GetProperty("messageId").GetString()!;
        using var created = await client.PostAsJsonAsync("/api/reminders", new { messageId, afterHours = 24 });
        var reminderId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        await host.Services.GetRequiredService<ReminderFlagQueue>().WhenIdleAsync(CancellationToken.None);
        host.GraphServer.MarkPublished();
        var counterpart = offsite.GetProperty("counterparts")[0].GetString()!;

        mailbox.Put("inbox", new InMemoryMessage
        {
            Id = "AAMkReply=", InternetMessageId = "<reply@fabrikam.com>", ConversationId = offsite.GetProperty("threadKey").GetString(),
            Subject = "RE: Budget numbers for the offsite", From = new(counterpart), To = [new(SampleMailbox.Address, SampleMailbox.Name)],
            SentDateTime = Now, ReceivedDateTime = Now,
        });
        var posted = await host.GraphServer.PublishChangesAsync();
        await NotificationHost.WaitUntilAsync(() => FlagStatus(mailbox, messageId) == "complete", "the flag completed");
        var reminder = await client.GetFromJsonAsync<JsonElement>($"/api/reminders/{reminderId}");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(1, posted);
        Assert.All(host.GraphServer.Deliveries, d => Assert.Equal(HttpStatusCode.Accepted, d));
        Assert.Equal("resolved", reminder.GetProperty("status").GetString());
    }

    private static string? FlagStatus(InMemoryMailbox mailbox, string id) => mailbox.Find(id)?["flag"]?["flagStatus"]?.GetValue<string>();
}
