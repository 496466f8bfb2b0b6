using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using OutlookFollowUp.Mail.Graph;

namespace OutlookFollowUp.Tests.Auth;

/// <summary>App-only mode's one adapter seam: what the adapter asks of <c>/me</c> goes to <c>/users/{id}</c>.</summary>
public sealed class GraphUserPathTests
{
    private static readonly Uri Base = new("https://graph.microsoft.com/v1.0");

    [Theory]
    [InlineData("https://graph.microsoft.com/v1.0/me", "https://graph.microsoft.com/v1.0/users/user-1")]
    [InlineData("https://graph.microsoft.com/v1.0/me/mailFolders('inbox')/messages/delta()?$select=id", "https://graph.microsoft.com/v1.0/users/user-1/mailFolders('inbox')/messages/delta()?$select=id")]
    [InlineData("https://graph.microsoft.com/v1.0/users/user-1/messages?$skiptoken=abc", "https://graph.microsoft.com/v1.0/users/user-1/messages?$skiptoken=abc")]
    [InlineData("https://graph.microsoft.com/v1.0/memberOf", "https://graph.microsoft.com/v1.0/memberOf")]
    public async Task Requests_for_me_go_to_the_users_mailbox_and_others_pass_unchanged(string sent, string expected)
    {
        var seen = new Recorder();
        using var client = new HttpClient(new GraphUserPath("user-1", Base, seen));

        using var _ = await client.GetAsync(new Uri(sent));

        Assert.Equal(expected, seen.Uri!.ToString());
    }

    [Fact]
    public async Task Each_part_of_a_batch_is_addressed_to_the_user()
    {
        var seen = new Recorder();
        using var client = new HttpClient(new GraphUserPath("user-1", Base, seen));
        var batch = """{"requests":[{"id":"1","method":"PATCH","url":"/me/messages/AAMk1=","body":{}},{"id":"2","method":"GET","url":"/users/user-1/messages?$top=1"}]}""";

        using var _ = await client.PostAsync(new Uri("https://graph.microsoft.com/v1.0/$batch"), new StringContent(batch, Encoding.UTF8, "application/json"));

        var urls = JsonNode.Parse(seen.Body!)!["requests"]!.AsArray().Select(r => (string?)r!["url"]);
        Assert.Equal(["/users/user-1/messages/AAMk1=", "/users/user-1/messages?$top=1"], urls);
    }

    private sealed class Recorder : HttpMessageHandler
    {
        public Uri? Uri { get; private set; }

        public string? Body { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Uri = request.RequestUri;
            Body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
            return new HttpResponseMessage(HttpStatusCode.NoContent);
        }
    }
}
