using OutlookFollowUp.Mail.Graph;

namespace OutlookFollowUp.Tests.Mail.Graph;

public sealed class GraphMailReaderSyncTests : IDisposable
{
    private readonly GraphRig _rig = new();

    public void Dispose() => _rig.Dispose();

    [Fact]
    public async Task Cold_sync_pages_through_next_links_and_returns_a_delta_link_per_folder()
    {
        _rig.Seed(GraphQuery.Inbox, 25);
        _rig.Seed(GraphQuery.SentItems, 7);

        var delta = await _rig.Reader.SyncAsync(GraphRig.NoLinks, 14, CancellationToken.None);

        Assert.Equal(32, delta.Upserts.Count);
        Assert.Equal(4, _rig.Attempts); // inbox 10+10+5, sent 7
        Assert.Equal(4, _rig.Server.Requests.Count);
        Assert.Equal([GraphQuery.Inbox, GraphQuery.SentItems], delta.DeltaLinks.Keys.Order());
        Assert.All(delta.DeltaLinks.Values, link => Assert.Contains("$deltatoken=", link, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_page_request_carries_both_prefer_headers_and_a_token()
    {
        _rig.Seed(GraphQuery.Inbox, 25);

        await _rig.Reader.SyncAsync(GraphRig.NoLinks, 14, CancellationToken.None);

        var requests = _rig.Server.Requests;
        Assert.Equal(2, requests.Count(r => r.Uri.Query.Contains("skiptoken", StringComparison.Ordinal)));
        Assert.All(requests, r =>
        {
            Assert.Contains("IdType=\"ImmutableId\"", r.Prefer);
            Assert.Contains("odata.maxpagesize=10", r.Prefer);
            Assert.True(r.HasAuthorization);
        });
    }

    [Fact]
    public async Task First_request_selects_only_rule_fields_expands_the_mapi_properties_and_filters_by_lookback()
    {
        await _rig.Reader.SyncAsync(GraphRig.NoLinks, 14, CancellationToken.None);

        var first = Uri.UnescapeDataString(_rig.Server.Requests[0].Uri.Query);
        Assert.Contains("$select=id,internetMessageId,conversationId,from,sender,toRecipients,ccRecipients,receivedDateTime,sentDateTime,subject,internetMessageHeaders,flag", first, StringComparison.Ordinal);
        Assert.Contains("$expand=singleValueExtendedProperties($filter=id eq 'String 0x001A' or id eq 'String 0x1042' or id eq 'String 0x1039' or id eq 'String {00020329-0000-0000-C000-000000000046} Name cecp-3bd30e4e-4761-4740-9053-e82812a61d86')", first, StringComparison.Ordinal);
        Assert.Contains($"$filter=receivedDateTime ge {_rig.Now.AddDays(-14).UtcDateTime:yyyy-MM-dd}T", first, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cold_sync_leaves_out_mail_older_than_the_lookback()
    {
        _rig.Seed(GraphQuery.Inbox, 3);
        _rig.Mailbox.Put(GraphQuery.Inbox, Messages.Message("old", _rig.Now.AddDays(-20)));

        var delta = await _rig.Reader.SyncAsync(GraphRig.NoLinks, 14, CancellationToken.None);

        Assert.DoesNotContain(delta.Upserts, m => m.Id == "old");
    }

    [Fact]
    public async Task Warm_sync_starts_from_the_stored_links_and_returns_only_changes()
    {
        _rig.Seed(GraphQuery.Inbox, 5);
        _rig.Seed(GraphQuery.SentItems, 2);
        var cold = await _rig.Reader.SyncAsync(GraphRig.NoLinks, 14, CancellationToken.None);
        _rig.Mailbox.Put(GraphQuery.Inbox, Messages.Message("new", _rig.Now));
        _rig.Mailbox.Put(GraphQuery.Inbox, Messages.Message("m-inbox-1", _rig.Now) with { Subject = "edited" });
        _rig.Mailbox.Remove(GraphQuery.SentItems, "m-sentitems-0");

        var warm = await _rig.Reader.SyncAsync(cold.DeltaLinks, 14, CancellationToken.None);

        Assert.Equal(["m-inbox-1", "new"], warm.Upserts.Select(m => m.Id).Order());
        Assert.Equal("edited", warm.Upserts.Single(m => m.Id == "m-inbox-1").Subject);
        Assert.Equal(["m-sentitems-0"], warm.RemovedIds);
        Assert.Empty(warm.FoldersResynced);
    }

    [Fact]
    public async Task Warm_sync_with_no_change_costs_one_request_per_folder()
    {
        _rig.Seed(GraphQuery.Inbox, 30);
        var cold = await _rig.Reader.SyncAsync(GraphRig.NoLinks, 14, CancellationToken.None);

        var before = _rig.Attempts;
        var warm = await _rig.Reader.SyncAsync(cold.DeltaLinks, 14, CancellationToken.None);

        Assert.Empty(warm.Upserts);
        Assert.Empty(warm.RemovedIds);
        Assert.Equal(2, _rig.Attempts - before);
        Assert.All(_rig.Server.Requests.TakeLast(2), r => Assert.Contains("$deltatoken=", r.Uri.Query, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_move_from_inbox_to_sent_items_is_an_upsert_in_sent_items_and_leaves_the_inbox()
    {
        _rig.Seed(GraphQuery.Inbox, 2);
        var cold = await _rig.Reader.SyncAsync(GraphRig.NoLinks, 14, CancellationToken.None);
        _rig.Mailbox.Move(GraphQuery.Inbox, GraphQuery.SentItems, "m-inbox-0");

        var warm = await _rig.Reader.SyncAsync(cold.DeltaLinks, 14, CancellationToken.None);

        // The index removes only rows still filed under the folder, so the message ends up in sent items.
        Assert.Equal("m-inbox-0", Assert.Single(warm.Folders[GraphQuery.SentItems].Upserts).Id);
        Assert.Equal(["m-inbox-0"], warm.Folders[GraphQuery.Inbox].RemovedIds);
        Assert.Empty(warm.Folders[GraphQuery.Inbox].Upserts);
    }

    [Fact]
    public async Task Gone_on_a_delta_link_discards_it_and_resyncs_the_folder()
    {
        _rig.Seed(GraphQuery.Inbox, 12);
        _rig.Seed(GraphQuery.SentItems, 1);
        var cold = await _rig.Reader.SyncAsync(GraphRig.NoLinks, 14, CancellationToken.None);
        _rig.Mailbox.ExpireDeltaTokens();
        var before = _rig.Attempts;

        var warm = await _rig.Reader.SyncAsync(cold.DeltaLinks, 14, CancellationToken.None);

        Assert.Equal([GraphQuery.Inbox, GraphQuery.SentItems], warm.FoldersResynced.Order());
        Assert.Equal(13, warm.Upserts.Count);
        Assert.Equal(2 + 3, _rig.Attempts - before); // two refused links, then 2 + 1 pages
        Assert.NotEqual(cold.DeltaLinks[GraphQuery.Inbox], warm.DeltaLinks[GraphQuery.Inbox]);
    }
}
