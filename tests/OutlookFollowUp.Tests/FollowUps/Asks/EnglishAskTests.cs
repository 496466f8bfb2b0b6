using OutlookFollowUp.FollowUps.Asks;

namespace OutlookFollowUp.Tests.FollowUps.Asks;

/// <summary>Rule 9 in English: sentences a person wrote, what they ask and what they do not.</summary>
public class EnglishAskTests
{
    [Theory]
    [InlineData("Let me know if Tuesday works.", AskKind.Date)]
    [InlineData("Could you send me the Q3 figures by Friday?", AskKind.Request)]
    [InlineData("Please send the signed contract back by end of day.", AskKind.Signature)]
    [InlineData("Can you sign the NDA and return it to me?", AskKind.Signature)]
    [InlineData("Would you mind reviewing the attached draft before Monday?", AskKind.Review)]
    [InlineData("Any update on this?", AskKind.Update)]
    [InlineData("Just following up on my previous email about the invoice.", AskKind.Update)]
    [InlineData("Does Thursday 3pm work for you?", AskKind.Date)]
    [InlineData("When are you free next week for a call?", AskKind.Date)]
    [InlineData("Shall we move the launch to May?", AskKind.Proposal)]
    [InlineData("Should I open a JIRA for this?", AskKind.Proposal)]
    [InlineData("Option A or option B?", AskKind.Proposal)]
    [InlineData("I propose we drop support for Java 5 in 2.4. Any objections?", AskKind.Proposal)]
    [InlineData("Maybe we should cache the index in memory, WDYT?", AskKind.Proposal)]
    [InlineData("The plan is attached. Thoughts?", AskKind.Proposal)]
    [InlineData("I'd appreciate your thoughts on the new pricing model.", AskKind.Review)]
    [InlineData("Please advise.", AskKind.Request)]
    [InlineData("Any help would be greatly appreciated!", AskKind.Request)]
    [InlineData("Thanks in advance,\nMaria", AskKind.Request)]
    [InlineData("It would be great if someone could assign the issue to me.", AskKind.Request)]
    [InlineData("Does anyone know why the nightly build has been failing since Tuesday?", AskKind.Question)]
    [InlineData("What is the difference between the local and the yarn framework?", AskKind.Question)]
    [InlineData("I was wondering whether the 2.2 branch is still maintained.", AskKind.Question)]
    [InlineData("Hi Tom,\n\nCan you please open a ticket and attach the patch there?\n\nthanks!\nArun", AskKind.Request)]
    [InlineData("Waiting for your confirmation.", AskKind.Request)]
    [InlineData("Please vote on releasing this package as Apache Widget 2.3.7.", AskKind.Proposal)]
    [InlineData("What happens? Is there an exception, or does nothing happen at all?", AskKind.Question)]
    [InlineData("Is the value of ${HADOOP_NN_DIR} the issue? I cannot find where it is defined.", AskKind.Question)]
    [InlineData("Please review the attached SOW and let me know if you have any questions.", AskKind.Review)]
    [InlineData("Not sure if you saw my last email, but we still need the PO number.", AskKind.Update)]
    [InlineData("Looking forward to hearing from you.", AskKind.Request)]
    [InlineData("I need the final numbers by noon tomorrow.", AskKind.Request)]
    [InlineData("Happy to discuss further. Could you send over your availability?", AskKind.Date)]
    public void Asks(string body, AskKind kind) => Assert.Equal(kind, Classify.Body(body));

    [Theory]
    [InlineData("Thanks!")]
    [InlineData("Thank you very much.")]
    [InlineData("Sounds good.")]
    [InlineData("+1")]
    [InlineData("LGTM")]
    [InlineData("Committed in r1234.")]
    [InlineData("I've attached the patch.")]
    [InlineData("Released 2.3.0. Thanks to everyone who helped!")]
    [InlineData("No need to reply, this is just to keep you in the loop. Can you believe the numbers?")]
    [InlineData("See you Thursday!")]
    [InlineData("Confirmed for 10am tomorrow in room 4.")]
    [InlineData("The FAQ at http://example.com/faq?id=3 explains it.")]
    [InlineData("I read \"How do I configure the cache?\" on the wiki and it helped.")]
    [InlineData("Why not? It works now.")]
    [InlineData("Any questions? Just ask.")]
    [InlineData("Let me know if you have any questions.")]
    [InlineData("Feel free to reach out if anything is unclear.")]
    [InlineData("If you need anything else, let me know.")]
    [InlineData("Please find attached the minutes of today's meeting.")]
    [InlineData("Looks like your threads are blocked on the version storage lock. Setting the pool size to 1 avoids it.")]
    [InlineData("Does it work now? Yes, after the restart it does.")]
    [InlineData("The vote passes with 5 +1 votes. Thanks for voting! I'll push the release out shortly.")]
    [InlineData("Great to see this, Ralph. Looking forward to the patch!")]
    [InlineData("I'll let you know how the migration goes.")]
    [InlineData("Hope this helps,\nJohn")]
    [InlineData("You can set it in hdfs-site.xml; the default is /tmp, which does not survive a reboot.")]
    [InlineData("Found it: the test uses the wrong locale (can the CI box be set to en_US?) and fails.")]
    [InlineData("Can you believe it? We shipped on time, for once.")]
    [InlineData("Happy to help! If you need anything else, please call me.")]
    [InlineData("Please let me know if you have any questions.")]
    public void DoesNotAsk(string body) => Assert.Equal(AskKind.None, Classify.Body(body));

    [Fact]
    public void NoText_IsUnreadable_AndCountsAsAsking()
    {
        var verdict = AskClassifier.Classify("  \n ", AskFacts.None);

        Assert.Equal((AskKind.Unreadable, true), (verdict.Kind, verdict.Asks));
    }

    [Fact]
    public void QuestionInCode_AsksNothing() =>
        Assert.Equal(AskKind.None, Classify.Body("Fixed by changing the check:\n\n    int x = ready ? 1 : 0;\n\nDeployed."));

    [Fact]
    public void NewThreadSubject_IsReadAsAQuestion() =>
        Assert.Equal(AskKind.Question, Classify.Body("The logs are attached.", new AskFacts { Subject = "Is the staging cluster down?" }));

    [Fact]
    public void ReplySubject_IsNotRead() =>
        Assert.Equal(AskKind.None, Classify.Body("Fixed, thanks.", new AskFacts { Subject = "Re: Is the staging cluster down?" }));
}
