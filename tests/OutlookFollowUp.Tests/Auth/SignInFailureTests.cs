using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Identity.Client;
using Microsoft.Identity.Web;

namespace OutlookFollowUp.Tests.Auth;

/// <summary>
/// Entra mode: the on-behalf-of token request cannot reach the identity platform. The draft (and
/// any route that needs a Graph token) answers 503 with Retry-After saying the sign-in service is unreachable, not a
/// bare 500, and Graph is never called without a token.
/// </summary>
public sealed class SignInFailureTests
{
    public static TheoryData<string> Failures => ["msal-unreachable", "msal-throttled", "http"];

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task Draft_answers_503_sign_in_unreachable_when_the_token_request_fails(string failure)
    {
        using var app = new ApiApplication
        {
            // No Graph handler: NoNetworkHandler fails the test if Graph were called.
            TestServices = services => services.AddSingleton(ThrowingTokenAcquisition.Create(Failure(failure))),
        };
        await app.SeedThreadAsync(ApiTestKit.UserAKey, "thread-1", app.Time.GetUtcNow().AddDays(-3));
        using var client = app.CreateClient(TestTokens.UserA);

        using var response = await client.PostAsJsonAsync("/api/threads/thread-1/draft", new { messageId = "msg-thread-1", comment = "Any news?" });
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{(int)response.StatusCode}: {body}");
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        var problem = JsonSerializer.Deserialize<JsonElement>(body);
        Assert.Equal("The sign-in service is unreachable.", problem.GetProperty("title").GetString());
        Assert.DoesNotContain("AADSTS", body, StringComparison.Ordinal); // never the identity platform's own text
    }

    private static Exception Failure(string kind) => kind switch
    {
        "msal-unreachable" => new MsalServiceException(
            "service_not_available", "AADSTS: service not available", new HttpRequestException("No such host is known. (login.microsoftonline.com:443)")),
        "msal-throttled" => new MsalServiceException("temporarily_unavailable", "AADSTS50196: The server terminated an operation because it encountered a client request loop."),
        _ => new HttpRequestException("Connection refused (login.microsoftonline.com:443)"),
    };
}

/// <summary>ITokenAcquisition whose token calls fail as MSAL fails when the authority cannot be reached.</summary>
public class ThrowingTokenAcquisition : DispatchProxy
{
    private Exception _failure = new InvalidOperationException();

    public static ITokenAcquisition Create(Exception failure)
    {
        var proxy = Create<ITokenAcquisition, ThrowingTokenAcquisition>();
        ((ThrowingTokenAcquisition)(object)proxy)._failure = failure;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => targetMethod?.ReturnType switch
    {
        { } type when type == typeof(Task<string>) => Task.FromException<string>(_failure),
        { } type when type == typeof(Task<AuthenticationResult>) => Task.FromException<AuthenticationResult>(_failure),
        _ => throw new NotSupportedException(targetMethod?.Name),
    };
}
