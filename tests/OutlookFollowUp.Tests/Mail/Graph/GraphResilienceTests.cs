using System.Diagnostics;
using System.Net;
using OutlookFollowUp.GraphSimulator;
using OutlookFollowUp.Mail;

namespace OutlookFollowUp.Tests.Mail.Graph;

public sealed class GraphResilienceTests
{
    private static readonly Dictionary<string, string> NoLinks = [];

    [Fact]
    public async Task Throttled_request_is_retried_once_by_the_sdk_after_retry_after()
    {
        using var rig = new GraphRig();
        rig.Server.Faults.Next(GraphMatch.Url("inbox"), Fault.Throttle(1));
        var clock = Stopwatch.StartNew();

        await rig.Reader.SyncAsync(NoLinks, 14, CancellationToken.None);

        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.9), $"retried after {clock.Elapsed}, before Retry-After");
        Assert.Equal(2, rig.Server.Requests.Count(r => r.RetryAttempt is null)); // page requests; the retry is not one
        Assert.Equal(3, rig.Server.Requests.Count); // inbox twice (429, then 200), sent items once
        Assert.Equal(1, rig.Server.Requests[1].RetryAttempt);
        Assert.Equal(3, rig.Factory.CounterFor(GraphRig.MailboxKey).Total);
    }

    [Fact]
    public async Task Persistent_throttling_costs_exactly_one_plus_max_retries_attempts_then_reports_throttled()
    {
        using var rig = new GraphRig(o => o.MaxRetries = 2);
        rig.Server.Faults.Next(GraphMatch.Any, Fault.Throttle(0), times: 100);

        var error = await Assert.ThrowsAsync<MailUnavailableException>(() => rig.Reader.GetMeAsync(CancellationToken.None));

        Assert.Equal(MailUnavailableReason.Throttled, error.Reason);
        Assert.Equal(3, rig.Server.Requests.Count); // no second retry layer multiplying attempts
    }

    [Fact]
    public async Task Service_unavailable_is_retried_and_then_succeeds()
    {
        using var rig = new GraphRig();
        rig.Mailbox.TimeZone = "Pacific Standard Time";
        rig.Server.Faults.Next(GraphMatch.Any, Fault.Unavailable(0));

        var zone = await rig.Reader.GetMailboxTimeZoneAsync(CancellationToken.None);

        Assert.Equal("Pacific Standard Time", zone);
        Assert.Equal(2, rig.Server.Requests.Count);
    }

    [Fact]
    public async Task Slow_response_times_out_as_unavailable()
    {
        using var rig = new GraphRig(o => { o.Timeout = TimeSpan.FromMilliseconds(200); o.MaxRetries = 0; });
        rig.Server.Faults.Next(GraphMatch.Any, Fault.Latency(TimeSpan.FromSeconds(30)));
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<MailUnavailableException>(() => rig.Reader.GetMeAsync(CancellationToken.None));

        Assert.Equal(MailUnavailableReason.Timeout, error.Reason);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Caller_cancellation_is_not_reported_as_a_timeout()
    {
        using var rig = new GraphRig();
        rig.Server.Faults.Next(GraphMatch.Any, Fault.Latency(TimeSpan.FromSeconds(30)));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => rig.Reader.GetMeAsync(cancel.Token));
    }

    [Fact]
    public async Task Malformed_json_is_a_clear_response_exception()
    {
        using var rig = new GraphRig();
        rig.Server.Faults.Next(GraphMatch.Url("inbox"), Fault.Body("""{"value":[{"id":"x","subject": """));

        var error = await Assert.ThrowsAsync<MailResponseException>(() => rig.Reader.SyncAsync(NoLinks, 14, CancellationToken.None));

        Assert.Contains("could not be parsed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Circuit_opens_after_repeated_failures_and_then_fails_fast_without_calling_graph()
    {
        using var rig = new GraphRig(o => { o.MaxRetries = 0; o.CircuitBreakerMinimumThroughput = 3; o.CircuitBreakerFailureRatio = 1.0; });
        rig.Server.Faults.Next(GraphMatch.Any, Fault.Unavailable(), times: 3);
        for (var i = 0; i < 3; i++)
        {
            var failure = await Assert.ThrowsAsync<MailUnavailableException>(() => rig.Reader.GetMeAsync(CancellationToken.None));
            Assert.Equal(MailUnavailableReason.ServerError, failure.Reason);
        }

        var error = await Assert.ThrowsAsync<MailUnavailableException>(() => rig.Reader.GetMeAsync(CancellationToken.None));

        Assert.Equal(MailUnavailableReason.CircuitOpen, error.Reason);
        Assert.Equal(3, rig.Server.Requests.Count);
    }

    [Fact]
    public async Task Circuit_counts_calls_whose_retries_were_spent_and_then_fails_fast()
    {
        using var rig = new GraphRig(o => { o.MaxRetries = 1; o.CircuitBreakerMinimumThroughput = 2; o.CircuitBreakerFailureRatio = 1.0; });
        rig.Server.Faults.Next(GraphMatch.Any, Fault.Unavailable(0), times: 4);
        for (var i = 0; i < 2; i++)
        {
            await Assert.ThrowsAsync<MailUnavailableException>(() => rig.Reader.GetMeAsync(CancellationToken.None));
        }

        var error = await Assert.ThrowsAsync<MailUnavailableException>(() => rig.Reader.GetMeAsync(CancellationToken.None));

        Assert.Equal((MailUnavailableReason.CircuitOpen, 4), (error.Reason, rig.Server.Requests.Count));
    }

    [Fact]
    public async Task Circuit_is_per_mailbox()
    {
        using var rig = new GraphRig(o => { o.MaxRetries = 0; o.CircuitBreakerMinimumThroughput = 2; o.CircuitBreakerFailureRatio = 1.0; });
        rig.Server.Faults.Next(GraphMatch.Any, Fault.Unavailable(), times: 2);
        for (var i = 0; i < 3; i++)
        {
            await Assert.ThrowsAsync<MailUnavailableException>(() => rig.Reader.GetMeAsync(CancellationToken.None));
        }

        var other = await rig.Factory.CreateReader("user-2").GetMeAsync(CancellationToken.None);

        Assert.Contains(GraphRig.Me, other.Addresses);
    }

    [Fact]
    public async Task A_request_waiting_out_Retry_After_frees_its_slot_for_another()
    {
        using var rig = new GraphRig();
        rig.Server.Faults.Next(GraphMatch.Any, Fault.Throttle(3), times: 4);
        var waiting = Enumerable.Range(0, 4).Select(_ => rig.Reader.GetMailboxTimeZoneAsync(CancellationToken.None)).ToList();
        while (rig.Server.Requests.Count < 4)
        {
            await Task.Delay(10);
        }

        var clock = Stopwatch.StartNew();
        await rig.Reader.GetMeAsync(CancellationToken.None);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"the fifth call waited {clock.Elapsed} for a slot");
        await Task.WhenAll(waiting);
    }

    [Fact]
    public async Task Concurrency_for_one_mailbox_never_exceeds_four_under_parallel_load()
    {
        using var rig = new GraphRig();
        rig.Server.Faults.Next(GraphMatch.Any, Fault.Answer(async ct =>
        {
            await Task.Delay(40, ct);
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("""{"timeZone":"UTC"}""", System.Text.Encoding.UTF8, "application/json") };
        }), times: 40);
        var readers = Enumerable.Range(0, 4).Select(_ => rig.Factory.CreateReader(GraphRig.MailboxKey)).ToList();

        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => readers[i % 4].GetMailboxTimeZoneAsync(CancellationToken.None)));

        Assert.Equal(4, rig.Server.MaxInFlight);
        Assert.Equal(4, rig.Factory.CounterFor(GraphRig.MailboxKey).MaxInFlight);
        Assert.Equal(40, rig.Factory.CounterFor(GraphRig.MailboxKey).Total);
    }
}
