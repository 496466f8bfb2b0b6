using OutlookFollowUp.GraphSimulator;

namespace OutlookFollowUp.Tests.Mail.Graph;

/// <summary>
/// The morning digest's links: each listed message's <c>webLink</c> through the real SDK against the in-memory Graph,
/// 20 messages to a <c>$batch</c>; a message gone since the sync, or a part Graph refuses, is left out (the digest then
/// links it through the deep link).
/// </summary>
public sealed class GraphWebLinkTests : IDisposable
{
    private readonly GraphRig _rig = new(o => o.MaxRetries = 1);

    public void Dispose() => _rig.Dispose();

    private int BatchPosts => _rig.Server.Requests.Count(r => r.Method == HttpMethod.Post && r.Uri.AbsolutePath.EndsWith("/$batch", StringComparison.Ordinal));

    [Fact]
    public async Task Each_message_answers_its_webLink_twenty_to_a_batch_and_a_message_gone_is_left_out()
    {
        var ids = Enumerable.Range(0, 25).Select(i => $"AAMk-link-{i:D2}=").ToList();
        foreach (var id in ids)
        {
            _rig.Mailbox.Put("inbox", Messages.Message(id, _rig.Now.AddHours(-5)));
        }

        var links = await _rig.Reader.GetWebLinksAsync([.. ids, "AAMk-deleted="], CancellationToken.None);

        Assert.Equal(ids.Order(StringComparer.Ordinal), links.Keys.Order(StringComparer.Ordinal));
        Assert.Equal($"https://outlook.office365.com/owa/?ItemID={Uri.EscapeDataString(ids[3])}&exvsurl=1&viewmodel=ReadMessageItem", links[ids[3]]);
        Assert.Equal(2, BatchPosts); // 26 parts: 20 + 6
    }

    [Fact]
    public async Task A_part_Graph_keeps_refusing_is_left_out_and_the_others_answer()
    {
        _rig.Mailbox.Put("inbox", Messages.Message("AAMk-a=", _rig.Now.AddHours(-5)));
        _rig.Mailbox.Put("inbox", Messages.Message("AAMk-b=", _rig.Now.AddHours(-5)));
        _rig.Server.Faults.Next(GraphMatch.Part("AAMk-b"), Fault.Unavailable(0), times: 10);

        var links = await _rig.Reader.GetWebLinksAsync(["AAMk-a=", "AAMk-b="], CancellationToken.None);

        Assert.Equal(["AAMk-a="], links.Keys);
    }

    [Fact]
    public async Task No_message_asks_nothing()
    {
        var links = await _rig.Reader.GetWebLinksAsync([], CancellationToken.None);

        Assert.Empty(links);
        Assert.Empty(_rig.Server.Requests);
    }
}
