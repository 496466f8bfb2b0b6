using OutlookFollowUp.FollowUps;
using OutlookFollowUp.Local;
using static OutlookFollowUp.Tests.Support.TestMail;

namespace OutlookFollowUp.Tests.FollowUps;

/// <summary>A bounce after the user's message: the thread says who the mail did not reach, from the headers alone.</summary>
public class NotDeliveredTests
{
    [Fact]
    public void ExchangeNonDeliveryReport_NamesTheOnlyRecipient_AndTheReasonSaysSo()
    {
        var sent = Message(from: Me, to: [Ana], hoursAgo: 50);
        var bounce = sent.ReplyTo(Message(from: "postmaster@contoso.com", to: [Me], hoursAgo: 49, subject: "Undeliverable: Quarterly numbers",
            facts: new HeaderFacts { MessageClass = "REPORT.IPM.Note.NDR" }));

        var thread = Assert.Single(Detect(sent, bounce));

        Assert.Equal([new NotDelivered(Ana)], thread.NotDelivered);
        Assert.Equal($"Not delivered to {Ana}: a delivery failure report came back. You wrote to {Ana} 2 days ago; no reply since.", thread.Reason);
    }

    [Theory]
    [InlineData("mailer-daemon@fabrikam.com", "Mail delivery failed: returning message to sender", null)]
    [InlineData("mailer-daemon@googlemail.com", "Delivery Status Notification (Failure)", "multipart/report")]
    public void FailureSubjects_AreBounces(string from, string subject, string? contentType)
    {
        var sent = Message(from: Me, to: [Ana], hoursAgo: 50);
        var bounce = sent.ReplyTo(Message(from: from, to: [Me], hoursAgo: 49, subject: subject, facts: new HeaderFacts { ContentType = contentType }));

        Assert.Equal([Ana], Assert.Single(Detect(sent, bounce)).NotDelivered.Select(n => n.Address));
    }

    [Fact]
    public void ADelayNotice_IsNotABounce()
    {
        var sent = Message(from: Me, to: [Ana], hoursAgo: 50);
        var delay = sent.ReplyTo(Message(from: "mailer-daemon@googlemail.com", to: [Me], hoursAgo: 49, subject: "Delivery Status Notification (Delay)",
            facts: new HeaderFacts { ContentType = "multipart/report" }));

        var thread = Assert.Single(Detect(sent, delay));

        Assert.Empty(thread.NotDelivered);
        Assert.EndsWith("1 delivery report ignored.", thread.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ABounceBeforeTheUsersLastMessage_DoesNotCount()
    {
        var first = Message(from: Me, to: [Ana], hoursAgo: 80);
        var bounce = first.ReplyTo(Message(from: "postmaster@contoso.com", to: [Me], hoursAgo: 79, subject: "Undeliverable: Quarterly numbers"));
        var again = bounce.ReplyTo(Message(from: Me, to: [Ana], hoursAgo: 50));

        Assert.Empty(Assert.Single(Detect(first, bounce, again)).NotDelivered);
    }

    [Fact]
    public async Task TheSampleBounce_ReachesTheThreadJson_ThroughTheIndex()
    {
        var now = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
        using var host = new LocalApiHost(SampleMailbox.Create(now), now);
        using var client = host.CreateClient();

        var json = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/threads", UriKind.Relative))).RootElement;
        var threads = json.GetProperty("threads").EnumerateArray().ToList();
        var partner = threads.Single(t => t.GetProperty("subject").GetString() == "Partnership introduction");

        var failed = Assert.Single(partner.GetProperty("notDelivered").EnumerateArray().ToList());
        Assert.Equal(("h.kim@fabrikm.example", "Hana Kim"), (failed.GetProperty("address").GetString(), failed.GetProperty("name").GetString()));
        Assert.StartsWith("Not delivered to Hana Kim", partner.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.All(threads.Where(t => t.GetProperty("subject").GetString() != "Partnership introduction"), t => Assert.False(t.TryGetProperty("notDelivered", out _)));
    }
}
