using OutlookFollowUp.FollowUps;
using OutlookFollowUp.Mail;

namespace OutlookFollowUp.Tests.Mail;

/// <summary>The facts rule 9 reads besides the text, from a message's metadata and whose mailbox it is.</summary>
public sealed class AskContextTests
{
    private static readonly AskContext Context = new(["alex@contoso.com", "alex.w@contoso.com"], ["Alex Wilber"]);

    [Fact]
    public void Mail_to_me_names_me_as_the_mail_does_and_the_others_in_to_and_cc()
    {
        var message = new MailRecord
        {
            Id = "m", From = "ben@fabrikam.com", FromName = "Ben", Subject = "Contract",
            To = [new("ALEX.W@contoso.com", "Alex W."), new("ana@fabrikam.com", "Ana Silva")],
            Cc = [new("carla@contoso.com", "Carla Jones"), new("dev@lists.example", null), new("x@y.example", "x@y.example")],
        };

        var facts = Context.FactsOf(message, "other");

        Assert.True(facts.ToMe);
        Assert.Equal(["Alex Wilber", "Alex W."], facts.MyNames);
        Assert.Equal(["Ana Silva", "Carla Jones"], facts.OtherRecipientNames);
        Assert.Equal(("other", "Contract"), (facts.InferenceClassification, facts.Subject));
    }

    [Fact]
    public void My_own_mail_is_not_to_me_and_signs_with_my_name()
    {
        var message = new MailRecord { Id = "m", From = "alex@contoso.com", FromName = "Alex", To = [new("ana@fabrikam.com", "Ana Silva")] };

        var facts = Context.FactsOf(message, null);

        Assert.False(facts.ToMe);
        Assert.Equal(["Alex Wilber", "Alex"], facts.MyNames);
        Assert.Equal(["Ana Silva"], facts.OtherRecipientNames);
    }

    [Fact]
    public void In_cc_only_is_not_to_me()
    {
        var message = new MailRecord { Id = "m", From = "ben@fabrikam.com", To = [new("ana@fabrikam.com")], Cc = [new("alex@contoso.com")] };

        Assert.False(Context.FactsOf(message, null).ToMe);
    }
}
