using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using static OutlookFollowUp.Tests.Threads.LadderMailbox;

namespace OutlookFollowUp.Tests.Threads;

/// <summary>POST /api/threads/{threadKey}/draft with onlyWaiting: the nudge goes only to those who have not answered.</summary>
public sealed class OnlyWaitingDraftTests
{
    [Fact]
    public async Task OnlyWaiting_DraftsToThoseWhoHaveNotAnswered_InTheConversation()
    {
        var mailbox = Create();
        using var host = new LocalApiHost(mailbox, Now);
        using var client = host.CreateClient();
        var row = await RowAsync(client, "Offsite");

        using var response = await DraftAsync(client, row, new { messageId = row.GetProperty("messageId").GetString(), comment = "Any news?", onlyWaiting = true });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var draft = mailbox.Find((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("draftId").GetString()!)!;
        Assert.Equal(
            ("bob@tailspin.example,carla@contoso.com,dan@contoso.com", "", "AAQkLadder-offsite=", "Any news?"),
            (Addresses(draft["toRecipients"]), Addresses(draft["ccRecipients"]), (string?)draft["conversationId"], (string?)draft["body"]!["content"]));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(null)]
    public async Task WithoutOnlyWaiting_ItIsTheUsualReplyAll(bool? onlyWaiting)
    {
        var mailbox = Create();
        using var host = new LocalApiHost(mailbox, Now);
        using var client = host.CreateClient();
        var row = await RowAsync(client, "Offsite");

        using var response = await DraftAsync(client, row, new { messageId = row.GetProperty("messageId").GetString(), comment = "Any news?", onlyWaiting });

        var draft = mailbox.Find((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("draftId").GetString()!)!;
        Assert.Equal(("ana@fabrikam.com,bob@tailspin.example", "carla@contoso.com,dan@contoso.com"), (Addresses(draft["toRecipients"]), Addresses(draft["ccRecipients"])));
    }

    internal static Task<HttpResponseMessage> DraftAsync(HttpClient client, JsonElement row, object body) =>
        client.PostAsJsonAsync($"/api/threads/{Uri.EscapeDataString(row.GetProperty("threadKey").GetString()!)}/draft", body);

    private static string Addresses(JsonNode? recipients) =>
        string.Join(',', recipients!.AsArray().Select(r => (string?)r!["emailAddress"]!["address"]));
}

/// <summary>onlyWaiting where it cannot apply, or of the wrong type: 400, and no draft.</summary>
public sealed class OnlyWaitingRefusalTests(LadderHost host) : IClassFixture<LadderHost>
{
    [Theory]
    [InlineData("Single")]
    [InlineData("Question")]
    public async Task OnlyWaiting_NotAGroupThread_Is400ValidationProblem_AndCreatesNothing(string subject)
    {
        var row = await RowAsync(host.Client, subject);

        using var response = await OnlyWaitingDraftTests.DraftAsync(host.Client, row, new { messageId = row.GetProperty("messageId").GetString(), comment = "Any news?", onlyWaiting = true });

        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((HttpStatusCode.BadRequest, "application/problem+json", true, 0),
            (response.StatusCode, response.Content.Headers.ContentType?.MediaType, problem.GetProperty("errors").TryGetProperty("onlyWaiting", out _), host.Mailbox.Count("drafts")));
    }

    [Fact]
    public async Task OnlyWaiting_NotABoolean_Is400ValidationProblem_AndCreatesNothing()
    {
        var row = await RowAsync(host.Client, "Offsite");

        using var response = await OnlyWaitingDraftTests.DraftAsync(host.Client, row, new { messageId = row.GetProperty("messageId").GetString(), comment = "Any news?", onlyWaiting = "yes" });

        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((HttpStatusCode.BadRequest, "application/problem+json", true, 0),
            (response.StatusCode, response.Content.Headers.ContentType?.MediaType, problem.GetProperty("errors").TryGetProperty("onlyWaiting", out _), host.Mailbox.Count("drafts")));
    }
}
