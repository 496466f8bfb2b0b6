using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OutlookFollowUp.GraphSimulator;
using OutlookFollowUp.Mail;

namespace OutlookFollowUp.Tests.Mail.Graph;

public class ReplyDraftTests
{
    private static InMemoryMessage Original(DateTimeOffset at) => Messages.Message("m1", at) with
    {
        Subject = "Budget",
        From = new InMemoryAddress("ana@fabrikam.com", "Ana"),
        To = [new InMemoryAddress("ME@contoso.com", "Me"), new InMemoryAddress("bob@fabrikam.com", "Bob")],
        Cc = [new InMemoryAddress("me@contoso.com", "Me"), new InMemoryAddress("carla@contoso.com", "Carla")],
    };

    [Fact]
    public async Task CreateReplyAllDraft_PutsADraftInDrafts_ToEveryoneButTheOwner_WithTheComment()
    {
        using var rig = new GraphRig();
        rig.Mailbox.Put("inbox", Original(rig.Now));

        var id = await rig.Writer.CreateReplyAllDraftAsync("m1", "<p>Any news?</p>", CancellationToken.None);

        var draft = rig.Mailbox.Find(id)!;
        Assert.Equal(
            (1, "RE: Budget", "conv-m1", true, "ana@fabrikam.com,bob@fabrikam.com", "carla@contoso.com", "<p>Any news?</p>"),
            (rig.Mailbox.Count("drafts"), (string?)draft["subject"], (string?)draft["conversationId"], (bool?)draft["isDraft"],
                Addresses(draft["toRecipients"]), Addresses(draft["ccRecipients"]), (string?)draft["body"]!["content"]));
    }

    [Fact]
    public async Task CreateReplyAllDraft_UnknownMessage_Is404AndCreatesNothing()
    {
        using var rig = new GraphRig();

        var error = await Assert.ThrowsAsync<MailNotFoundException>(() => rig.Writer.CreateReplyAllDraftAsync("nope", "hi", CancellationToken.None));

        Assert.Equal((404, 0), (error.Status, rig.Mailbox.Count("drafts")));
    }

    [Fact]
    public async Task GetConversation_LeavesOutDrafts_SoAnUnsentFollowUpIsNoReply()
    {
        using var rig = new GraphRig();
        rig.Mailbox.Put("inbox", Original(rig.Now));
        await rig.Writer.CreateReplyAllDraftAsync("m1", "hi", CancellationToken.None);

        var conversation = await rig.Reader.GetConversationAsync("conv-m1", CancellationToken.None);

        Assert.Equal(["m1"], conversation.Select(m => m.Id));
    }

    [Fact]
    public async Task InMemoryGraph_CreateReplyAllWithoutImmutableIds_IsRecordedAsAProblem()
    {
        using var handler = new InMemoryGraphHandler(new InMemoryMailbox("me@contoso.com"));
        handler.Mailbox.Put("inbox", Messages.Message("m1", DateTimeOffset.UnixEpoch));
        using var client = new HttpClient(handler);

        using var response = await client.PostAsJsonAsync("https://graph.microsoft.com/v1.0/me/messages/m1/createReplyAll", new { comment = "hi" });

        Assert.Equal((HttpStatusCode.Created, 1), (response.StatusCode, handler.Problems.Count));
    }

    private static string Addresses(JsonNode? recipients) =>
        string.Join(',', recipients!.AsArray().Select(r => (string?)r!["emailAddress"]!["address"]));
}
