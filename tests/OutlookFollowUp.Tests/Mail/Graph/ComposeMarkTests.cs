using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OutlookFollowUp.GraphSimulator;
using OutlookFollowUp.Mail;
using OutlookFollowUp.Mail.Graph;

namespace OutlookFollowUp.Tests.Mail.Graph;

/// <summary>
/// <b>Remind me if no reply</b> leaves the custom property <c>followupRemind</c> on the sent copy; the delta reads it from
/// the add-in's custom properties (one JSON object in a MAPI named property) in the same $expand as the rules' properties.
/// </summary>
public sealed class ComposeMarkTests : IDisposable
{
    private const string ShippedAddInId = "3bd30e4e-4761-4740-9053-e82812a61d86";

    private readonly GraphRig _rig = new();

    public void Dispose() => _rig.Dispose();

    public static string CustomProperties(string addInId) => $"String {{00020329-0000-0000-C000-000000000046}} Name cecp-{addInId}";

    [Theory]
    [InlineData("""{"followupRemind":"24"}""", "24")]
    [InlineData("""{"other":"x","followupRemind":"48"}""", "48")]
    [InlineData("""{"followupRemind":"2026-12-01T09:00:00Z"}""", "2026-12-01T09:00:00Z")]
    [InlineData("""{"followupRemind":""", null)]
    [InlineData("""["followupRemind","48"]""", null)]
    [InlineData("""{"followupRemind":48}""", null)]
    [InlineData("""{"somethingElse":"48"}""", null)]
    public async Task Sync_ReadsTheComposeMarkOfASentMessage(string customProperties, string? expected)
    {
        _rig.Mailbox.Put(GraphQuery.SentItems, Sent("s1", customProperties));

        var delta = await _rig.Reader.SyncAsync(GraphRig.NoLinks, 14, CancellationToken.None);

        Assert.Equal(new MessageMarks("s1", OutlookFlagStatus.NotFlagged, expected), Assert.Single(delta.Folders[GraphQuery.SentItems].Marks!));
    }

    [Fact]
    public async Task Sync_ReadsTheMarkOfADraftSentThroughGraph_TheSentCopyKeepsIt()
    {
        var draft = Sent("d1", """{"followupRemind":"24"}""").ToJson();
        draft["isDraft"] = true;
        _rig.Mailbox.Put("drafts", draft);
        using var client = new HttpClient(_rig.Server, disposeHandler: false);
        using var send = new HttpRequestMessage(HttpMethod.Post, "https://graph.microsoft.com/v1.0/me/messages/d1/send");
        send.Headers.Add("Prefer", "IdType=\"ImmutableId\"");
        (await client.SendAsync(send)).EnsureSuccessStatusCode();

        var delta = await _rig.Reader.SyncAsync(GraphRig.NoLinks, 14, CancellationToken.None);

        Assert.Equal((0, 1), (_rig.Mailbox.Count("drafts"), _rig.Mailbox.Count(GraphQuery.SentItems)));
        Assert.Equal(new MessageMarks("d1", OutlookFlagStatus.NotFlagged, "24"), Assert.Single(delta.Folders[GraphQuery.SentItems].Marks!));
    }

    [Fact]
    public async Task Sync_SentMessageWithoutCustomProperties_HasNoMark()
    {
        _rig.Mailbox.Put(GraphQuery.SentItems, Sent("s1", customProperties: null));

        var delta = await _rig.Reader.SyncAsync(GraphRig.NoLinks, 14, CancellationToken.None);

        Assert.Null(Assert.Single(delta.Folders[GraphQuery.SentItems].Marks!).FollowupRemind);
    }

