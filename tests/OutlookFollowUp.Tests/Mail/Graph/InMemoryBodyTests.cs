using System.Text.Json.Nodes;
using OutlookFollowUp.GraphSimulator;
using OutlookFollowUp.Mail.Graph;

namespace OutlookFollowUp.Tests.Mail.Graph;

/// <summary>
/// What the in-memory Graph serves of a message's text, as Graph does: bodyPreview (the body's first 255 characters,
/// whitespace collapsed) and inferenceClassification with delta, uniqueBody one message at a time (alone or in a
/// <c>$batch</c>), as HTML unless the request prefers text; a message with no body answers an empty one.
/// </summary>
public sealed class InMemoryBodyTests : IDisposable
{
    private const string Quoted = "Can we move the review to Thursday?\n\nThanks,\nAna\n\nOn Mon, Nov 16, 2026 at 9:00 AM Alex Wilber wrote:\n> Here is the agenda.";
    private const string TextPreference = "outlook.body-content-type=\"text\"";

    private readonly InMemoryMailbox _mailbox = new("me@contoso.com");
    private readonly HttpClient _http;

    public InMemoryBodyTests()
    {
        _http = new HttpClient(new InMemoryGraphHandler(_mailbox)) { BaseAddress = new Uri("https://graph.microsoft.com/v1.0/") };
        _http.DefaultRequestHeaders.Add("Prefer", GraphQuery.ImmutableIdPreference);
        _mailbox.Put(GraphQuery.Inbox, Messages.Message("AAMk-quoted=", DateTimeOffset.UtcNow) with
        {
            Body = Quoted,
            UniqueBody = "Can we move the review to Thursday?\n\nThanks,\nAna",
            InferenceClassification = "other",
        });
        _mailbox.Put(GraphQuery.Inbox, Messages.Message("AAMk-long=", DateTimeOffset.UtcNow) with { Body = string.Join("\n", Enumerable.Repeat("One more line of the status report.", 12)) });
        _mailbox.Put(GraphQuery.Inbox, Messages.Message("AAMk-empty=", DateTimeOffset.UtcNow));
    }

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task Delta_serves_the_preview_whitespace_collapsed_and_cut_at_255_and_the_focused_inbox_verdict()
    {
        var page = JsonNode.Parse(await _http.GetStringAsync("me/mailFolders/inbox/messages/delta?$select=bodyPreview,inferenceClassification"))!;
        var byId = page["value"]!.AsArray().ToDictionary(m => (string)m!["id"]!, m => m!.AsObject());

        Assert.Equal("Can we move the review to Thursday? Thanks, Ana On Mon, Nov 16, 2026 at 9:00 AM Alex Wilber wrote: > Here is the agenda.", (string?)byId["AAMk-quoted="]["bodyPreview"]);
        Assert.Equal("other", (string?)byId["AAMk-quoted="]["inferenceClassification"]);
        Assert.Equal(255, ((string?)byId["AAMk-long="]["bodyPreview"])!.Length);
        Assert.Equal(("", "focused"), ((string?)byId["AAMk-empty="]["bodyPreview"], (string?)byId["AAMk-empty="]["inferenceClassification"]));
        Assert.All(byId.Values, m => Assert.False(m.ContainsKey("uniqueBody") || m.ContainsKey("body")));
    }

    [Fact]
    public async Task UniqueBody_is_the_new_part_as_text_when_preferred()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "me/messages/AAMk-quoted=?$select=uniqueBody");
        request.Headers.Add("Prefer", TextPreference);

        var body = await Send(request);

        Assert.Equal(("text", "Can we move the review to Thursday?\n\nThanks,\nAna"), ((string?)body["uniqueBody"]!["contentType"], (string?)body["uniqueBody"]!["content"]));
    }

    [Fact]
    public async Task UniqueBody_is_html_unless_text_is_preferred()
    {
        var body = await Send(new HttpRequestMessage(HttpMethod.Get, "me/messages/AAMk-quoted=?$select=uniqueBody"));

        Assert.Equal("html", (string?)body["uniqueBody"]!["contentType"]);
        Assert.Contains("<div>Can we move the review to Thursday?</div>", (string?)body["uniqueBody"]!["content"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_without_a_body_answers_an_empty_one()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "me/messages/AAMk-empty=?$select=uniqueBody");
        request.Headers.Add("Prefer", TextPreference);

        var body = await Send(request);

        Assert.Equal("", (string?)body["uniqueBody"]!["content"]);
    }

    [Fact]
    public async Task A_batch_part_prefers_text_with_its_own_header()
    {
        var batch = new JsonObject
        {
            ["requests"] = new JsonArray(
                new JsonObject
                {
                    ["id"] = "1", ["method"] = "GET", ["url"] = "/me/messages/AAMk-quoted=?$select=uniqueBody",
                    ["headers"] = new JsonObject { ["Prefer"] = $"{GraphQuery.ImmutableIdPreference}, {TextPreference}" },
                },
                new JsonObject { ["id"] = "2", ["method"] = "GET", ["url"] = "/me/messages/AAMk-quoted=?$select=uniqueBody" }),
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "$batch") { Content = new StringContent(batch.ToJsonString(), System.Text.Encoding.UTF8, "application/json") };

        var answers = (await Send(request))["responses"]!.AsArray().ToDictionary(r => (string)r!["id"]!, r => r!["body"]!["uniqueBody"]!);

        Assert.Equal(("text", "html"), ((string?)answers["1"]["contentType"], (string?)answers["2"]["contentType"]));
    }

    private async Task<JsonNode> Send(HttpRequestMessage request)
    {
        using (request)
        {
            using var response = await _http.SendAsync(request);
            response.EnsureSuccessStatusCode();
            return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        }
    }
}
