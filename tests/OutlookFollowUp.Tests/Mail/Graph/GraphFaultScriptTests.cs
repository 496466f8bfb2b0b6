using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OutlookFollowUp.GraphSimulator;
using OutlookFollowUp.Mail.Graph;

namespace OutlookFollowUp.Tests.Mail.Graph;

/// <summary>The Graph simulator's fault script over plain HTTP: what each fault answers, for which calls, how many times.</summary>
public sealed class GraphFaultScriptTests : IDisposable
{
    private readonly InMemoryGraphHandler _graph = new(new InMemoryMailbox("me@contoso.com"));
    private readonly HttpClient _http;

    public GraphFaultScriptTests()
    {
        _http = new HttpClient(_graph) { BaseAddress = new Uri("https://graph.microsoft.com/v1.0/") };
        _http.DefaultRequestHeaders.Add("Prefer", GraphQuery.ImmutableIdPreference);
    }

    public void Dispose()
    {
        _http.Dispose();
        Assert.Empty(_graph.Problems);
    }

    [Fact]
    public async Task A_throttle_answers_429_with_graphs_error_and_retry_after_for_its_count_then_the_mailbox_answers()
    {
        _graph.Faults.Next(GraphMatch.Url("mailboxSettings"), Fault.Throttle(7), times: 2);

        using var first = await _http.GetAsync("me/mailboxSettings");
        using var second = await _http.GetAsync("me/mailboxSettings");
        using var third = await _http.GetAsync("me/mailboxSettings");
        using var other = await _http.GetAsync("me");

        Assert.Equal((HttpStatusCode.TooManyRequests, TimeSpan.FromSeconds(7)), (first.StatusCode, first.Headers.RetryAfter?.Delta));
        Assert.Equal("TooManyRequests", (string?)JsonNode.Parse(await first.Content.ReadAsStringAsync())!["error"]!["code"]);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (third.StatusCode, other.StatusCode));
        Assert.Equal((2, 4), (_graph.Faults.Applied, _graph.Requests.Count));
    }

    [Fact]
    public async Task A_throttled_batch_part_has_its_own_status_and_retry_after_and_the_other_parts_stand()
    {
        _graph.Faults.Next(GraphMatch.Part("mailboxSettings"), Fault.Throttle(5));

        var answers = await BatchAsync("me", "me/mailboxSettings");

        Assert.Equal(200, (int)answers["1"]!["status"]!);
        Assert.Equal(429, (int)answers["2"]!["status"]!);
        Assert.Equal("5", (string?)answers["2"]!["headers"]!["Retry-After"]);
        Assert.Equal("TooManyRequests", (string?)answers["2"]!["body"]!["error"]!["code"]);
        Assert.Single(_graph.Requests); // one POST: the batch itself was not faulted
    }

    [Fact]
    public async Task A_malformed_batch_part_comes_base64_encoded_as_graph_sends_a_body_that_is_not_json()
    {
        _graph.Faults.Next(GraphMatch.Part("mailboxSettings"), Fault.Malformed());

        var answers = await BatchAsync("me", "me/mailboxSettings");

        var body = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String((string)answers["2"]!["body"]!));
        Assert.Equal((200, 200), ((int)answers["1"]!["status"]!, (int)answers["2"]!["status"]!));
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => JsonNode.Parse(body));
        Assert.Equal("me@contoso.com", (string?)answers["1"]!["body"]!["mail"]);
    }

    [Fact]
    public async Task A_path_fault_reaches_the_resource_alone_or_as_a_batch_part_and_no_other()
    {
        _graph.Faults.Next(GraphMatch.Path("me/mailboxSettings", HttpMethod.Get), Fault.Unavailable(1), times: 2);

        using var alone = await _http.GetAsync("me/mailboxSettings");
        var answers = await BatchAsync("me", "me/mailboxSettings");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, alone.StatusCode);
        Assert.Equal((200, 503), ((int)answers["1"]!["status"]!, (int)answers["2"]!["status"]!));
        Assert.Equal(2, _graph.Faults.Applied);
    }

    [Fact]
    public async Task Rules_apply_in_the_order_they_were_scripted_and_clear_leaves_graph_well()
    {
        _graph.Faults.Next(GraphMatch.Any, Fault.Unavailable());
        _graph.Faults.Next(GraphMatch.Any, Fault.Status(HttpStatusCode.Forbidden));
        _graph.Faults.Always(GraphMatch.Url("mailboxSettings"), Fault.Body("<html>gateway</html>", "text/html", HttpStatusCode.BadGateway));

        using var first = await _http.GetAsync("me");
        using var second = await _http.GetAsync("me");
        using var third = await _http.GetAsync("me");
        using var gateway = await _http.GetAsync("me/mailboxSettings");
        _graph.Faults.Clear();
        using var settings = await _http.GetAsync("me/mailboxSettings");

        Assert.Equal(
            [HttpStatusCode.ServiceUnavailable, HttpStatusCode.Forbidden, HttpStatusCode.OK, HttpStatusCode.BadGateway, HttpStatusCode.OK],
            [first.StatusCode, second.StatusCode, third.StatusCode, gateway.StatusCode, settings.StatusCode]);
        Assert.Equal("ErrorAccessDenied", (string?)JsonNode.Parse(await second.Content.ReadAsStringAsync())!["error"]!["code"]);
        Assert.Equal("<html>gateway</html>", await gateway.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_hang_lasts_until_the_caller_gives_up_and_latency_answers_late()
    {
        _graph.Faults.Next(GraphMatch.Any, Fault.Hang);
        _graph.Faults.Next(GraphMatch.Any, Fault.Latency(TimeSpan.FromMilliseconds(150)));

        using var giveUp = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _http.GetAsync("me", giveUp.Token));
        var clock = Stopwatch.StartNew();
        using var late = await _http.GetAsync("me");

        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(140), $"answered after {clock.Elapsed.TotalMilliseconds} ms");
    }

    [Fact]
    public void Faults_that_cannot_happen_there_are_refused_when_scripted()
    {
        Assert.Throws<ArgumentException>(() => _graph.Faults.Next(GraphMatch.Part("me"), Fault.Hang)); // a part has no connection of its own
        Assert.Throws<ArgumentException>(() => _graph.Faults.Next(GraphMatch.Path("me/chats"), Fault.Latency(TimeSpan.FromSeconds(1))));
        Assert.Throws<ArgumentException>(() => _graph.Faults.Next(GraphMatch.Notifications, Fault.Throttle()));
        Assert.Throws<ArgumentException>(() => _graph.Faults.Next(GraphMatch.Any, Fault.Drop));
        Assert.Throws<ArgumentOutOfRangeException>(() => _graph.Faults.Next(GraphMatch.Any, Fault.Throttle(), times: 0));
    }

    /// <summary>One JSON batch of GETs, ids "1", "2", …; its answers by id.</summary>
    private async Task<Dictionary<string, JsonNode?>> BatchAsync(params string[] urls)
    {
        var requests = new JsonArray([.. urls.Select((url, i) => new JsonObject
        {
            ["id"] = $"{i + 1}",
            ["method"] = "GET",
            ["url"] = "/" + url,
            ["headers"] = new JsonObject { ["Prefer"] = GraphQuery.ImmutableIdPreference },
        })]);
        using var response = await _http.PostAsJsonAsync("$batch", new JsonObject { ["requests"] = requests });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answers = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["responses"]!.AsArray();
        return answers.ToDictionary(a => (string)a!["id"]!, a => a);
    }
}
