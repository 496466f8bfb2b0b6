using System.Net;
using OutlookFollowUp.GraphSimulator;
using OutlookFollowUp.Mail;
using OutlookFollowUp.Mail.Graph;
using OutlookFollowUp.Reminders;
using OutlookFollowUp.Storage;

namespace OutlookFollowUp.Tests.Mail.Graph;

/// <summary>
/// Query values reach Graph percent-encoded, alone or as parts of a <c>$batch</c>: Graph reads a raw <c>+</c> in a query
/// string as a space, and Exchange's conversation ids are base64 (<c>+</c>, <c>/</c>, <c>=</c>), addresses may hold a
/// <c>+</c>. The in-memory Graph decodes query strings as Graph does, so a raw <c>+</c> finds nothing here either.
/// </summary>
[Trait("Needs", "Postgres")]
public sealed class EncodedQueryTests : IDisposable
{
    private const string Conversation = "AAQkAGI2/gVPfkq+5TH6xDKwkZn4QBui7WQ=";

    private static readonly string[] Conversations = [Conversation, "gVPfkq/5TH6xDKwkZn4QBui7WQ+i6saf", "a+b+c==", "x y'z+"];

    private readonly GraphRig _rig = new();

    public void Dispose() => _rig.Dispose();

    private void Seed(string conversation, string id) =>
        _rig.Mailbox.Put(GraphQuery.Inbox, Messages.Message(id, _rig.Now.AddHours(-1)) with { ConversationId = conversation });

    [Fact]
    public async Task Batched_conversation_checks_find_conversations_whose_ids_hold_plus_slash_and_equals()
    {
        for (var i = 0; i < Conversations.Length; i++)
        {
            Seed(Conversations[i], $"m-{i}");
        }

        var found = await _rig.Reader.GetConversationsAsync(Conversations, CancellationToken.None);

        Assert.All(Conversations.Select((c, i) => (c, i)), p => Assert.Equal($"m-{p.i}", Assert.Single(found[p.c]).Id));
    }

    [Fact]
    public async Task A_single_conversation_look_up_finds_a_conversation_whose_id_holds_a_plus()
    {
        Seed(Conversation, "m-1");

        var conversation = await _rig.Reader.GetConversationAsync(Conversation, CancellationToken.None);

        Assert.Equal("m-1", Assert.Single(conversation).Id);
    }

    [Fact]
    public async Task Every_batch_part_sends_its_query_values_percent_encoded()
    {
        Seed(Conversation, "m-1");

        await _rig.Reader.GetConversationsAsync([Conversation], CancellationToken.None);

        var query = Assert.Single(_rig.Server.BatchParts).Split('?', 2)[1];
        Assert.Contains("%2B", query, StringComparison.Ordinal);
        Assert.DoesNotContain('+', query);
        Assert.DoesNotContain(' ', query);
        Assert.DoesNotContain('\'', query);
    }

    [Fact]
    public async Task The_people_search_of_an_address_holding_a_plus_finds_its_person()
    {
        const string address = "sales+emea@fabrikam.com";
        _rig.Mailbox.AddPerson(new("Hana Kim", [address], [new InMemoryPhone("mobile", "+82 10 1234 5678")]));

        var found = await ((IPeopleDirectory)_rig.Reader).GetPhonesAsync([address], CancellationToken.None);

        Assert.Equal("+82 10 1234 5678", found.Answers[address]?.Number);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_due_sweep_finds_the_reply_in_a_conversation_whose_id_holds_plus_slash_and_equals(StorageProvider provider)
    {
        await using var rig = await SweepRig.CreateAsync(provider);
        var start = rig.Time.GetUtcNow();
        rig.Mailbox.Put(GraphQuery.SentItems, Messages.Message("s1", start.AddHours(-1), SweepRig.Me) with
        {
            To = [new InMemoryAddress("ana@fabrikam.com", "Ana")],
            ConversationId = Conversation,
        });
        rig.Mailbox.Put(GraphQuery.Inbox, Messages.Message("r1", start.AddHours(2)) with { ConversationId = Conversation });
        var id = await rig.RemindAsync("s1", start.AddHours(24), threadKey: Conversation);
        rig.Time.Advance(TimeSpan.FromHours(25));

        var counts = await rig.Sweep().RunOnceAsync(CancellationToken.None);

        Assert.Equal((0, 1), (counts.Due, counts.Resolved));
        Assert.Equal(ReminderStatus.Resolved, rig.Reminder(await rig.RowAsync(id)).Status);
        Assert.NotEqual("flagged", rig.FlagStatus("s1"));
    }
}

/// <summary>The in-memory Graph reads query strings as Graph does: a raw <c>+</c> is a space, <c>%2B</c> a plus.</summary>
[Trait("Needs", "Postgres")]
public sealed class InMemoryGraphQueryDecodingTests : IDisposable
{
    private readonly InMemoryMailbox _mailbox = new("me@contoso.com");
    private readonly HttpClient _http;

    public InMemoryGraphQueryDecodingTests()
    {
        _http = new HttpClient(new InMemoryGraphHandler(_mailbox)) { BaseAddress = new Uri("https://graph.microsoft.com/v1.0/") };
        _http.DefaultRequestHeaders.Add("Prefer", GraphQuery.ImmutableIdPreference);
        _mailbox.Put(GraphQuery.Inbox, Messages.Message("a", DateTimeOffset.UtcNow) with { ConversationId = "a+b" });
        _mailbox.Put(GraphQuery.Inbox, Messages.Message("b", DateTimeOffset.UtcNow) with { ConversationId = "a b" });
    }

    public void Dispose() => _http.Dispose();

    [Theory]
    [InlineData("me/messages?$filter=conversationId%20eq%20%27a%2Bb%27", "a")]
    [InlineData("me/messages?$filter=conversationId eq 'a+b'", "b")]
    public async Task A_percent_encoded_plus_is_a_plus_and_a_raw_plus_is_a_space(string url, string expected)
    {
        using var response = await _http.GetAsync(new Uri(url, UriKind.Relative));
        var page = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, (string?)Assert.Single(page["value"]!.AsArray())!["id"]);
    }
}
