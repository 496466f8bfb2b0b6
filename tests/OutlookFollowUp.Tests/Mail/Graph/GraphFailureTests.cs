using System.Net;
using System.Text;
using OutlookFollowUp.GraphSimulator;
using OutlookFollowUp.Mail;
using OutlookFollowUp.Mail.Graph;

namespace OutlookFollowUp.Tests.Mail.Graph;

/// <summary>What Graph answers becomes the product's own exceptions at the adapter, never an SDK or Kiota type.</summary>
public sealed class GraphFailureTests : IDisposable
{
    private readonly GraphRig _rig = new();

    public void Dispose() => _rig.Dispose();

    [Fact]
    public async Task A_403_on_a_flag_is_access_denied_naming_Mail_ReadWrite()
    {
        _rig.Mailbox.Put(GraphQuery.Inbox, Messages.Message("m1", _rig.Now));
        _rig.Server.Faults.Next(GraphMatch.Url("/me/messages/m1"), Fault.Status(HttpStatusCode.Forbidden));

        var error = await Assert.ThrowsAsync<MailAccessDeniedException>(
            () => _rig.Writer.SetFlagAsync("m1", OutlookFlag.Complete, CancellationToken.None));

        Assert.Equal("Mail.ReadWrite", error.RequiredPermission);
    }

    [Fact]
    public async Task A_403_on_a_sync_is_access_denied_naming_Mail_Read()
    {
        _rig.Server.Faults.Next(GraphMatch.Url("inbox"), Fault.Status(HttpStatusCode.Forbidden));

        var error = await Assert.ThrowsAsync<MailAccessDeniedException>(
            () => _rig.Reader.SyncAsync(GraphRig.NoLinks, 14, CancellationToken.None));

        Assert.Equal("Mail.Read", error.RequiredPermission);
    }

    [Fact]
    public async Task A_401_with_a_claims_challenge_is_consent_required_carrying_the_claims()
    {
        const string claims = """{"access_token":{"nbf":{"essential":true,"value":"1700000000"}}}""";
        var challenge = $"Bearer realm=\"\", error=\"insufficient_claims\", claims=\"{Convert.ToBase64String(Encoding.UTF8.GetBytes(claims))}\"";
        // Kiota retries a claims challenge once with the claims; Graph refuses again here.
        _rig.Server.Faults.Next(GraphMatch.Any, Fault.Answer(_ => Task.FromResult(Unauthorized(challenge))), times: 2);

        var error = await Assert.ThrowsAsync<MailConsentRequiredException>(() => _rig.Reader.GetMeAsync(CancellationToken.None));

        Assert.Equal(claims, error.Claims);
    }

    [Fact]
    public async Task Throttling_past_the_retries_carries_Graphs_Retry_After()
    {
        using var rig = new GraphRig(o => o.MaxRetries = 0);
        rig.Server.Faults.Next(GraphMatch.Any, Fault.Throttle(7));

        var error = await Assert.ThrowsAsync<MailUnavailableException>(() => rig.Reader.GetMeAsync(CancellationToken.None));

        Assert.Equal((MailUnavailableReason.Throttled, TimeSpan.FromSeconds(7)), (error.Reason, error.RetryAfter));
    }

    [Fact]
    public async Task A_400_is_a_mail_exception_with_its_status()
    {
        _rig.Server.Faults.Next(GraphMatch.Any, Fault.Status(HttpStatusCode.BadRequest));

        var error = await Assert.ThrowsAsync<MailException>(() => _rig.Reader.GetMailboxTimeZoneAsync(CancellationToken.None));

        Assert.Equal(400, error.Status);
    }

    private static HttpResponseMessage Unauthorized(string challenge)
    {
        var response = new HttpResponseMessage(HttpStatusCode.Unauthorized)
        {
            Content = new StringContent("""{"error":{"code":"InvalidAuthenticationToken","message":"claims"}}""", Encoding.UTF8, "application/json"),
        };
        response.Headers.TryAddWithoutValidation("WWW-Authenticate", challenge);
        return response;
    }
}
