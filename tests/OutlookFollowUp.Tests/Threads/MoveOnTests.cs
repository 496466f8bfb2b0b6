using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OutlookFollowUp.GraphSimulator;
using static OutlookFollowUp.Tests.Threads.LadderMailbox;

namespace OutlookFollowUp.Tests.Threads;

/// <summary>"Move on": POST /api/threads/{threadKey}/dismiss with reason "moved_on" and a note.</summary>
public sealed class MoveOnTests
{
    [Fact]
    public async Task MoveOn_ClosesTheThreadWithItsNote_UntilANewMessageArrives()
    {
        var mailbox = Create();
        using var host = new LocalApiHost(mailbox, Now);
        using var client = host.CreateClient();
        var key = (await RowAsync(client, "Ladder")).GetProperty("threadKey").GetString()!;

        using var response = await DismissAsync(client, key, """{"reason":"moved_on","note":"Asked three times; calling Ana instead."}""");

        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((HttpStatusCode.OK, "moved_on", "Asked three times; calling Ana instead."),
            (response.StatusCode, body.GetProperty("reason").GetString(), body.GetProperty("note").GetString()));
        Assert.DoesNotContain(key, await KeysAsync(client));

        mailbox.Put("inbox", new InMemoryMessage
        {
            Id = "AAMkLadderAnswer=",
            InternetMessageId = "<ladder-answer@fabrikam.com>",
            ConversationId = "AAQkLadder-ladder=",
            Subject = "RE: Ladder",
            From = Ana,
            To = [new InMemoryAddress(Me)],
            SentDateTime = Now.AddHours(-60),
            ReceivedDateTime = Now.AddHours(-60),
            ExtendedProperties = new Dictionary<string, string> { ["String 0x001A"] = "IPM.Note" },
        });
        await host.SyncAsync();

        var back = await RowAsync(client, "Ladder");
        Assert.Equal(("mine", 0), (back.GetProperty("direction").GetString(), back.GetProperty("nudges").GetInt32()));
    }

    [Fact]
    public async Task NoBody_IsAPlainDismissal_AsBefore()
    {
        using var host = new LocalApiHost(Create(), Now);
        using var client = host.CreateClient();
        var key = (await RowAsync(client, "Single")).GetProperty("threadKey").GetString()!;

        using var response = await client.PostAsync(new Uri($"/api/threads/{Uri.EscapeDataString(key)}/dismiss", UriKind.Relative), content: null);

        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((HttpStatusCode.OK, "dismissed", false), (response.StatusCode, body.GetProperty("reason").GetString(), body.TryGetProperty("note", out var note) && note.ValueKind != JsonValueKind.Null));
        Assert.DoesNotContain(key, await KeysAsync(client));
    }

    [Fact]
    public async Task MoveOn_UnknownThread_Is404()
    {
        using var host = new LocalApiHost(Create(), Now);
        using var client = host.CreateClient();

        using var response = await DismissAsync(client, "AAQkLadder-nope=", """{"reason":"moved_on"}""");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    internal static Task<HttpResponseMessage> DismissAsync(HttpClient client, string threadKey, string json) =>
        client.PostAsync(new Uri($"/api/threads/{Uri.EscapeDataString(threadKey)}/dismiss", UriKind.Relative),
            new StringContent(json, Encoding.UTF8, "application/json"));
}

/// <summary>Bad move-on bodies: 400 ValidationProblem naming the field, and the thread stays listed.</summary>
public sealed class MoveOnRefusalTests(LadderHost host) : IClassFixture<LadderHost>
{
    [Theory]
    [InlineData("""{"reason":"gave_up"}""", "reason")]
    [InlineData("""{"reason":"MOVED_ON"}""", "reason")]
    [InlineData("""{"reason":"moved_on","note":"LONG"}""", "note")]
    [InlineData("""{"reason":"moved_on","note":"bell\u0007"}""", "note")]
    [InlineData("""{"reason":"moved_on","note":"\u202Eevil"}""", "note")]
    [InlineData("""{"note":"a note needs moved_on"}""", "note")]
    [InlineData("""{"reason":"moved_on","note":42}""", "note")]
    [InlineData("""{"reason":"moved_on","mood":"sad"}""", "mood")]
    [InlineData("""{"reason":""", "body")]
    public async Task BadBody_Is400ValidationProblem_AndTheThreadStaysListed(string json, string field)
    {
        var key = (await RowAsync(host.Client, "Ladder")).GetProperty("threadKey").GetString()!;
        json = json.Replace("LONG", new string('n', 501), StringComparison.Ordinal);

        using var response = await MoveOnTests.DismissAsync(host.Client, key, json);

        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((HttpStatusCode.BadRequest, "application/problem+json"), (response.StatusCode, response.Content.Headers.ContentType?.MediaType));
        Assert.True(field == "body" || problem.GetProperty("errors").TryGetProperty(field, out _), problem.GetRawText());
        Assert.Contains(key, await KeysAsync(host.Client));
    }

    [Fact]
    public async Task ANoteOf500Characters_IsAccepted()
    {
        var key = (await RowAsync(host.Client, "Twice")).GetProperty("threadKey").GetString()!;

        using var response = await MoveOnTests.DismissAsync(host.Client, key, $$"""{"reason":"moved_on","note":"{{new string('n', 500)}}"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var undo = await host.Client.DeleteAsync(new Uri($"/api/threads/{Uri.EscapeDataString(key)}/dismiss", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NoContent, undo.StatusCode);
    }
}
