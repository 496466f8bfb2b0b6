using System.Text.Json.Nodes;
using OutlookFollowUp.FollowUps;
using OutlookFollowUp.GraphSimulator;
using OutlookFollowUp.Mail;

namespace OutlookFollowUp.Tests.Mail.Graph;

/// <summary>The Graph writer's reply draft to chosen recipients (a group thread's nudge to those who have not answered).</summary>
public class ReplyDraftRecipientsTests
{
    [Fact]
    public async Task CreateReplyAllDraft_ToChosenRecipients_IsOneCreateReplyAll_ToThemOnly_WithoutCc()
    {
        using var rig = new GraphRig();
        rig.Mailbox.Put("sentitems", Messages.Message("m1", rig.Now, from: GraphRig.Me) with
        {
            To = [new InMemoryAddress("ana@fabrikam.com", "Ana"), new InMemoryAddress("bob@fabrikam.com", "Bob")],
            Cc = [new InMemoryAddress("carla@contoso.com", "Carla")],
        });
        var before = rig.Attempts;

        var id = await rig.Writer.CreateReplyAllDraftAsync("m1", "<p>Any news?</p>", [new MailAddress("bob@fabrikam.com", "Bob"), new MailAddress("carla@contoso.com")], CancellationToken.None);

        var draft = rig.Mailbox.Find(id)!;
        Assert.Equal(("bob@fabrikam.com,carla@contoso.com", "Bob", "", "conv-m1", "<p>Any news?</p>", 1),
            (Addresses(draft["toRecipients"]), (string?)draft["toRecipients"]![0]!["emailAddress"]!["name"], Addresses(draft["ccRecipients"]),
             (string?)draft["conversationId"], (string?)draft["body"]!["content"], rig.Attempts - before));
    }

    [Fact]
    public async Task CreateReplyAllDraft_ToNobody_IsRefusedBeforeGraph()
    {
        using var rig = new GraphRig();

        await Assert.ThrowsAsync<ArgumentException>(() => rig.Writer.CreateReplyAllDraftAsync("m1", "hi", [], CancellationToken.None));

        Assert.Equal(0, rig.Attempts);
    }

    [Fact]
    public async Task CreateReplyAllDraft_ToChosenRecipients_UnknownMessage_Is404()
    {
        using var rig = new GraphRig();

        var error = await Assert.ThrowsAsync<MailNotFoundException>(() =>
            rig.Writer.CreateReplyAllDraftAsync("nope", "hi", [new MailAddress("bob@fabrikam.com")], CancellationToken.None));

        Assert.Equal((404, 0), (error.Status, rig.Mailbox.Count("drafts")));
    }

    private static string Addresses(JsonNode? recipients) =>
        string.Join(',', recipients!.AsArray().Select(r => (string?)r!["emailAddress"]!["address"]));
}
