using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using OutlookFollowUp.GraphSimulator;
using OutlookFollowUp.Mail;
using OutlookFollowUp.Mail.Graph;

namespace OutlookFollowUp.Tests.Mail.Graph;

/// <summary>The adapter asks the product's token source for each request's token, and passes Graph's claims challenge on.</summary>
public sealed class GraphTokenTests
{
    private const string Claims = """{"access_token":{"nbf":{"essential":true,"value":"1700000000"}}}""";

    [Fact]
    public async Task A_claims_challenge_is_retried_once_with_a_token_for_the_claims()
    {
        using var fake = new InMemoryGraphHandler(new InMemoryMailbox(GraphRig.Me));
        fake.Faults.Next(GraphMatch.Any, Fault.Answer(_ => Task.FromResult(Challenge())));
        var tokens = new RecordingTokens();
        await using var services = GraphRig.Services(new GraphOptions(), fake).BuildServiceProvider();

        var me = await services.GetRequiredService<GraphClientFactory>().CreateReader("user-1", tokens).GetMeAsync(CancellationToken.None);

        Assert.Contains(GraphRig.Me, me.Addresses);
        Assert.Equal([null, Claims], tokens.Asked);
        Assert.Equal(2, fake.Requests.Count(r => r.HasAuthorization));
    }

    [Fact]
    public async Task Consent_required_from_the_token_source_reaches_the_caller_as_it_is()
    {
        using var fake = new InMemoryGraphHandler(new InMemoryMailbox(GraphRig.Me));
        await using var services = GraphRig.Services(new GraphOptions(), fake).BuildServiceProvider();
        var tokens = new RecordingTokens { Refuse = new MailConsentRequiredException("consent", Claims) };

        var error = await Assert.ThrowsAsync<MailConsentRequiredException>(
            () => services.GetRequiredService<GraphClientFactory>().CreateReader("user-1", tokens).GetMeAsync(CancellationToken.None));

        Assert.Equal((Claims, 0), (error.Claims, fake.Requests.Count));
    }

    private static HttpResponseMessage Challenge()
    {
        var response = new HttpResponseMessage(HttpStatusCode.Unauthorized)
        {
            Content = new StringContent("""{"error":{"code":"InvalidAuthenticationToken","message":"claims"}}""", Encoding.UTF8, "application/json"),
        };
        response.Headers.TryAddWithoutValidation(
            "WWW-Authenticate", $"Bearer realm=\"\", error=\"insufficient_claims\", claims=\"{Convert.ToBase64String(Encoding.UTF8.GetBytes(Claims))}\"");
        return response;
    }

    private sealed class RecordingTokens : IMailboxTokenSource
    {
        public List<string?> Asked { get; } = [];

        public MailConsentRequiredException? Refuse { get; init; }

        public Task<string> GetTokenAsync(string? claims, CancellationToken cancellationToken)
        {
            Asked.Add(claims);
            return Refuse is null ? Task.FromResult("token-" + Asked.Count) : throw Refuse;
        }
    }
}
