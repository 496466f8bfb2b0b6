using OutlookFollowUp.Mail.Graph;
using Xunit.Abstractions;

namespace OutlookFollowUp.Tests.Mail.Graph;

/// <summary>What a mailbox costs in Graph requests: the figures throttling (10,000 / 10 min) is measured against.</summary>
public sealed class GraphRequestCountTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(1_000, 100)]
    [InlineData(1_000, 1000)]
    [InlineData(10_000, 100)]
    [InlineData(10_000, 1000)]
    public async Task Cold_sync_costs_ceil_n_over_p_pages_per_folder_and_a_warm_one_costs_one(int messages, int pageSize)
    {
        using var rig = new GraphRig(o => o.PageSize = pageSize);
        rig.Seed(GraphQuery.Inbox, messages);
        rig.Seed(GraphQuery.SentItems, messages / 4);
        var expected = Pages(messages, pageSize) + Pages(messages / 4, pageSize);

        var cold = await rig.Reader.SyncAsync(GraphRig.NoLinks, 14, CancellationToken.None);
        var coldRequests = rig.Attempts;
        await rig.Reader.SyncAsync(cold.DeltaLinks, 14, CancellationToken.None);
        var warmRequests = rig.Attempts - coldRequests;

        output.WriteLine($"inbox {messages} + sent {messages / 4}, page {pageSize}: cold {coldRequests} requests, warm {warmRequests}");
        Assert.Equal((expected, 2), (coldRequests, warmRequests));
        Assert.Equal(expected + 2, rig.Server.Requests.Count);
        Assert.Equal(messages + (messages / 4), cold.Upserts.Count);
    }

    private static int Pages(int count, int pageSize) => Math.Max(1, (count + pageSize - 1) / pageSize);
}
