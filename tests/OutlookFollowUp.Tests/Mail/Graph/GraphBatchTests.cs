using System.Net;
using OutlookFollowUp.GraphSimulator;
using OutlookFollowUp.Mail;
using OutlookFollowUp.Mail.Graph;

namespace OutlookFollowUp.Tests.Mail.Graph;

/// <summary>The due sweep's conversation checks and flag writes through JSON $batch: 20 to a request, failed parts alone.</summary>
public sealed class GraphBatchTests : IDisposable
{
    private readonly GraphRig _rig = new(o => o.MaxRetries = 2);

    public GraphBatchTests() => _rig.Seed(GraphQuery.Inbox, 45);

    public void Dispose() => _rig.Dispose();

    private static IReadOnlyList<string> Conversations => [.. Enumerable.Range(0, 45).Select(i => $"conv-m-inbox-{i}")];

    private int BatchPosts => _rig.Server.Requests.Count(r => r.Method == HttpMethod.Post && r.Uri.AbsolutePath.EndsWith("/$batch", StringComparison.Ordinal));

    [Fact]
    public async Task GetConversations_45Checks_Cost3BatchRequests()
    {
        var found = await _rig.Reader.GetConversationsAsync([.. Conversations], CancellationToken.None);

        Assert.Equal((3, 3, 45), (BatchPosts, _rig.Attempts, _rig.Server.BatchParts.Count));
        Assert.All(Conversations, id => Assert.Equal($"m-inbox-{id[("conv-m-inbox-".Length)..]}", Assert.Single(found[id]).Id));
    }

    [Fact]
    public async Task ManyBatches_EachTakeOneSlot_OfTheMailboxsFourConcurrentRequests()
    {
        _rig.Seed("archive", 200, prefix: "x");

        var found = await _rig.Reader.GetConversationsAsync([.. Enumerable.Range(0, 200).Select(i => $"conv-x-archive-{i}")], CancellationToken.None);

        Assert.Equal((200, 10), (found.Count, BatchPosts));
        Assert.InRange(_rig.Factory.CounterFor(GraphRig.MailboxKey).MaxInFlight, 1, 4);
    }

    [Fact]
    public async Task SetFlags_45Changes_Cost3BatchRequestsAndFlagEveryMessage()
    {
        var now = _rig.Now;
        var changes = Enumerable.Range(0, 45).Select(i => new FlagChange($"m-inbox-{i}", OutlookFlag.Flagged(now, now.AddHours(1), now.AddHours(1)))).ToList();

        var results = await _rig.Writer.SetFlagsAsync(changes, CancellationToken.None);

        Assert.Equal((3, 45), (BatchPosts, results.Count(r => r.Succeeded)));
        Assert.All(changes, c => Assert.Equal("flagged", _rig.Mailbox.Find(c.MessageId)!["flag"]!["flagStatus"]!.GetValue<string>()));
    }

    [Fact]
    public async Task ThrottledParts_AreRetriedAlone_AfterTheirRetryAfter()
    {
        _rig.Server.Faults.Next(GraphMatch.Part("conv-m-inbox-7'"), Fault.Throttle(1));
        _rig.Server.Faults.Next(GraphMatch.Part("conv-m-inbox-30'"), Fault.Unavailable(1));
        var started = TimeProvider.System.GetTimestamp();

        var found = await _rig.Reader.GetConversationsAsync([.. Conversations], CancellationToken.None);

        var parts = _rig.Server.BatchParts.Select(Uri.UnescapeDataString).ToList();
        Assert.Equal((4, 47, 45), (BatchPosts, parts.Count, found.Count));
        Assert.Equal(2, parts.Skip(45).Count(p => p.Contains("conv-m-inbox-7'", StringComparison.Ordinal) || p.Contains("conv-m-inbox-30'", StringComparison.Ordinal)));
        Assert.True(TimeProvider.System.GetElapsedTime(started) >= TimeSpan.FromSeconds(1), "the retry waited for the part's Retry-After");
    }

    [Fact]
    public async Task APartStillThrottledAfterTheRounds_FailsAlone_WithItsRetryAfter()
    {
        _rig.Server.Faults.Next(GraphMatch.Part("m-inbox-3"), Fault.Throttle(0), times: 10);
        var now = _rig.Now;
        var changes = Enumerable.Range(0, 5).Select(i => new FlagChange($"m-inbox-{i}", OutlookFlag.Complete)).ToList();

        var results = await _rig.Writer.SetFlagsAsync(changes, CancellationToken.None);

        var failed = Assert.Single(results, r => !r.Succeeded);
        var throttled = Assert.IsType<MailUnavailableException>(failed.Failure);
        Assert.Equal(("m-inbox-3", MailUnavailableReason.Throttled, TimeSpan.Zero), (failed.Key, throttled.Reason, throttled.RetryAfter));
        Assert.Equal(1 + 2, _rig.Server.BatchParts.Count(p => p.Contains("m-inbox-3", StringComparison.Ordinal))); // MaxRetries = 2
    }

