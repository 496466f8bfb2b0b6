using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OutlookFollowUp.GraphSimulator;
using OutlookFollowUp.Local;
using OutlookFollowUp.Mail;
using OutlookFollowUp.Mail.Graph;

namespace OutlookFollowUp.Tests.Mail.Graph;

/// <summary>
/// Graph asking for a longer wait than a request can afford. The SDK's retries (the one retry layer)
/// give up at once with Graph's Retry-After instead of sleeping, and no sync asks Graph again before that wait is over.
/// </summary>
public sealed class RetryBudgetTests
{
    [Fact]
    public async Task A_retry_after_beyond_the_budget_fails_at_once_with_that_retry_after()
    {
        using var rig = new GraphRig(o => o.MaxRetries = 3);
        rig.Server.Faults.Next(GraphMatch.Any, Fault.Throttle(3600), times: 10);
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<MailUnavailableException>(() => rig.Reader.GetMeAsync(CancellationToken.None));

        Assert.Equal((MailUnavailableReason.Throttled, TimeSpan.FromSeconds(3600), 1), (error.Reason, error.RetryAfter, rig.Server.Requests.Count));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task A_first_open_throttled_for_an_hour_answers_503_and_graph_is_not_asked_again_until_the_hour_is_over()
    {
        var graph = new InMemoryGraphHandler(SampleMailbox.Create(ApiApplication.Start));
        graph.Faults.Always(GraphMatch.Any, Fault.Throttle(3600));
        using var app = new ApiApplication
        {
            Local = true,
            TestServices = services => services.AddHttpClient(GraphHttp.ClientName).ConfigurePrimaryHttpMessageHandler(() => graph),
        };
        using var client = app.CreateClient(token: null);

        using var first = await client.GetAsync("/api/threads");
        var asked = graph.Faults.Applied;
        app.Time.Advance(TimeSpan.FromMinutes(10));
        using var second = await client.GetAsync("/api/threads");

        Assert.Equal((HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(3600)), (first.StatusCode, first.Headers.RetryAfter?.Delta));
        Assert.Equal((HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(3000)), (second.StatusCode, second.Headers.RetryAfter?.Delta));
        Assert.Equal(asked, graph.Faults.Applied); // the second open did not call Graph

        graph.Faults.Clear(); // the hour is over
        app.Time.Advance(TimeSpan.FromMinutes(51));
        using var third = await client.GetAsync("/api/threads");
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
    }
}
