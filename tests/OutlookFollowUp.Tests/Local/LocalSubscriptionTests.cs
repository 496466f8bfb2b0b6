using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OutlookFollowUp.GraphSimulator;
using OutlookFollowUp.Local;
using OutlookFollowUp.Mail;
using OutlookFollowUp.Storage;

namespace OutlookFollowUp.Tests.Local;

/// <summary>
/// One data folder, two people's pasted tokens one after the other: the second run never acts for the first person,
/// whatever arrives for them (a genuine notification of theirs included).
/// </summary>
public sealed class LocalSubscriptionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly string TokenA = Jwt("tenant-1", "ana");
    private static readonly string TokenB = Jwt("tenant-1", "bea");

    [Fact]
    public async Task A_notification_for_an_earlier_persons_subscription_never_syncs_with_this_runs_token()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite, migrate: false);
        InMemorySubscription earlier;
        using (var ana = new NotificationHost(Mailbox("ana@adatum.example"), Now, settings: Settings(database, TokenA)))
        {
            await ana.ActivateAsync();
            earlier = ana.GraphServer.Subscriptions.First(s => s.Folder == "inbox");
        }

        using var bea = new NotificationHost(Mailbox("bea@fabrikam.example"), Now, settings: Settings(database, TokenB));
        using var client = bea.CreateClient();
        var notification = JsonSerializer.Serialize(new { value = new[] { new { subscriptionId = earlier.Id, clientState = earlier.ClientState, changeType = "created" } } });
        using var response = await client.PostAsync(new Uri("/api/graph/notifications", UriKind.Relative), new StringContent(notification, Encoding.UTF8, "application/json"));
        await bea.WaitForIdleSyncsAsync();

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(0, bea.DeltaRequests);
        Assert.DoesNotContain(await bea.SubscriptionRowsAsync(), r => r.UserKey == LocalMode.TokenUserKey(TokenA));
    }

    [Fact]
    public void Local_mode_gives_no_mailbox_but_its_own()
    {
        using var bea = new NotificationHost(Mailbox("bea@fabrikam.example"), Now, publicBaseUrl: null, settings: new Dictionary<string, string> { ["Graph:AccessToken"] = TokenB });
        using var scope = bea.Services.CreateScope();
        var mailboxes = scope.ServiceProvider.GetRequiredService<IMailboxes>();

        Assert.NotNull(mailboxes.Reader(LocalMode.TokenUserKey(TokenB)));
        Assert.Throws<MailException>(() => mailboxes.Reader(LocalMode.TokenUserKey(TokenA)));
        Assert.Throws<MailException>(() => mailboxes.Writer(LocalMode.SampleUserKey));
        Assert.Throws<MailException>(() => mailboxes.Subscriptions(LocalMode.SampleUserKey));
    }

    private static Dictionary<string, string> Settings(TestDatabase database, string token) => new()
    {
        ["ConnectionStrings:FollowUps"] = database.ConnectionString,
        ["Graph:AccessToken"] = token,
    };

    private static InMemoryMailbox Mailbox(string me)
    {
        var mailbox = new InMemoryMailbox(me);
        mailbox.Put("sentitems", new InMemoryMessage
        {
            Id = $"AAMk-{me}=",
            InternetMessageId = $"<1@{me.Split('@')[1]}>",
            ConversationId = $"AAQk-{me}=",
            Subject = $"Question from {me}",
            From = new(me),
            To = [new("lee@northwind.example", "Lee")],
            SentDateTime = Now.AddHours(-72),
            ReceivedDateTime = Now.AddHours(-72),
        });
        return mailbox;
    }

    /// <summary>A token shaped like Graph Explorer's (unsigned: only its payload names the mailbox).</summary>
    private static string Jwt(string tid, string oid) =>
        $"{Part("""{"typ":"JWT","alg":"RS256"}""")}.{Part($$"""{"tid":"{{tid}}","oid":"{{oid}}"}""")}.c2lnbmF0dXJl";

    private static string Part(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
