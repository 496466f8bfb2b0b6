using OutlookFollowUp.GraphSimulator;
using OutlookFollowUp.Mail.Graph;

namespace OutlookFollowUp.Tests.Mail.Graph;

/// <summary>
/// Rule 3a (generated list updates) needs, on the Graph path, In-Reply-To/References from the MAPI properties
/// (String 0x1042 / 0x1039, received and sent mail alike) and the bulk facts from the headers. Through the real SDK,
/// the production pipeline and the Graph-compatible server.
/// </summary>
public sealed class GeneratedUpdateFactsTests : IDisposable
{
    private readonly GraphRig _rig = new();

    public void Dispose() => _rig.Dispose();

    /// <summary>A build server's update in reply to its previous mail; like Exchange, it has no threading headers, only the properties.</summary>
    private InMemoryMessage BuildUpdate() => Messages.Message("build-412", _rig.Now, from: "ci@build.contoso.com") with
    {
        Subject = "Build failed: payments-main #412",
        Headers = [new("List-Unsubscribe", "<mailto:ci-unsubscribe@build.contoso.com>"), new("Precedence", "bulk")],
        ExtendedProperties = new Dictionary<string, string>
        {
            [GraphQuery.MessageClassProperty] = "IPM.Note",
            [GraphQuery.InReplyToProperty] = "<build-411@build.contoso.com>",
            [GraphQuery.ReferencesProperty] = "<build-410@build.contoso.com> <build-411@build.contoso.com>",
        },
    };

    [Fact]
    public async Task Received_mail_gets_In_Reply_To_and_References_from_the_properties_and_bulk_facts_from_the_headers()
    {
        _rig.Mailbox.Put(GraphQuery.Inbox, BuildUpdate());

        var delta = await _rig.Reader.SyncAsync(GraphRig.NoLinks, 14, CancellationToken.None);

        var update = Assert.Single(delta.Folders[GraphQuery.Inbox].Upserts);
        Assert.Equal(["<build-411@build.contoso.com>"], update.InReplyTo);
        Assert.Equal(["<build-410@build.contoso.com>", "<build-411@build.contoso.com>"], update.References);
        Assert.Equal((true, "bulk"), (update.Facts.ListUnsubscribe, update.Facts.Precedence));
    }

    [Fact]
    public async Task Sent_mail_without_headers_gets_its_threading_from_the_properties_too()
    {
        _rig.Mailbox.Put(GraphQuery.SentItems, Messages.Message("reply", _rig.Now, from: GraphRig.Me) with
        {
            ExtendedProperties = new Dictionary<string, string>
            {
                [GraphQuery.InReplyToProperty] = "<question@fabrikam.com>",
                [GraphQuery.ReferencesProperty] = "<question@fabrikam.com>",
            },
        });

        var delta = await _rig.Reader.SyncAsync(GraphRig.NoLinks, 14, CancellationToken.None);

        var reply = Assert.Single(delta.Folders[GraphQuery.SentItems].Upserts);
        Assert.Equal(["<question@fabrikam.com>"], reply.InReplyTo);
        Assert.Equal(["<question@fabrikam.com>"], reply.References);
        Assert.Equal((false, null), (reply.Facts.ListUnsubscribe, reply.Facts.Precedence));
    }

    [Fact]
    public async Task The_conversation_look_up_reads_the_same_facts()
    {
        _rig.Mailbox.Put(GraphQuery.Inbox, BuildUpdate());

        var conversation = await _rig.Reader.GetConversationAsync("conv-build-412", CancellationToken.None);

        var update = Assert.Single(conversation);
        Assert.Equal(["<build-411@build.contoso.com>"], update.InReplyTo);
        Assert.Equal((true, "bulk"), (update.Facts.ListUnsubscribe, update.Facts.Precedence));
    }

    [Fact]
    public async Task Every_message_request_expands_the_three_properties_in_one_expand()
    {
        _rig.Mailbox.Put(GraphQuery.Inbox, BuildUpdate());

        await _rig.Reader.SyncAsync(GraphRig.NoLinks, 14, CancellationToken.None);
        await _rig.Reader.GetConversationAsync("conv-build-412", CancellationToken.None);

        Assert.All(_rig.Server.Requests, r =>
        {
            var query = Uri.UnescapeDataString(r.Uri.Query);
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(query, @"\$expand="));
            Assert.Contains($"id eq '{GraphQuery.InReplyToProperty}' or id eq '{GraphQuery.ReferencesProperty}'", query, StringComparison.Ordinal);
        });
    }
}
