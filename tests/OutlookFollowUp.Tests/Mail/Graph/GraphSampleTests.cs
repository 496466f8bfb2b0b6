using System.Text.Json.Nodes;
using OutlookFollowUp.GraphSimulator;
using OutlookFollowUp.Mail.Graph;

namespace OutlookFollowUp.Tests.Mail.Graph;

/// <summary>Graph's own documentation samples (../shared/graph/samples), served by the fake, through the real SDK.</summary>
public sealed class GraphSampleTests : IDisposable
{
    private readonly GraphRig _rig = new();

    public void Dispose() => _rig.Dispose();

    private static string Sample(string name) => File.ReadAllText(SharedFolder.Path("graph", "samples", name));

    [SharedFact]
    public async Task Delta_samples_page_and_then_report_the_removal_and_the_string_isRead_update()
    {
        _rig.Server.Faults.Next(GraphMatch.Url("mailFolders/inbox/messages/delta"), Fault.Body(Sample("delta-round1-page1.json")));
        _rig.Server.Faults.Next(GraphMatch.Url("$skiptoken=GwcBoTmPuoTQWfcsAbkYM"), Fault.Body(Sample("delta-round1-page3-final.json")));
        var cold = await _rig.Reader.SyncAsync(GraphRig.NoLinks, 14, CancellationToken.None);
        _rig.Server.Faults.Next(GraphMatch.Url("$deltatoken=GwcBoTmPuoGNlgXgF1nyUNMXY"), Fault.Body(Sample("delta-round2-removed.json")));

        var warm = await _rig.Reader.SyncAsync(new Dictionary<string, string> { [GraphQuery.Inbox] = cold.DeltaLinks[GraphQuery.Inbox] }, 14, CancellationToken.None);

        Assert.Equal(["AAMkADk0MGFkODE3LWEAAA=", "AAMkADNkNAAASq35xAAA=", "AQMkADNkNAAAVRMKAAAAA=="], cold.Upserts.Select(m => m.Id).Order());
        Assert.Equal("jodie.sharp@contoso.com", cold.Upserts.Single(m => m.Id == "AAMkADk0MGFkODE3LWEAAA=").From);
        Assert.Equal(["AAMkADk0MGFkODE3LWE4MmYtNDRhOS0Dh_6qB-pB2Sa2pUum19a6YAAKnLuxoAAA="], warm.RemovedIds);
        Assert.Equal("Holiday hours update", Assert.Single(warm.Upserts).Subject);
    }

    [SharedFact]
    public async Task Full_message_sample_maps_to_an_engine_record()
    {
        ServeAsDeltaPage(Sample("message-get-full.json"), Sample("message-get-internetMessageHeaders.json"));

        var delta = await _rig.Reader.SyncAsync(GraphRig.NoLinks, 14, CancellationToken.None);

        var full = delta.Upserts.Single(m => m.Id == "AAMkADhMGAAA=");
        Assert.Equal("<MWHPR6E1BE060@MWHPR1120.namprd22.prod.outlook.com>", full.InternetMessageId);
        Assert.Equal("AAQkADOUpag6yWs=", full.ConversationId);
        Assert.Equal(("adelev@contoso.onmicrosoft.com", "Adele Vance"), (full.From, full.FromName));
        Assert.Equal("alexw@contoso.onmicrosoft.com", Assert.Single(full.To).Address);
        Assert.Empty(full.Cc);
        Assert.Equal(DateTimeOffset.Parse("2018-09-09T03:15:08Z", System.Globalization.CultureInfo.InvariantCulture), full.Date);
        Assert.Equal("9/9/2018: concert", full.Subject);
    }

    [SharedFact]
    public async Task Internet_headers_sample_gives_the_content_type_fact()
    {
        ServeAsDeltaPage(Sample("message-get-internetMessageHeaders.json"));

        var delta = await _rig.Reader.SyncAsync(GraphRig.NoLinks, 14, CancellationToken.None);

        Assert.Equal("multipart/report", Assert.Single(delta.Upserts).Facts.ContentType);
    }

    [SharedFact]
    public async Task List_sample_maps_the_sender_when_from_is_not_selected()
    {
        _rig.Server.Faults.Next(GraphMatch.Url("/me/messages"), Fault.Body(Sample("list-messages-select-sender-subject.json")));

        var conversation = await _rig.Reader.GetConversationAsync("AAQkADOUpag6yWs=", CancellationToken.None);

        var message = Assert.Single(conversation);
        Assert.Equal(("noreply@planner.office365.com", "You have late tasks!"), (message.From, message.Subject));
    }

    /// <summary>Single-message samples wrapped in a final delta page for inbox; sent items gets an empty one.</summary>
    private void ServeAsDeltaPage(params string[] messages)
    {
        var page = new JsonObject
        {
            ["@odata.deltaLink"] = "https://graph.microsoft.com/v1.0/me/mailFolders('inbox')/messages/delta?$deltatoken=sample",
            ["value"] = new JsonArray([.. messages.Select(m => JsonNode.Parse(m))]),
        };
        _rig.Server.Faults.Next(GraphMatch.Url("mailFolders/inbox/messages/delta"), Fault.Body(page.ToJsonString()));
    }
}