    [Fact]
    public async Task AMissingMessage_IsItsOwnNotFound_AndTheOthersAreFlagged()
    {
        var now = _rig.Now;
        FlagChange[] changes = [new("m-inbox-1", OutlookFlag.Complete), new("gone", OutlookFlag.Complete), new("m-inbox-2", OutlookFlag.Cleared)];

        var results = await _rig.Writer.SetFlagsAsync(changes, CancellationToken.None);

        Assert.Equal(["m-inbox-1", "gone", "m-inbox-2"], results.Select(r => r.Key));
        Assert.IsType<MailNotFoundException>(results[1].Failure);
        Assert.True(results[0].Succeeded && results[2].Succeeded);
        Assert.Equal("complete", _rig.Mailbox.Find("m-inbox-1")!["flag"]!["flagStatus"]!.GetValue<string>());
        Assert.Equal(1, BatchPosts);
    }

    [Fact]
    public async Task AForbiddenPart_NamesThePermission_AndIsNotRetried()
    {
        _rig.Server.Faults.Next(GraphMatch.Part("m-inbox-4"), Fault.Status(HttpStatusCode.Forbidden), times: 5);

        var results = await _rig.Writer.SetFlagsAsync([new("m-inbox-4", OutlookFlag.Complete), new("m-inbox-5", OutlookFlag.Complete)], CancellationToken.None);

        Assert.Equal("Mail.ReadWrite", Assert.IsType<MailAccessDeniedException>(results[0].Failure).RequiredPermission);
        Assert.True(results[1].Succeeded);
        Assert.Equal(1, BatchPosts);
    }

    [Fact]
    public async Task AFailedConversationCheck_IsAbsent_TheOthersAnswer()
    {
        _rig.Server.Faults.Next(GraphMatch.Part("conv-m-inbox-2'"), Fault.Status(HttpStatusCode.NotFound));

        var found = await _rig.Reader.GetConversationsAsync(["conv-m-inbox-1", "conv-m-inbox-2", "conv-m-inbox-3"], CancellationToken.None);

        Assert.Equal(["conv-m-inbox-1", "conv-m-inbox-3"], found.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task TheWholeBatchThrottled_IsRetriedByTheOneRetryLayer()
    {
        _rig.Server.Faults.Next(GraphMatch.Batch, Fault.Throttle(0));

        var found = await _rig.Reader.GetConversationsAsync(["conv-m-inbox-1", "conv-m-inbox-2"], CancellationToken.None);

        Assert.Equal((2, 2), (found.Count, BatchPosts));
    }

    [Fact]
    public async Task AnUnreadableBatchAnswer_FailsEveryPartOfIt_WithoutThrowing()
    {
        _rig.Server.Faults.Next(GraphMatch.Batch, Fault.Body("<html>gateway</html>"));

        var results = await _rig.Writer.SetFlagsAsync([new("m-inbox-1", OutlookFlag.Complete), new("m-inbox-2", OutlookFlag.Complete)], CancellationToken.None);

        Assert.All(results, r => Assert.IsType<MailResponseException>(r.Failure));
    }

    [Fact]
    public async Task GraphDown_FailsEveryPart_AsUnavailable()
    {
        _rig.Server.Faults.Next(GraphMatch.Batch, Fault.Unavailable(0), times: 3);

        var results = await _rig.Writer.SetFlagsAsync([new("m-inbox-1", OutlookFlag.Complete), new("m-inbox-2", OutlookFlag.Complete)], CancellationToken.None);

        Assert.All(results, r => Assert.Equal(MailUnavailableReason.ServerError, Assert.IsType<MailUnavailableException>(r.Failure).Reason));
        Assert.Null(_rig.Mailbox.Find("m-inbox-1")!["flag"]);
    }

    [Fact]
    public async Task EveryPart_AsksForImmutableIds()
    {
        await _rig.Reader.GetConversationsAsync(["conv-m-inbox-1"], CancellationToken.None);
        await _rig.Writer.SetFlagsAsync([new("m-inbox-1", OutlookFlag.Complete)], CancellationToken.None);

        // The in-memory Graph records any part sent without Prefer: IdType="ImmutableId" as a problem (checked on dispose).
        Assert.Empty(_rig.Server.Problems);
        Assert.Equal(2, _rig.Server.BatchParts.Count);
    }
}
