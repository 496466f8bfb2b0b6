using OutlookFollowUp.FollowUps;
using OutlookFollowUp.FollowUps.Asks;

namespace OutlookFollowUp.Tests.FollowUps.Asks;

/// <summary>Mail to the user: who a question is put to, and Outlook's Focused Inbox as a signal.</summary>
public class AddresseeTests
{
    private static readonly AskFacts ToAnaWithBob = new() { ToMe = true, MyNames = ["Ana Silva"], OtherRecipientNames = ["Bob Ross"] };

    [Theory]
    [InlineData("Bob, can you check the invoice?")]
    [InlineData("Hi Bob,\n\ncould you check the invoice before Friday?\n\nThanks")]
    [InlineData("@Bob can you check the invoice?")]
    public void AQuestionToAnotherRecipientByName_DoesNotAskTheUser(string body) =>
        Assert.Equal(AskKind.None, Classify.Body(body, ToAnaWithBob));

    [Theory]
    [InlineData("Ana, can you check the invoice?")]
    [InlineData("Hi Ana and Bob,\n\ncould you check the invoice?")]
    [InlineData("Hi all,\n\ncould you check the invoice?")]
    [InlineData("Could you check the invoice?")]
    public void AQuestionToTheUserOrToEveryone_Asks(string body) =>
        Assert.Equal(AskKind.Review, Classify.Body(body, ToAnaWithBob));

    [Fact]
    public void OnlyTheSentenceNamingBob_IsHis() =>
        Assert.Equal(AskKind.Signature, Classify.Body("Bob, can you check the invoice?\n\nAna, please sign the contract by Friday.", ToAnaWithBob));

    [Fact]
    public void InOwnMail_AQuestionToBob_StillWaitsOnBob() =>
        Assert.Equal(AskKind.Review, Classify.Body("Bob, can you check the invoice?", ToAnaWithBob with { ToMe = false }));

    [Fact]
    public void AStrangersName_SaysNothing_TheQuestionCounts() =>
        Assert.Equal(AskKind.Review, Classify.Body("Carla, can you check the invoice?", ToAnaWithBob));

    [Fact]
    public void FocusedOther_TipsAWeakQuestionToNone()
    {
        var other = ToAnaWithBob with { InferenceClassification = "other" };

        Assert.Equal(AskKind.Question, Classify.Body("Ready for the big sale? Our spring catalogue is out.", ToAnaWithBob));
        Assert.Equal(AskKind.None, Classify.Body("Ready for the big sale? Our spring catalogue is out.", other));
    }

    [Fact]
    public void FocusedOther_IsASignalNotAVerdict_AnExplicitAskStillAsks() =>
        Assert.Equal(AskKind.Request, Classify.Body("Could you confirm the delivery address?", ToAnaWithBob with { InferenceClassification = "other" }));

    [Fact]
    public void Fyi_LeavesOnlyExplicitAsks() =>
        Assert.Equal(AskKind.None, Classify.Body("FYI: the outage report is attached. Root cause? A full disk.", ToAnaWithBob));

    [Fact]
    public void Facts_FromTheMessageAndTheUsersAddresses()
    {
        var message = new MailRecord
        {
            Id = "1",
            To = [new MailAddress("ana.silva@contoso.com"), new MailAddress("bob@fabrikam.com", "Bob Ross")],
            Cc = [new MailAddress("carla.bianchi@fabrikam.it")],
            Subject = "Invoice",
        };

        var facts = MessageAskFacts.For(message, ["Ana.Silva@contoso.com"]);

        Assert.Equal((true, "ana silva", "Bob Ross|carla bianchi", "Invoice"),
            (facts.ToMe, string.Join('|', facts.MyNames), string.Join('|', facts.OtherRecipientNames), facts.Subject));
    }

    [Fact]
    public void Facts_MeInCcOnly_IsNotWrittenToMe() =>
        Assert.False(MessageAskFacts.For(new MailRecord { Id = "1", Cc = [new MailAddress("me@contoso.com")] }, ["me@contoso.com"]).ToMe);
}
