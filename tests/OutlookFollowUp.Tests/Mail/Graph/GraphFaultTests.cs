using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OutlookFollowUp.GraphSimulator;
using OutlookFollowUp.Local;
using OutlookFollowUp.Mail.Graph;
using OutlookFollowUp.Reminders;
using Xunit.Abstractions;

namespace OutlookFollowUp.Tests.Mail.Graph;

/// <summary>
/// The fault-injection suite: every route that calls Graph, against a Graph that throttles (1 s and 3600 s
/// Retry-After), fails, times out, hangs, resets the connection, or answers garbage. Each answer is the expected status
/// with a ProblemDetails body (a 503 always carries Retry-After; garbage and refusals are 502), never another 5xx, and
/// comes within 10 s. Real clock: the SDK's retries sleep for real, and the budget and timeouts must really fire.
/// </summary>
public sealed class GraphFaultTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    /// <summary>What a misbehaving Graph (or the network in front of it) does to every request, by the name a case shows.</summary>
    private static readonly Dictionary<string, Fault> Catalog = new()
    {
        ["Throttled1s"] = Fault.Throttle(1),
        ["Throttled3600s"] = Fault.Throttle(3600),
        ["Unavailable"] = Fault.Unavailable(),
        ["Timeout"] = Fault.TimedOut,
        ["Hang"] = Fault.Hang,
        ["Reset"] = Fault.Reset,
        ["Malformed"] = Fault.Malformed(),
        ["Truncated"] = Fault.Body("""{"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#users('me')/messages","value":[{"id":"AAMkAGI2","subj"""),
        ["Html"] = Fault.Body("<!DOCTYPE html><html><body><h1>Sign in to continue</h1></body></html>", "text/html"),
        ["Empty"] = Fault.Body(""),
        ["BadRequest"] = Fault.Status(HttpStatusCode.BadRequest),
        ["Unauthorized"] = Fault.Status(HttpStatusCode.Unauthorized),
        ["Forbidden"] = Fault.Status(HttpStatusCode.Forbidden),
        ["Gone"] = Fault.Status(HttpStatusCode.Gone),
    };

    public static TheoryData<string> Faults => [.. Catalog.Keys];

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task A_first_open_answers_a_problem_within_10_s(string fault)
    {
        var stats = new FaultStats(fault);
        using var app = Host(out var graph);
        using var client = app.CreateClient(token: null);
        graph.Faults.Always(GraphMatch.Any, Catalog[fault]);

        using var response = await stats.SendAsync("GET /api/threads (cold)", () => client.GetAsync("/api/threads"));

        output.WriteLine(stats.Summary(graph));
        await AssertProblemAsync(response, ColdStatus(fault), fault);
        stats.AssertWithinLimit();
    }

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task Every_route_that_calls_graph_answers_within_10_s_without_a_bare_5xx(string fault)
    {
        var stats = new FaultStats(fault);
        using var app = Host(out var graph);
        using var client = app.CreateClient(token: null);
        var thread = (await client.GetFromJsonAsync<JsonElement>("/api/threads")).GetProperty("threads")[0];
        var key = thread.GetProperty("threadKey").GetString()!;
        var messageId = thread.GetProperty("messageId").GetString()!;
        graph.Faults.Always(GraphMatch.Any, Catalog[fault]);

        using (var warm = await stats.SendAsync("GET /api/threads (warm)", () => client.GetAsync("/api/threads")))
        {
            Assert.Equal(HttpStatusCode.OK, warm.StatusCode);
        }

        using (var sync = await stats.SendAsync("POST /api/threads/sync", () => client.PostAsync("/api/threads/sync", null)))
        {
            Assert.Equal(HttpStatusCode.OK, sync.StatusCode);
            Assert.True((await sync.ReadJsonAsync()).GetProperty("stale").GetBoolean(), "a sync that failed says the list is stale");
        }

        using (var draft = await stats.SendAsync("POST /api/threads/{key}/draft", () =>
            client.PostAsJsonAsync($"/api/threads/{Uri.EscapeDataString(key)}/draft", new { messageId, comment = "Any news?" })))
        {
            await AssertProblemAsync(draft, DraftStatus(fault), fault);
        }

        string id;
        using (var created = await stats.SendAsync("POST /api/reminders", () => client.PostAsJsonAsync("/api/reminders", new { messageId, afterHours = 24 })))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            id = (await created.ReadJsonAsync()).GetProperty("id").GetString()!;
        }

        using (var snoozed = await stats.SendAsync("PATCH /api/reminders/{id}", () => client.PatchAsJsonAsync($"/api/reminders/{id}", new { remindAt = DateTimeOffset.UtcNow.AddDays(3) })))
        {
            Assert.Equal(HttpStatusCode.OK, snoozed.StatusCode);
        }

        using (var done = await stats.SendAsync("POST /api/reminders/{id}/done", () => client.PostAsJsonAsync($"/api/reminders/{id}/done", new { })))
        {
            Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        }

        using (var deleted = await stats.SendAsync("DELETE /api/reminders/{id}", () => client.DeleteAsync(new Uri($"/api/reminders/{id}", UriKind.Relative))))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        if (fault != "Hang")
        {
            // The flag writes ran after the responses, failed, and were logged; none is left waiting.
            await app.Services.GetRequiredService<ReminderFlagQueue>().WhenIdleAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
        }

        output.WriteLine(stats.Summary(graph));
        Assert.True(graph.Faults.Applied > 0, "the fault was never injected");
        stats.AssertWithinLimit();
    }

    /// <summary>A first open has nothing to show: 503 with Retry-After, unless the user or an admin must act.</summary>
    private static HttpStatusCode ColdStatus(string fault) => fault switch
    {
        "Unauthorized" => HttpStatusCode.Unauthorized,
        "Forbidden" => HttpStatusCode.Forbidden,
        _ => HttpStatusCode.ServiceUnavailable,
    };

    private static HttpStatusCode DraftStatus(string fault) => fault switch
    {
        "Throttled1s" or "Throttled3600s" or "Unavailable" or "Timeout" or "Hang" or "Reset" => HttpStatusCode.ServiceUnavailable,
        "Unauthorized" => HttpStatusCode.Unauthorized,
        "Forbidden" => HttpStatusCode.Forbidden,
        "Gone" => HttpStatusCode.NotFound,
        _ => HttpStatusCode.BadGateway,
    };

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode expected, string fault)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{fault}: expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonSerializer.Deserialize<JsonElement>(body);
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        Assert.DoesNotContain(Fault.Marker, body, StringComparison.Ordinal); // never Graph's own text
        if (expected == HttpStatusCode.ServiceUnavailable)
        {
            var retryAfter = response.Headers.RetryAfter?.Delta;
            Assert.True(retryAfter > TimeSpan.Zero, $"{fault}: a 503 says when to come back");
            if (fault == "Throttled3600s")
            {
                Assert.Equal(TimeSpan.FromSeconds(3600), retryAfter);
            }
        }
    }

    /// <summary>Local mode over the sample mailbox's Graph simulator, on the real clock; the index refreshes on every read.</summary>
    private static ApiApplication Host(out InMemoryGraphHandler graph)
    {
        var faulty = new InMemoryGraphHandler(SampleMailbox.Create(TimeProvider.System.GetUtcNow()));
        graph = faulty;
        return new ApiApplication
        {
            Local = true,
            // A budget well under the 10 s limit: what is tested is that every route honours it, and a loaded CI machine
            // (2 cores, the whole suite in parallel) can delay timers and the thread pool by seconds.
            Settings = new Dictionary<string, string> { ["Sync:RefreshInterval"] = "00:00:00.001", ["Graph:InteractiveBudget"] = "00:00:04" },
            TestServices = services =>
            {
                services.AddSingleton(TimeProvider.System);
                services.AddHttpClient(GraphHttp.ClientName).ConfigurePrimaryHttpMessageHandler(() => faulty);
            },
        };
    }
}

