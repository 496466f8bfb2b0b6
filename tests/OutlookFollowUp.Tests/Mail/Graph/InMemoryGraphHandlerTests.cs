using System.Net;
using System.Text.Json.Nodes;
using OutlookFollowUp.GraphSimulator;
using OutlookFollowUp.Mail.Graph;

namespace OutlookFollowUp.Tests.Mail.Graph;

/// <summary>The in-memory Graph itself, over plain HTTP: what it serves and what it refuses.</summary>
public sealed class InMemoryGraphHandlerTests : IDisposable
{
    private readonly InMemoryMailbox _mailbox = new("me@contoso.com");
    private readonly InMemoryGraphHandler _graph;
    private readonly HttpClient _http;

    public InMemoryGraphHandlerTests()
    {
        _graph = new InMemoryGraphHandler(_mailbox);
        _http = new HttpClient(_graph) { BaseAddress = new Uri("https://graph.microsoft.com/v1.0/") };
        _http.DefaultRequestHeaders.Add("Prefer", GraphQuery.ImmutableIdPreference);
        _mailbox.Put(GraphQuery.Inbox, Messages.Message("a", DateTimeOffset.UtcNow));
    }

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task Only_selected_properties_are_serialized()
    {
        var page = JsonNode.Parse(await _http.GetStringAsync("me/mailFolders/inbox/messages/delta?$select=subject"))!;

        var message = page["value"]![0]!.AsObject();
        Assert.Equal(["@odata.type", "id", "subject"], message.Select(p => p.Key).Order());
    }

    [Fact]
    public async Task Extended_properties_come_only_when_expanded_and_in_graphs_spelling()
    {
        var page = JsonNode.Parse(await _http.GetStringAsync(
            "me/mailFolders/inbox/messages/delta?$select=id&$expand=singleValueExtendedProperties($filter=id eq 'String 0x001A')"))!;

        Assert.Equal("String 0x1a", (string?)page["value"]![0]!["singleValueExtendedProperties"]![0]!["id"]);
    }

    [Fact]
    public async Task Selecting_an_unknown_property_is_a_400_like_graph()
    {
        using var response = await _http.GetAsync(new Uri("me/mailFolders/inbox/messages/delta?$select=bogus", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Single(_graph.Problems);
    }

    [Fact]
    public async Task A_request_it_was_not_prepared_for_is_refused_and_recorded()
    {
        using var response = await _http.GetAsync(new Uri("me/events", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("/me/events", Assert.Single(_graph.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_request_without_immutable_ids_is_recorded_as_a_problem()
    {
        _http.DefaultRequestHeaders.Remove("Prefer");

        await _http.GetStringAsync("me/mailFolders/inbox/messages/delta");

        Assert.Contains("ImmutableId", Assert.Single(_graph.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Me_reads_addresses_and_aliases()
    {
        using var rig = new GraphRig();

        var me = await rig.Reader.GetMeAsync(CancellationToken.None);

        Assert.Equal(["me@contoso.com", "alias@contoso.com"], me.Addresses);
    }
}
