using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OutlookFollowUp.GraphSimulator;
using OutlookFollowUp.Local;
using OutlookFollowUp.Mail.Graph;

namespace OutlookFollowUp.Tests.Threads;

/// <summary>GET /api/threads in local mode over the sample mailbox: paging, reminder state, dismissal, and Graph failing.</summary>
public sealed class ThreadsTests : IDisposable
{
    private readonly InMemoryGraphHandler _graph;
    private readonly ApiApplication _app;
    private readonly HttpClient _client;

    public ThreadsTests()
    {
        _graph = new InMemoryGraphHandler(SampleMailbox.Create(ApiApplication.Start));
        _app = new ApiApplication
        {
            Local = true,
            Settings = new Dictionary<string, string> { ["Graph:MaxRetries"] = "2" },
            TestServices = services =>
            {
                services.AddHttpClient(GraphHttp.ClientName).ConfigurePrimaryHttpMessageHandler(() => _graph);
            },
        };
        _client = _app.CreateClient(token: null);
    }

    public void Dispose() => _app.Dispose();

    /// <summary>Graph throttling, down, or too slow for HttpClient's timeout, on every request.</summary>
    private static Fault Failure(string failure) => failure switch
    {
        "throttling" => Fault.Throttle(0),
        "unavailable" => Fault.Unavailable(0),
        _ => Fault.TimedOut,
    };

    [Fact]
    public async Task Local_mode_lists_the_sample_mailboxs_threads_without_a_token()
    {
        var body = await GetAsync("/api/threads");

        Assert.NotEmpty(body.GetProperty("threads").EnumerateArray());
        Assert.False(body.GetProperty("stale").GetBoolean());
    }

    [Fact]
    public async Task Pages_of_top_threads_follow_each_other_without_gaps_or_repeats()
    {
        var all = Keys(await GetAsync("/api/threads"));
        var paged = new List<string>();
        string? cursor = null;
        do
        {
            var page = await GetAsync("/api/threads?top=2" + (cursor is null ? "" : "&cursor=" + cursor));
            paged.AddRange(Keys(page));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        Assert.Equal(all, paged);
    }

    [Fact]
    public async Task A_dismissed_thread_is_hidden_and_comes_back_on_undo()
    {
        var key = Keys(await GetAsync("/api/threads"))[0];

        using var dismiss = await _client.PostAsync($"/api/threads/{Uri.EscapeDataString(key)}/dismiss", null);
        var hidden = Keys(await GetAsync("/api/threads"));
        using var undo = await _client.DeleteAsync($"/api/threads/{Uri.EscapeDataString(key)}/dismiss");

        Assert.Equal(HttpStatusCode.OK, dismiss.StatusCode);
        Assert.DoesNotContain(key, hidden);
        Assert.Contains(key, Keys(await GetAsync("/api/threads")));
    }

    [Fact]
    public async Task A_thread_with_a_reminder_carries_its_state()
    {
        var thread = (await GetAsync("/api/threads")).GetProperty("threads")[0];
        var created = await _client.PostJsonAsync("/api/reminders", new { messageId = thread.GetProperty("messageId").GetString(), afterHours = 24 }, HttpStatusCode.Created);

        var again = (await GetAsync("/api/threads")).GetProperty("threads").EnumerateArray()
            .Single(t => t.GetProperty("threadKey").GetString() == thread.GetProperty("threadKey").GetString());

        Assert.Equal(created.GetProperty("id").GetString(), again.GetProperty("reminder").GetProperty("id").GetString());
        Assert.Equal("scheduled", again.GetProperty("reminder").GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("throttling")]
    [InlineData("unavailable")]
    [InlineData("timing out")]
    public async Task Graph_failing_mid_request_serves_the_index_marked_stale(string failure)
    {
        var before = Keys(await GetAsync("/api/threads"));
        _graph.Faults.Always(GraphMatch.Any, Failure(failure));

        using var response = await _client.PostAsync("/api/threads/sync", null);
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(body.GetProperty("stale").GetBoolean());
        Assert.Equal(before, Keys(body));
        Assert.True(_graph.Faults.Applied > 0);
    }

    [Theory]
    [InlineData("throttling")]
    [InlineData("timing out")]
    public async Task Graph_failing_before_anything_was_indexed_is_a_503_problem_with_retry_after(string failure)
    {
        _graph.Faults.Always(GraphMatch.Any, Failure(failure));

        using var response = await _client.GetAsync("/api/threads");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/api/threads?top=0")]
    [InlineData("/api/threads?top=201")]
    [InlineData("/api/threads?top=abc")]
    [InlineData("/api/threads?cursor=not*base64")]
    [InlineData("/api/threads?cursor=bm90LWEtY3Vyc29y")]
    [InlineData("/api/threads?direction=sideways")]
    public async Task Bad_paging_or_direction_is_a_400_problem(string path)
    {
        using var response = await _client.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<JsonElement> GetAsync(string path)
    {
        using var response = await _client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    private static List<string> Keys(JsonElement body) =>
        [.. body.GetProperty("threads").EnumerateArray().Select(t => t.GetProperty("threadKey").GetString()!)];
}