/// <summary>Requests tried, 5xx seen and the longest wait, for one fault; printed in the test output.</summary>
internal sealed class FaultStats(string fault)
{
    private readonly ConcurrentBag<(string Route, HttpStatusCode Status, TimeSpan Elapsed)> _seen = [];

    public async Task<HttpResponseMessage> SendAsync(string route, Func<Task<HttpResponseMessage>> send)
    {
        var clock = Stopwatch.StartNew();
        var response = await send();
        _seen.Add((route, response.StatusCode, clock.Elapsed));
        return response;
    }

    public string Summary(InMemoryGraphHandler graph)
    {
        var longest = _seen.MaxBy(s => s.Elapsed);
        var fivexx = _seen.Count(s => (int)s.Status >= 500);
        return $"FAULTS {fault}: tried={_seen.Count} 5xx={fivexx} (non-503={_seen.Count(s => (int)s.Status >= 500 && s.Status is not (HttpStatusCode.ServiceUnavailable or HttpStatusCode.BadGateway))}) " +
            $"longest={longest.Elapsed.TotalSeconds:0.00}s ({longest.Route}) graphFaulted={graph.Faults.Applied} | " +
            string.Join("; ", _seen.Select(s => $"{s.Route} {(int)s.Status} {s.Elapsed.TotalSeconds:0.00}s"));
    }

    public void AssertWithinLimit()
    {
        foreach (var (route, status, elapsed) in _seen)
        {
            Assert.True(elapsed <= TimeSpan.FromSeconds(10), $"{fault}: {route} took {elapsed.TotalSeconds:0.0} s");
            Assert.True((int)status < 500 || status is HttpStatusCode.ServiceUnavailable or HttpStatusCode.BadGateway, $"{fault}: {route} answered {(int)status}");
        }
    }
}
