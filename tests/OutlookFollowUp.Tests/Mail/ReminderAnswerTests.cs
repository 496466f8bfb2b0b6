using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OutlookFollowUp.GraphSimulator;
using OutlookFollowUp.Local;
using OutlookFollowUp.Reminders;

namespace OutlookFollowUp.Tests.Mail;

/// <summary>What POST /api/reminders answers beyond "created": a new time, a resolved reminder, an unknown message, a missing permission.</summary>
public class ReminderAnswerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task SecondReminder_WithANewTime_MovesTheOpenOne()
    {
        using var host = new LocalApiHost(SampleMailbox.Create(Now), Now);
        using var client = host.CreateClient();
        var offsite = (await host.ThreadsAsync()).Threads.Single(t => t.Subject == "Budget numbers for the offsite");

        var (firstStatus, first) = await Post(client, new { messageId = offsite.MessageId, afterHours = 24 });
        var (secondStatus, second) = await Post(client, new { messageId = offsite.MessageId, afterHours = 48 });
        var list = await client.GetFromJsonAsync<JsonElement>("/api/reminders");

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK), (firstStatus, secondStatus));
        Assert.Equal(first.GetProperty("id").GetString(), second.GetProperty("id").GetString());
        Assert.Equal(Now.AddHours(48), second.GetProperty("remindAt").GetDateTimeOffset());
        Assert.Equal([Now.AddHours(48)], list.GetProperty("reminders").EnumerateArray().Select(r => r.GetProperty("remindAt").GetDateTimeOffset()));
    }

    [Fact]
    public async Task Reminder_OnAMessageAReplyResolved_IsAConflictTheSecondTime()
    {
        using var host = new LocalApiHost(SampleMailbox.Create(Now), Now);
        using var client = host.CreateClient();
        await host.ThreadsAsync();
        const string slides = "AAMkSample004="; // "Slides for Thursday": Dana answered

        var (firstStatus, first) = await Post(client, new { messageId = slides, afterHours = 24 });
        var (secondStatus, second) = await Post(client, new { messageId = slides, afterHours = 48 });

        Assert.Equal((HttpStatusCode.Created, "resolved"), (firstStatus, first.GetProperty("status").GetString()));
        Assert.Equal(HttpStatusCode.Conflict, secondStatus);
        Assert.Contains(first.GetProperty("id").GetString()!, second.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reminder_ForAMessageNotIndexedYet_IsAcceptedAndSaysSo_ThenTheSyncFillsItIn()
    {
        var mailbox = SampleMailbox.Create(Now);
        using var host = new LocalApiHost(mailbox, Now);
        using var client = host.CreateClient();
        await host.ThreadsAsync();
        mailbox.Put("sentitems", new InMemoryMessage
        {
            Id = "AAMkLate=", InternetMessageId = "<late@contoso.com>", ConversationId = "AAQkLate=", Subject = "Sent a minute ago",
            From = new(SampleMailbox.Address, SampleMailbox.Name), To = [new("ana.silva@fabrikam.com", "Ana Silva")],
            SentDateTime = Now.AddMinutes(-1), ReceivedDateTime = Now.AddMinutes(-1),
        });

        var (status, created) = await Post(client, new { messageId = "AAMkLate=", afterHours = 24 });
        await host.SyncAsync();
        var after = await client.GetFromJsonAsync<JsonElement>($"/api/reminders/{created.GetProperty("id").GetString()}");

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal([RemindersApi.NotIndexedYet], created.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()));
        Assert.Equal(("", "Sent a minute ago", "AAQkLate="), (created.GetProperty("subject").GetString(), after.GetProperty("subject").GetString(), after.GetProperty("threadKey").GetString()));
        Assert.False(after.TryGetProperty("warnings", out _));
    }

    [Fact]
    public async Task FlagRefusedWith403_SaysFlagsNeedMailReadWrite_OnTheNextAnswer_Once()
    {
        using var host = new LocalApiHost(SampleMailbox.Create(Now), Now);
        using var client = host.CreateClient();
        var threads = (await host.ThreadsAsync()).Threads;
        var flags = host.Services.GetRequiredService<ReminderFlagQueue>(); // flags are set after the response
        host.Graph.Faults.Next(GraphMatch.Where(r => r.Method == HttpMethod.Patch), Fault.Status(HttpStatusCode.Forbidden), times: 10);

        var (firstStatus, first) = await Post(client, new { messageId = threads[0].MessageId, afterHours = 24 });
        await flags.WhenIdleAsync(CancellationToken.None);
        var (secondStatus, second) = await Post(client, new { messageId = threads[1].MessageId, afterHours = 24 });
        await flags.WhenIdleAsync(CancellationToken.None);
        var (thirdStatus, third) = await Post(client, new { messageId = threads[2].MessageId, afterHours = 24 });
        await flags.WhenIdleAsync(CancellationToken.None);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Created), (firstStatus, secondStatus, thirdStatus));
        Assert.False(first.TryGetProperty("warnings", out _)); // the refused write ran after this answer
        Assert.Equal([ReminderFlags.NeedsReadWrite], second.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()));
        Assert.Contains("Mail.ReadWrite", ReminderFlags.NeedsReadWrite, StringComparison.Ordinal);
        Assert.False(third.TryGetProperty("warnings", out _));
        Assert.Equal(3, host.Graph.Requests.Count(r => r.Method == HttpMethod.Patch));
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> Post(HttpClient client, object body)
    {
        using var response = await client.PostAsJsonAsync("/api/reminders", body);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }
}
