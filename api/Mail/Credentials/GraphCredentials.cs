using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using Microsoft.Identity.Web;
using OutlookFollowUp.Auth;

namespace OutlookFollowUp.Mail.Credentials;

/// <summary>
/// Graph tokens for a user with Entra ID. Within the user's own request: on behalf of that request's token (and, in
/// delegated mode, starting the user's long-running session when there is none). Without it (timers, notifications):
/// the stored session, or the application's own token in <see cref="GraphModeOptions.Application"/> mode.
/// </summary>
internal sealed class GraphCredentials(ITokenAcquisition tokens, IGraphSessionStore sessions, IOptions<GraphModeOptions> mode)
{
    /// <summary>The code a sync records when the user must open the add-in again so that background work can go on.</summary>
    public const string SignInRequired = "signin_required";

    public bool AppOnly => mode.Value.IsApplication;

    public IMailboxTokenSource ForSignedInUser(ClaimsPrincipal user, string userKey, Uri graphBaseUrl) =>
        new OnBehalfOfTokenSource(tokens, user, graphBaseUrl, UserKeys.TenantOf(userKey), AppOnly ? null : new SessionStart(sessions, userKey));

    public IMailboxTokenSource ForAbsentUser(string userKey, Uri graphBaseUrl) => AppOnly
        ? new AppOnlyTokenSource(tokens, UserKeys.TenantOf(userKey), graphBaseUrl)
        : new LongRunningTokenSource(tokens, sessions, userKey, graphBaseUrl);

    internal static string[] GraphScopes(Uri graphBaseUrl) => [GraphScope(graphBaseUrl)];

    /// <summary>"/.default" of the configured Graph host: the consented permissions apply, sovereign clouds need no other code.</summary>
    internal static string GraphScope(Uri graphBaseUrl) => $"{graphBaseUrl.Scheme}://{graphBaseUrl.Host}/.default";
}

/// <summary>Starts (or renews) the user's long-running session once per token source, when the store says so.</summary>
internal sealed class SessionStart(IGraphSessionStore sessions, string userKey)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _done;

    /// <summary>Runs <paramref name="acquire"/> with the session key to start, or with null when a session already runs.</summary>
    public async Task<string> AcquireAsync(Func<string?, Task<(string Token, string? Key)>> acquire, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _done))
        {
            return (await acquire(null)).Token;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_done || !await sessions.ShouldStartAsync(userKey, cancellationToken))
            {
                _done = true;
                return (await acquire(null)).Token;
            }

            var (token, key) = await acquire(NewKey());
            if (key is not null)
            {
                await sessions.SaveAsync(userKey, key, cancellationToken);
            }

            _done = true;
            return token;
        }
        finally
        {
            _gate.Release();
        }
    }

    // Random, so the key says nothing about the user or their token.
    private static string NewKey() => "followup-session-" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
}

/// <summary>
/// Graph tokens on behalf of the caller (MSAL's OBO flow, cached in the database), for the user of the request whose
/// principal (and its saved access token, the OBO assertion) it holds.
/// </summary>
internal sealed class OnBehalfOfTokenSource(ITokenAcquisition tokens, ClaimsPrincipal user, Uri graphBaseUrl, string tenant, SessionStart? session) : IMailboxTokenSource
{
    private readonly string[] _scopes = GraphCredentials.GraphScopes(graphBaseUrl);

    public async Task<string> GetTokenAsync(string? claims, CancellationToken cancellationToken)
    {
        try
        {
            return session is null
                ? (await AcquireAsync(claims, null, cancellationToken)).Token
                : await session.AcquireAsync(key => AcquireAsync(claims, key, cancellationToken), cancellationToken);
        }
        catch (Exception ex) when ((ConsentRequired(ex) ?? SignInUnavailable(ex, cancellationToken)) is { } failure)
        {
            throw failure;
        }
    }

    private async Task<(string Token, string? Key)> AcquireAsync(string? claims, string? sessionKey, CancellationToken cancellationToken)
    {
        // With a session key, Identity.Web starts a long-running session from this request's token (InitiateLongRunningProcessInWebApi).
        var options = new TokenAcquisitionOptions { CancellationToken = cancellationToken, Claims = claims, LongRunningWebApiSessionKey = sessionKey };
        var token = await tokens.GetAccessTokenForUserAsync(_scopes, JwtBearerDefaults.AuthenticationScheme, tenant, userFlow: null, user: user, tokenAcquisitionOptions: options);
        return (token, options.LongRunningWebApiSessionKey);
    }

    /// <summary>
    /// The identity platform failed the token request without asking the user for anything: it could not be reached,
    /// timed out, or answered an error. Nothing the user can do but wait: the API answers 503 with Retry-After.
    /// </summary>
    internal static MailException? SignInUnavailable(Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
            return null;
        }

