using OutlookFollowUp.Mail.Graph;

namespace OutlookFollowUp.Tests.Mail.Graph;

/// <summary>The sync's cross-folder reply check: one query over every folder for a time window, kept to the wanted conversations.</summary>
public sealed class WindowedQueryTests : IDisposable
{
    private readonly GraphRig _rig = new();

    public void Dispose() => _rig.Dispose();

    [Fact]
    public async Task GetConversationsSince_ReadsEveryFolderInPages_AndKeepsOnlyTheWantedConversations()
    {
        _rig.Seed(GraphQuery.Inbox, 25);
        _rig.Seed("archive", 12, prefix: "a");
        _rig.Mailbox.Put("archive", Messages.Message("old", _rig.Now.AddDays(-3)) with { ConversationId = "conv-m-inbox-1" });

        var found = await _rig.Reader.GetConversationsSinceAsync(["conv-m-inbox-1", "conv-a-archive-4", "conv-none"], _rig.Now.AddDays(-1), CancellationToken.None);

        Assert.Equal(["conv-a-archive-4", "conv-m-inbox-1"], found.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["m-inbox-1"], found["conv-m-inbox-1"].Select(m => m.Id)); // the one before the window is left out
        Assert.Equal(4, _rig.Attempts); // 37 messages in the window, 10 a page
        var first = Uri.UnescapeDataString(_rig.Server.Requests[0].Uri.Query);
        Assert.Contains("$filter=receivedDateTime ge ", first, StringComparison.Ordinal);
        Assert.Contains("conversationId", first, StringComparison.Ordinal);
        Assert.All(_rig.Server.Requests, r => Assert.Contains("IdType=\"ImmutableId\"", r.Prefer));
    }

    [Fact]
    public async Task GetConversationsSince_LeavesOutDrafts()
    {
        _rig.Mailbox.Put(GraphQuery.Inbox, Messages.Message("m1", _rig.Now));
        var draft = Messages.Message("d1", _rig.Now).ToJson();
        draft["conversationId"] = "conv-m1";
        draft["isDraft"] = true;
        _rig.Mailbox.Put("drafts", draft);

        var found = await _rig.Reader.GetConversationsSinceAsync(["conv-m1"], _rig.Now.AddDays(-1), CancellationToken.None);

        Assert.Equal(["m1"], found["conv-m1"].Select(m => m.Id));
    }

    [Fact]
    public async Task GetConversationsSince_NothingWanted_AsksNothing()
    {
        var found = await _rig.Reader.GetConversationsSinceAsync([], _rig.Now.AddDays(-1), CancellationToken.None);

        Assert.Equal((0, 0), (found.Count, _rig.Attempts));
    }
}
