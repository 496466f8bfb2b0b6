using Microsoft.Extensions.Time.Testing;
using OutlookFollowUp.GraphSimulator;
using OutlookFollowUp.Mail;

namespace OutlookFollowUp.Tests.Mail.Graph;

/// <summary>
/// Graph's limits per mailbox as the pipeline keeps them: four requests at once, a $batch taking a slot for each part
/// Graph runs at once, and a sliding window of requests where every part of a batch counts.
/// </summary>
public sealed class MailboxGateTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task A_batch_of_twenty_takes_all_four_slots_so_two_batches_never_run_at_once()
    {
        using var rig = new GraphRig();
        rig.Seed("inbox", 40);
        rig.Server.Latency = TimeSpan.FromMilliseconds(50);
        var first = Enumerable.Range(0, 20).Select(i => $"conv-m-inbox-{i}").ToList();
        var second = Enumerable.Range(20, 20).Select(i => $"conv-m-inbox-{i}").ToList();

        var found = await Task.WhenAll(rig.Reader.GetConversationsAsync(first, Ct), rig.Reader.GetConversationsAsync(second, Ct));

        Assert.Equal((20, 20), (found[0].Count, found[1].Count));
        Assert.Equal(1, rig.Server.MaxInFlight);
    }

    [Fact]
    public async Task Batches_of_two_parts_take_two_slots_each_and_single_requests_one()
    {
        using var rig = new GraphRig();
        rig.Seed("inbox", 12);
        rig.Server.Latency = TimeSpan.FromMilliseconds(50);

        await Task.WhenAll(Enumerable.Range(0, 6).Select(i => rig.Reader.GetConversationsAsync([$"conv-m-inbox-{2 * i}", $"conv-m-inbox-{(2 * i) + 1}"], Ct)));
        var batches = rig.Server.MaxInFlight;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => rig.Reader.GetMailboxTimeZoneAsync(Ct)));

        Assert.Equal((2, 4), (batches, rig.Server.MaxInFlight));
    }

    [Fact]
    public async Task Past_the_window_a_request_is_held_back_with_the_wait_the_window_needs_and_every_batch_part_counts()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        using var rig = new GraphRig(o => (o.MailboxRequestLimit, o.MailboxRequestWindow) = (25, TimeSpan.FromMinutes(10)), time: clock);
        rig.Seed("inbox", 20);

        await rig.Reader.GetConversationsAsync([.. Enumerable.Range(0, 20).Select(i => $"conv-m-inbox-{i}")], Ct); // 20 parts, 1 request
        clock.Advance(TimeSpan.FromMinutes(1));
        for (var i = 0; i < 5; i++)
        {
            await rig.Reader.GetMailboxTimeZoneAsync(Ct);
        }

        var held = await Assert.ThrowsAsync<MailUnavailableException>(() => rig.Reader.GetMailboxTimeZoneAsync(Ct));
        var sent = rig.Server.Requests.Count;
        clock.Advance(held.RetryAfter!.Value);
        await rig.Reader.GetMailboxTimeZoneAsync(Ct);

        Assert.Equal(6, sent); // the held request never reached Graph
        Assert.Equal(MailUnavailableReason.Throttled, held.Reason);
        // The batch's 20 parts leave the window 10 minutes after their slot: about 9 minutes after the 26th request.
        Assert.InRange(held.RetryAfter!.Value, TimeSpan.FromMinutes(9), TimeSpan.FromMinutes(9) + TimeSpan.FromSeconds(21));
        Assert.Equal(7, rig.Server.Requests.Count);
    }

    [Fact]
    public async Task A_long_Retry_After_from_Graph_holds_every_request_to_that_mailbox_until_then_and_no_other()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        using var rig = new GraphRig(o => o.MaxRetries = 0, time: clock);
        rig.Server.Faults.Next(GraphMatch.Any, Fault.Throttle(600));
        var other = rig.Factory.CreateReader("user-2");

        var throttled = await Assert.ThrowsAsync<MailUnavailableException>(() => rig.Reader.GetMailboxTimeZoneAsync(Ct));
        clock.Advance(TimeSpan.FromMinutes(5));
        var held = await Assert.ThrowsAsync<MailUnavailableException>(() => rig.Reader.GetMeAsync(Ct));
        await other.GetMailboxTimeZoneAsync(Ct);
        var sent = rig.Server.Requests.Count;
        clock.Advance(TimeSpan.FromMinutes(5));
        await rig.Reader.GetMailboxTimeZoneAsync(Ct);

        Assert.Equal((TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(5)), (throttled.RetryAfter, held.RetryAfter));
        Assert.Equal(2, sent); // the throttled call and the other mailbox's; the held one never left
        Assert.Equal(3, rig.Server.Requests.Count);
    }
}
