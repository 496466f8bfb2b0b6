using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OutlookFollowUp.GraphSimulator;
using OutlookFollowUp.Local;
using OutlookFollowUp.Mail;

namespace OutlookFollowUp.Tests.Mail;

public class OutlookFlagTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task SetFlag_Flagged_SendsStartAndDueInUtc()
    {
        using var rig = new GraphRig();
        rig.Mailbox.Put("inbox", Messages.Message("m1", rig.Now));

        await rig.Writer.SetFlagAsync("m1", OutlookFlag.Flagged(Now, Now.AddHours(48)), CancellationToken.None);

        var flag = rig.Mailbox.Find("m1")!["flag"]!;
        Assert.Equal(
            ("flagged", "2026-11-23T09:00:00", "2026-11-25T09:00:00", "UTC"),
            (Text(flag, "flagStatus"), Text(flag["startDateTime"]!, "dateTime"), Text(flag["dueDateTime"]!, "dateTime"), Text(flag["dueDateTime"]!, "timeZone")));
    }

    [Theory]
    [InlineData(OutlookFlagStatus.Complete, "complete")]
    [InlineData(OutlookFlagStatus.NotFlagged, "notFlagged")]
    public async Task SetFlag_CompleteOrCleared_SendsStatusOnly(OutlookFlagStatus status, string expected)
    {
        using var rig = new GraphRig();
        rig.Mailbox.Put("inbox", Messages.Message("m1", rig.Now));

        await rig.Writer.SetFlagAsync("m1", new OutlookFlag(status), CancellationToken.None);

        Assert.Equal(expected, Text(rig.Mailbox.Find("m1")!["flag"]!, "flagStatus"));
    }

    [Fact]
    public async Task SetFlag_WithReminder_SetsOutlooksReminderInTheSamePatch()
    {
        using var rig = new GraphRig();
        rig.Mailbox.Put("inbox", Messages.Message("m1", rig.Now));
        var at = new DateTimeOffset(2026, 11, 25, 10, 30, 0, TimeSpan.FromHours(1));

        await rig.Writer.SetFlagAsync("m1", OutlookFlag.Flagged(Now, Now.AddHours(48), reminderAt: at), CancellationToken.None);

        Assert.Single(rig.Server.Requests, r => r.Method == HttpMethod.Patch);
        Assert.Equal(
            ("flagged", "true", "2026-11-25T09:30:00Z", "2026-11-25T09:30:00Z"),
            (Text(rig.Mailbox.Find("m1")!["flag"]!, "flagStatus"), Reminder(rig, "m1", "Id 0x8503"), Reminder(rig, "m1", "Id 0x8502"), Reminder(rig, "m1", "Id 0x8560")));
    }

    [Theory]
    [InlineData(OutlookFlagStatus.Complete, "complete")]
    [InlineData(OutlookFlagStatus.NotFlagged, "notFlagged")]
    public async Task SetFlag_CompleteOrCleared_TurnsOutlooksReminderOff(OutlookFlagStatus status, string expected)
    {
        using var rig = new GraphRig();
        rig.Mailbox.Put("inbox", Messages.Message("m1", rig.Now));
        await rig.Writer.SetFlagAsync("m1", OutlookFlag.Flagged(Now, Now.AddHours(48), reminderAt: Now.AddHours(48)), CancellationToken.None);

        await rig.Writer.SetFlagAsync("m1", new OutlookFlag(status), CancellationToken.None);

        Assert.Equal((expected, "false"), (Text(rig.Mailbox.Find("m1")!["flag"]!, "flagStatus"), Reminder(rig, "m1", "Id 0x8503")));
    }

    [Fact]
    public async Task SetFlag_WithoutReminder_LeavesTheReminderPropertiesAlone()
    {
        using var rig = new GraphRig();
        rig.Mailbox.Put("inbox", Messages.Message("m1", rig.Now));

        await rig.Writer.SetFlagAsync("m1", OutlookFlag.Flagged(Now, Now.AddHours(48)), CancellationToken.None);

        Assert.Null(Reminder(rig, "m1", "Id 0x8503"));
    }

    [Fact]
    public async Task ReminderProperties_ReadBackThroughGraph_AsGraphSpellsThem()
    {
        using var rig = new GraphRig();
        rig.Mailbox.Put("inbox", Messages.Message("m1", rig.Now));
        await rig.Writer.SetFlagAsync("m1", OutlookFlag.Flagged(Now, Now.AddHours(24), reminderAt: Now.AddHours(24)), CancellationToken.None);
        using var client = new HttpClient(rig.Server, disposeHandler: false);
        using var request = new HttpRequestMessage(HttpMethod.Get,
            "https://graph.microsoft.com/v1.0/me/messages?$filter=conversationId eq 'conv-m1'&$select=flag"
            + "&$expand=singleValueExtendedProperties($filter=id eq 'Boolean {00062008-0000-0000-C000-000000000046} Id 0x8503'"
            + " or id eq 'SystemTime {00062008-0000-0000-C000-000000000046} Id 0x8502')");
        request.Headers.Add("Prefer", "IdType=\"ImmutableId\"");

        using var response = await client.SendAsync(request);
        var message = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["value"]![0]!;

        Assert.Equal(
            ["Boolean {00062008-0000-0000-c000-000000000046} Id 0x8503=true", "SystemTime {00062008-0000-0000-c000-000000000046} Id 0x8502=2026-11-24T09:00:00Z"],
            message["singleValueExtendedProperties"]!.AsArray().Select(p => $"{p!["id"]}={p["value"]}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task InMemoryGraph_ReminderValueOfTheWrongType_Is400LikeGraph()
    {
        using var handler = new InMemoryGraphHandler(new InMemoryMailbox("me@contoso.com"));
        handler.Mailbox.Put("inbox", Messages.Message("m1", Now));
        using var client = new HttpClient(handler);
        using var request = new HttpRequestMessage(HttpMethod.Patch, "https://graph.microsoft.com/v1.0/me/messages/m1")
        {
            Content = JsonContent.Create(new { singleValueExtendedProperties = new[] { new { id = "Boolean {00062008-0000-0000-C000-000000000046} Id 0x8503", value = "yes" } } }),
        };
        request.Headers.Add("Prefer", "IdType=\"ImmutableId\"");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(handler.Mailbox.Find("m1")!["singleValueExtendedProperties"]!.AsArray().FirstOrDefault(p => p!["id"]!.ToString().Contains("0x8503", StringComparison.Ordinal)));
    }

    [Fact]
    public void Flagged_DueBeforeStart_IsClampedToStart() =>
        Assert.Equal(Now, OutlookFlag.Flagged(Now, Now.AddHours(-5)).Due);

    [Fact]
    public async Task InMemoryGraph_DueWithoutStart_Is400LikeGraph()
    {
        using var handler = new InMemoryGraphHandler(new InMemoryMailbox("me@contoso.com"));
        handler.Mailbox.Put("inbox", Messages.Message("m1", Now));
        using var client = new HttpClient(handler);
        using var request = new HttpRequestMessage(HttpMethod.Patch, "https://graph.microsoft.com/v1.0/me/messages/m1")
        {
            Content = JsonContent.Create(new { flag = new { flagStatus = "flagged", dueDateTime = new { dateTime = "2026-11-25T09:00:00", timeZone = "UTC" } } }),
        };
        request.Headers.Add("Prefer", "IdType=\"ImmutableId\"");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(handler.Mailbox.Find("m1")!["flag"]);
    }

    [Fact]
    public async Task Reminder_FlagsTheMessage_DoneCompletesIt_DeleteClearsIt()
    {
        var mailbox = SampleMailbox.Create(Now);
        using var host = new LocalApiHost(mailbox, Now);
        using var client = host.CreateClient();
        var offsite = (await host.ThreadsAsync()).Threads.Single(t => t.Subject == "Budget numbers for the offsite");

        var flags = host.Services.GetRequiredService<OutlookFollowUp.Reminders.ReminderFlagQueue>(); // flags are set after the response
        var id = await Create(client, offsite.MessageId, afterHours: 48);
        await flags.WhenIdleAsync(CancellationToken.None);
        var flagged = mailbox.Find(offsite.MessageId)!["flag"]!;
        (await client.PostAsJsonAsync($"/api/reminders/{id}/done", new { })).EnsureSuccessStatusCode();
        await flags.WhenIdleAsync(CancellationToken.None);
        var done = Text(mailbox.Find(offsite.MessageId)!["flag"]!, "flagStatus");
        (await client.DeleteAsync(new Uri($"/api/reminders/{id}", UriKind.Relative))).EnsureSuccessStatusCode();
        await flags.WhenIdleAsync(CancellationToken.None);

        Assert.Equal(("flagged", "2026-11-25T09:00:00"), (Text(flagged, "flagStatus"), Text(flagged["dueDateTime"]!, "dateTime")));
        Assert.Equal(("complete", "notFlagged"), (done, Text(mailbox.Find(offsite.MessageId)!["flag"]!, "flagStatus")));
    }

    [Fact]
    public async Task Reminder_WithFlagsTurnedOff_LeavesTheMessageAlone()
    {
        var mailbox = SampleMailbox.Create(Now);
        using var host = new LocalApiHost(mailbox, Now);
        using var client = host.CreateClient();
        var settings = await client.GetFromJsonAsync<JsonObject>("/api/settings");
        settings!["setOutlookFlags"] = false;
        foreach (var readOnly in settings.Where(p => p.Key is not ("windowHours" or "businessDays" or "timeZone" or "lookbackDays" or "excludedSenders" or "excludedDomains" or "setOutlookFlags")).Select(p => p.Key).ToList())
        {
            settings.Remove(readOnly);
        }

        (await client.PutAsJsonAsync("/api/settings", settings)).EnsureSuccessStatusCode();
        var offsite = (await host.ThreadsAsync()).Threads.Single(t => t.Subject == "Budget numbers for the offsite");

        await Create(client, offsite.MessageId, afterHours: 24);
        await host.Services.GetRequiredService<OutlookFollowUp.Reminders.ReminderFlagQueue>().WhenIdleAsync(CancellationToken.None);

        Assert.Null(mailbox.Find(offsite.MessageId)!["flag"]);
        Assert.DoesNotContain(host.Graph.Requests, r => r.Method == HttpMethod.Patch);
    }

    private static async Task<string> Create(HttpClient client, string messageId, int afterHours)
    {
        using var response = await client.PostAsJsonAsync("/api/reminders", new { messageId, afterHours });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private static string? Text(JsonNode node, string name) => node[name]?.GetValue<string>();

    /// <summary>One of Outlook's reminder properties (PSETID_Common) on the stored message, by its "Id 0x…" part.</summary>
    private static string? Reminder(GraphRig rig, string messageId, string idPart) =>
        (rig.Mailbox.Find(messageId)!["singleValueExtendedProperties"] as JsonArray ?? [])
            .FirstOrDefault(p => p!["id"]!.GetValue<string>().Contains("{00062008-0000-0000-c000-000000000046}", StringComparison.OrdinalIgnoreCase)
                && p["id"]!.GetValue<string>().EndsWith(idPart, StringComparison.OrdinalIgnoreCase))?["value"]?.GetValue<string>();
}