        for (var inner = exception; inner is not null; inner = inner.InnerException)
        {
            var retryAfter = inner is MsalServiceException { Headers.RetryAfter: { } header } ? header.Delta : null;
            if (inner is MsalServiceException or HttpRequestException or OperationCanceledException or TimeoutException)
            {
                return new MailUnavailableException(
                    MailUnavailableReason.SignInUnavailable, "The sign-in service could not give a Microsoft Graph token.", exception, retryAfter);
            }
        }

        return null;
    }

    /// <summary>
    /// Consent, MFA or a conditional-access claims challenge: MSAL says the user must act. The product's exception
    /// carries the claims, so the API can answer a 401 the pane hands to its sign-in library.
    /// </summary>
    internal static MailConsentRequiredException? ConsentRequired(Exception? exception, string? failureCode = null)
    {
        for (var inner = exception; inner is not null; inner = inner.InnerException)
        {
            var msal = inner switch
            {
                MicrosoftIdentityWebChallengeUserException web => web.MsalUiRequiredException,
                MsalUiRequiredException ui => ui,
                _ => null,
            };
            if (msal is not null)
            {
                return new MailConsentRequiredException("Microsoft Graph needs consent or another sign-in step.", msal.Claims, exception) { FailureCode = failureCode };
            }
        }

        return null;
    }

    public override string ToString() => $"OnBehalfOfTokenSource({graphBaseUrl.Host})";
}

/// <summary>
/// Graph tokens for a user who is not at the pane, through their long-running session: MSAL refreshes the session's
/// tokens from the token cache. No session, or one the identity platform refused, is "sign in again".
/// </summary>
internal sealed class LongRunningTokenSource(ITokenAcquisition tokens, IGraphSessionStore sessions, string userKey, Uri graphBaseUrl) : IMailboxTokenSource
{
    private readonly string[] _scopes = GraphCredentials.GraphScopes(graphBaseUrl);

    public async Task<string> GetTokenAsync(string? claims, CancellationToken cancellationToken)
    {
        if (await sessions.GetUsableKeyAsync(userKey, cancellationToken) is not { } key)
        {
            throw SignInRequired(null);
        }

        try
        {
            var options = new TokenAcquisitionOptions { CancellationToken = cancellationToken, Claims = claims, LongRunningWebApiSessionKey = key };
            return await WithoutAmbientRequest(() => tokens.GetAccessTokenForUserAsync(
                _scopes, JwtBearerDefaults.AuthenticationScheme, UserKeys.TenantOf(userKey), userFlow: null, user: null, tokenAcquisitionOptions: options));
        }
        catch (Exception ex) when ((OnBehalfOfTokenSource.ConsentRequired(ex, GraphCredentials.SignInRequired) ?? NoSession(ex)) is { } failure)
        {
            await sessions.MarkSignInRequiredAsync(userKey, CancellationToken.None);
            throw failure;
        }
        catch (Exception ex) when (OnBehalfOfTokenSource.SignInUnavailable(ex, cancellationToken) is { } failure)
        {
            throw failure;
        }
    }

    /// <summary>
    /// Identity.Web takes the OBO assertion from the current request when there is one. A background sync may run
    /// inside another user's request (started by it): it must never see that request, so it runs without its context.
    /// </summary>
    internal static Task<T> WithoutAmbientRequest<T>(Func<Task<T>> call)
    {
        using (ExecutionContext.SuppressFlow())
        {
            return Task.Run(call);
        }
    }

    // MSAL found no tokens under the session key (the cache entry expired or was erased).
    private static MailConsentRequiredException? NoSession(Exception exception) =>
        exception is MsalClientException { ErrorCode: MsalError.OboCacheKeyNotInCacheError } ? SignInRequired(exception) : null;

    private static MailConsentRequiredException SignInRequired(Exception? inner) =>
        new("The user must open the add-in again: there is no Graph session to act for them while they are away.", claims: null, inner) { FailureCode = GraphCredentials.SignInRequired };

    public override string ToString() => $"LongRunningTokenSource({graphBaseUrl.Host})";
}

/// <summary>App-only mode: the application's own token (client credentials with its certificate) for the user's tenant.</summary>
internal sealed class AppOnlyTokenSource(ITokenAcquisition tokens, string tenant, Uri graphBaseUrl) : IMailboxTokenSource
{
    private readonly string _scope = GraphCredentials.GraphScope(graphBaseUrl);

    public async Task<string> GetTokenAsync(string? claims, CancellationToken cancellationToken)
    {
        try
        {
            var options = new TokenAcquisitionOptions { CancellationToken = cancellationToken, Claims = claims };
            return await LongRunningTokenSource.WithoutAmbientRequest(() => tokens.GetAccessTokenForAppAsync(
                _scope, JwtBearerDefaults.AuthenticationScheme, tenant, options));
        }
        catch (Exception ex) when (OnBehalfOfTokenSource.SignInUnavailable(ex, cancellationToken) is { } failure)
        {
            throw failure;
        }
    }

    public override string ToString() => $"AppOnlyTokenSource({graphBaseUrl.Host})";
}