    [Fact]
    public async Task Sync_ReadsEachChangedMessagesFlag()
    {
        _rig.Mailbox.Put(GraphQuery.Inbox, Messages.Message("none", _rig.Now) with { FlagStatus = null });
        _rig.Mailbox.Put(GraphQuery.Inbox, Messages.Message("flagged", _rig.Now) with { FlagStatus = "flagged" });
        _rig.Mailbox.Put(GraphQuery.Inbox, Messages.Message("complete", _rig.Now) with { FlagStatus = "complete" });
        _rig.Mailbox.Put(GraphQuery.Inbox, Messages.Message("cleared", _rig.Now) with { FlagStatus = "notFlagged" });

        var delta = await _rig.Reader.SyncAsync(GraphRig.NoLinks, 14, CancellationToken.None);

        Assert.Equal(
            [("cleared", OutlookFlagStatus.NotFlagged), ("complete", OutlookFlagStatus.Complete), ("flagged", OutlookFlagStatus.Flagged), ("none", OutlookFlagStatus.NotFlagged)],
            delta.Folders[GraphQuery.Inbox].Marks!.Select(m => (m.MessageId, m.Flag)).OrderBy(m => m.MessageId));
    }

    [Fact]
    public async Task Sync_AFlagCompletedInOutlook_ShowsInTheNextWarmRound()
    {
        _rig.Mailbox.Put(GraphQuery.SentItems, Sent("s1", """{"followupRemind":"48"}""") with { FlagStatus = "flagged" });
        var cold = await _rig.Reader.SyncAsync(GraphRig.NoLinks, 14, CancellationToken.None);
        _rig.Mailbox.Put(GraphQuery.SentItems, Sent("s1", """{"followupRemind":"48"}""") with { FlagStatus = "complete" });

        var warm = await _rig.Reader.SyncAsync(cold.DeltaLinks, 14, CancellationToken.None);

        Assert.Equal(new MessageMarks("s1", OutlookFlagStatus.Complete, "48"), Assert.Single(warm.Folders[GraphQuery.SentItems].Marks!));
    }

    [Fact]
    public async Task Sync_ReadsTheMarkOfTheConfiguredAddInOnly()
    {
        const string tenantId = "0f8fad5b-d9cb-469f-a165-70867728950e";
        using var rig = new GraphRig(addInId: tenantId.ToUpperInvariant());
        rig.Mailbox.Put(GraphQuery.SentItems, Sent("ours", """{"followupRemind":"24"}""", tenantId));
        rig.Mailbox.Put(GraphQuery.SentItems, Sent("shipped", """{"followupRemind":"24"}""", ShippedAddInId));

        var delta = await rig.Reader.SyncAsync(GraphRig.NoLinks, 14, CancellationToken.None);

        Assert.Equal(
            [("ours", "24"), ("shipped", null)],
            delta.Folders[GraphQuery.SentItems].Marks!.Select(m => (m.MessageId, m.FollowupRemind)).OrderBy(m => m.MessageId));
        Assert.Contains($"cecp-{tenantId}'", Uri.UnescapeDataString(rig.Server.Requests[0].Uri.Query), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_IgnoresTheMarkOnInboxMail()
    {
        _rig.Mailbox.Put(GraphQuery.Inbox, Sent("i1", """{"followupRemind":"24"}"""));

        var delta = await _rig.Reader.SyncAsync(GraphRig.NoLinks, 14, CancellationToken.None);

        Assert.Null(Assert.Single(delta.Folders[GraphQuery.Inbox].Marks!).FollowupRemind);
    }

    [Fact]
    public void AddInOptions_RejectsAnIdThatIsNotAGuid()
    {
        using var transport = new HttpClientHandler();
        using var services = GraphRig.Services(new GraphOptions { AccessToken = "t" }, transport, addInId: "not-a-guid").BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<AddInOptions>>().Value);

        Assert.Contains("AddIn:Id", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A sent copy as Outlook leaves it: the draft's custom properties kept, under the add-in's named property.</summary>
    public static InMemoryMessage Sent(string id, string? customProperties, string addInId = ShippedAddInId)
    {
        var properties = new Dictionary<string, string> { ["String 0x001A"] = "IPM.Note" };
        if (customProperties is not null)
        {
            properties[CustomProperties(addInId)] = customProperties;
        }

        return Messages.Message(id, TimeProvider.System.GetUtcNow().AddHours(-1), from: GraphRig.Me) with
        {
            To = [new InMemoryAddress("ana@fabrikam.com", "Ana")],
            ExtendedProperties = properties,
        };
    }
}
