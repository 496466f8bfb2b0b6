using System.Net.Http.Json;
using System.Text.Json;
using OutlookFollowUp.GraphSimulator;

namespace OutlookFollowUp.Tests.Threads;

/// <summary>
/// A mailbox for the ladder and group-thread API tests: "Ladder" has the original and three follow-ups to Ana, "Twice"
/// the original and two to Bob, "Offsite" went to four people of whom Ana answered before the user wrote again,
/// "Single" is one mail to Ana, and Fatima's "Question" waits on the user. Ana and Bob work for different
/// organizations, so Ana's answer is hers alone (a colleague's would answer for Bob too).
/// </summary>
internal static class LadderMailbox
{
    public const string Me = "me@contoso.com";
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    public static readonly InMemoryAddress Ana = new("ana@fabrikam.com", "Ana Silva");
    public static readonly InMemoryAddress Bob = new("bob@tailspin.example", "Bob Nguyen");
    public static readonly InMemoryAddress Carla = new("carla@contoso.com", "Carla Jones");
    public static readonly InMemoryAddress Dan = new("dan@contoso.com", "Dan Park");
    private static readonly InMemoryAddress MeAddress = new(Me, "Me");
    private static readonly InMemoryAddress Fatima = new("fatima@contoso.com", "Fatima Haddad");

    public static InMemoryMailbox Create()
    {
        var mailbox = new InMemoryMailbox(Me);
        var mail = new ConversationWriter(mailbox, Now, "Ladder", "ladder");

        foreach (var hoursAgo in new[] { 300, 250, 200, 100 })
        {
            mail.Put("sentitems", "ladder", hoursAgo, MeAddress, [Ana], hoursAgo == 300 ? "Ladder" : "RE: Ladder");
        }

        foreach (var hoursAgo in new[] { 290, 190, 90 })
        {
            mail.Put("sentitems", "twice", hoursAgo, MeAddress, [Bob], hoursAgo == 290 ? "Twice" : "RE: Twice");
        }

        mail.Put("sentitems", "offsite", 200, MeAddress, [Ana, Bob], "Offsite", cc: [Carla, Dan]);
        mail.Put("inbox", "offsite", 150, Ana, [MeAddress, Bob], "RE: Offsite", cc: [Carla, Dan]);
        mail.Put("sentitems", "offsite", 100, MeAddress, [Ana, Bob], "RE: Offsite", cc: [Carla, Dan]);

        mail.Put("sentitems", "single", 100, MeAddress, [Ana], "Single");
        mail.Put("inbox", "question", 100, Fatima, [MeAddress], "Question");
        return mailbox;
    }

    /// <summary>GET /api/threads as raw JSON: the row with this subject.</summary>
    public static async Task<JsonElement> RowAsync(HttpClient client, string subject)
    {
        var body = await client.GetFromJsonAsync<JsonElement>("/api/threads");
        return body.GetProperty("threads").EnumerateArray().Single(t => t.GetProperty("subject").GetString()!.EndsWith(subject, StringComparison.Ordinal));
    }

    /// <summary>The listed threads' keys.</summary>
    public static async Task<IReadOnlyList<string>> KeysAsync(HttpClient client)
    {
        var body = await client.GetFromJsonAsync<JsonElement>("/api/threads");
        return [.. body.GetProperty("threads").EnumerateArray().Select(t => t.GetProperty("threadKey").GetString()!)];
    }

    public static string[] People(JsonElement people) =>
        [.. people.EnumerateArray().Select(p => $"{p.GetProperty("name").GetString()} <{p.GetProperty("address").GetString()}>")];
}

/// <summary>One local-mode app on <see cref="LadderMailbox"/> per test class that shares it.</summary>
public sealed class LadderHost : IDisposable
{
    public LadderHost()
    {
        Mailbox = LadderMailbox.Create();
        Api = new LocalApiHost(Mailbox, LadderMailbox.Now);
        Client = Api.CreateClient();
    }

    public InMemoryMailbox Mailbox { get; }

    public LocalApiHost Api { get; }

    public HttpClient Client { get; }

    public void Dispose()
    {
        Client.Dispose();
        Api.Dispose();
    }
}
