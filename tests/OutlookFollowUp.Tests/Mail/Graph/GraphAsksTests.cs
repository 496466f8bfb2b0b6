using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OutlookFollowUp.FollowUps.Asks;
using OutlookFollowUp.GraphSimulator;
using OutlookFollowUp.Mail;
using OutlookFollowUp.Mail.Graph;

namespace OutlookFollowUp.Tests.Mail.Graph;

/// <summary>
/// Rule 9 through the real SDK against the in-memory Graph: delta's bodyPreview decides where it holds the whole new
/// text; otherwise uniqueBody is read as text, 20 messages to a <c>$batch</c>; what Graph refuses for good is unreadable
/// (asks), what fails for now is left for a later sync.
/// </summary>
public sealed class GraphAsksTests : IDisposable
{
    private static readonly AskContext Asks = new([GraphRig.Me], ["Alex Wilber"]);
    private static readonly string LongBody = string.Join("\n", Enumerable.Repeat("Here is where the migration stands this week, module by module.", 8));

    private readonly GraphRig _rig = new(o => o.MaxRetries = 1);

    public void Dispose() => _rig.Dispose();

    private int BatchPosts => _rig.Server.Requests.Count(r => r.Method == HttpMethod.Post && r.Uri.AbsolutePath.EndsWith("/$batch", StringComparison.Ordinal));

    [Fact]
    public async Task Delta_selects_the_preview_and_the_focused_inbox_verdict()
    {
        await _rig.Reader.SyncAsync(GraphRig.NoLinks, 14, Asks, CancellationToken.None);

        Assert.Contains("$select=id,internetMessageId,conversationId,from,sender,toRecipients,ccRecipients,receivedDateTime,sentDateTime,subject,internetMessageHeaders,flag,bodyPreview,inferenceClassification", Uri.UnescapeDataString(_rig.Server.Requests[0].Uri.Query), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_short_preview_decides_a_long_one_waits_for_the_unique_body_and_an_empty_body_is_unreadable()
    {
        _rig.Mailbox.Put(GraphQuery.Inbox, Messages.Message("AAMk-short=", _rig.Now.AddHours(-60)) with { Body = "Could you send me the signed contract by Friday?" });
        _rig.Mailbox.Put(GraphQuery.Inbox, Messages.Message("AAMk-long=", _rig.Now.AddHours(-60)) with { Body = LongBody });
        _rig.Mailbox.Put(GraphQuery.Inbox, Messages.Message("AAMk-empty=", _rig.Now.AddHours(-60)));

        var delta = await _rig.Reader.SyncAsync(GraphRig.NoLinks, 14, Asks, CancellationToken.None);

        var asks = delta.Upserts.ToDictionary(m => m.Id, m => m.Asks);
        Assert.NotNull(asks["AAMk-short="]);
        Assert.Null(asks["AAMk-long="]);
        Assert.Equal(AskVerdict.Unreadable, asks["AAMk-empty="]);
    }

    [Fact]
    public async Task Without_whose_mailbox_it_is_no_preview_is_judged()
    {
        _rig.Mailbox.Put(GraphQuery.Inbox, Messages.Message("AAMk-short=", _rig.Now.AddHours(-60)) with { Body = "Thanks!" });

        var delta = await _rig.Reader.SyncAsync(GraphRig.NoLinks, 14, CancellationToken.None);

        Assert.Null(Assert.Single(delta.Upserts).Asks);
    }

    [Theory]
    [InlineData(254, true)]
    [InlineData(255, false)]
    public void A_preview_shorter_than_255_characters_is_the_whole_body(int length, bool whole)
    {
        var preview = new string('a', length);

        Assert.Equal(whole, GraphAsks.WholeNewText(preview) is not null);
    }

    [Theory]
    [InlineData("Thanks! On Mon, Nov 16, 2026 at 9:00 AM Alex Wilber wrote: > Can you send the figures?")]
    [InlineData("Perfetto, grazie. Il giorno lun 16 nov 2026 Alex Wilber ha scritto: Puoi mandarmi i numeri?")]
    [InlineData("Danke! Von: Alex Wilber Gesendet: Montag, 16. November 2026 09:00 An: Ben Betreff: Zahlen")]
    [InlineData("Ok. -----Original Message----- Can you send the figures?")]
    public void A_short_preview_with_signs_of_quoted_history_waits_for_the_unique_body(string preview)
    {
        Assert.Null(GraphAsks.WholeNewText(preview));
    }

    [Theory]
    [InlineData("Can we meet at 10:30 instead? The room is on https://contoso.sharepoint.com/sites/rooms")]
    [InlineData("Thanks, that is all I needed.")]
    public void A_short_preview_with_times_and_links_is_whole(string preview)
    {
        Assert.NotNull(GraphAsks.WholeNewText(preview));
    }

    [Fact]
    public void An_empty_preview_is_an_empty_body()
    {
        Assert.Equal("", GraphAsks.WholeNewText("  "));
    }

    [Fact]
    public async Task Unique_bodies_are_read_as_text_twenty_to_a_batch()
    {
        var ids = Enumerable.Range(0, 25).Select(i => $"AAMk-ask-{i:D2}=").ToList();
        foreach (var id in ids)
        {
            _rig.Mailbox.Put(GraphQuery.Inbox, Messages.Message(id, _rig.Now.AddHours(-60)) with { Body = LongBody, UniqueBody = "Can you confirm the date?" });
        }

        var records = (await _rig.Reader.SyncAsync(GraphRig.NoLinks, 14, Asks, CancellationToken.None)).Upserts;
        var verdicts = await _rig.Reader.ReadAsksAsync(records, Asks, CancellationToken.None);

        Assert.Equal(ids.Order(StringComparer.Ordinal), verdicts.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(2, BatchPosts); // 25 parts: 20 + 5
        var parts = _rig.Server.BatchParts;
        Assert.Equal(25, parts.Count);
        Assert.All(parts, p => Assert.Contains("$select=uniqueBody,inferenceClassification", Uri.UnescapeDataString(p), StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_verdict_comes_from_the_unique_body_not_the_preview()
    {
        // The preview is long and full of text; the new part is empty (everything above was quoted history).
        _rig.Mailbox.Put(GraphQuery.Inbox, Messages.Message("AAMk-quoted=", _rig.Now.AddHours(-60)) with { Body = LongBody, UniqueBody = "" });
        var records = (await _rig.Reader.SyncAsync(GraphRig.NoLinks, 14, Asks, CancellationToken.None)).Upserts;

        var verdicts = await _rig.Reader.ReadAsksAsync(records, Asks, CancellationToken.None);

        Assert.Equal(AskVerdict.Unreadable, verdicts["AAMk-quoted="]);
    }

    [Fact]
    public async Task A_part_refused_for_good_is_unreadable_one_still_throttled_is_left_for_later()
    {
        foreach (var id in new[] { "AAMk-a=", "AAMk-b=", "AAMk-c=" })
        {
            _rig.Mailbox.Put(GraphQuery.Inbox, Messages.Message(id, _rig.Now.AddHours(-60)) with { Body = LongBody });
        }

        var records = (await _rig.Reader.SyncAsync(GraphRig.NoLinks, 14, Asks, CancellationToken.None)).Upserts;
        _rig.Server.Faults.Next(GraphMatch.Part("AAMk-b"), Fault.Status(HttpStatusCode.Forbidden));
        _rig.Server.Faults.Next(GraphMatch.Part("AAMk-c"), Fault.Throttle(0), times: 10);

        var verdicts = await _rig.Reader.ReadAsksAsync(records, Asks, CancellationToken.None);

        Assert.Equal(["AAMk-a=", "AAMk-b="], verdicts.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(AskVerdict.Unreadable, verdicts["AAMk-b="]);
    }

    [Fact]
    public async Task Graph_down_leaves_every_message_for_a_later_sync()
    {
        _rig.Mailbox.Put(GraphQuery.Inbox, Messages.Message("AAMk-a=", _rig.Now.AddHours(-60)) with { Body = LongBody });
        var records = (await _rig.Reader.SyncAsync(GraphRig.NoLinks, 14, Asks, CancellationToken.None)).Upserts;
        _rig.Server.Faults.Next(GraphMatch.Url("$batch"), Fault.Unavailable(0), times: 10);

        var verdicts = await _rig.Reader.ReadAsksAsync(records, Asks, CancellationToken.None);

        Assert.Empty(verdicts);
    }

    [Fact]
    public async Task No_message_asks_nothing_of_graph()
    {
        var verdicts = await _rig.Reader.ReadAsksAsync([], Asks, CancellationToken.None);

        Assert.Empty(verdicts);
        Assert.Empty(_rig.Server.Requests);
    }

    [Fact]
    public async Task Me_reads_the_display_name()
    {
        using var rig = new GraphRig();
        var named = new InMemoryMailbox(GraphRig.Me) { DisplayName = "Alex Wilber" };
        using var handler = new InMemoryGraphHandler(named);
        await using var services = GraphRig.Services(rig.Options, handler).BuildServiceProvider();

        var me = await services.GetRequiredService<GraphClientFactory>().CreateReader("named").GetMeAsync(CancellationToken.None);

        Assert.Equal("Alex Wilber", me.DisplayName);
    }
}
