using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Microsoft.Identity.Client;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace OutlookFollowUp.Tests.Auth;

/// <summary>One token request as the identity platform saw it (form fields, never logged by the product).</summary>
public sealed record TokenRequest(string Tenant, IReadOnlyDictionary<string, string> Form)
{
    public string GrantType => Form.GetValueOrDefault("grant_type", "");

    public const string OnBehalfOf = "urn:ietf:params:oauth:grant-type:jwt-bearer";
}

/// <summary>
/// The Microsoft identity platform's token endpoint as MSAL speaks to it over HTTP: on-behalf-of, refresh-token and
/// client-credentials grants, each answered with numbered tokens; <see cref="RefuseRefresh"/> answers invalid_grant
/// as Entra does for a revoked or expired refresh token. Any other request fails the test.
/// </summary>
public sealed class FakeIdentityPlatform : HttpMessageHandler, IMsalHttpClientFactory
{
    private readonly Lock _lock = new();
    private readonly List<TokenRequest> _requests = [];
    private int _issued;

    /// <summary>Seconds each access token lives: under MSAL's 5-minute margin, so every later use goes back to the endpoint.</summary>
    public int ExpiresIn { get; init; } = 60;

    public bool RefuseRefresh { get; set; }

    /// <summary>Scopes nobody consented to: a user token request naming one is refused as Entra refuses it (AADSTS65001).</summary>
    public HashSet<string> UnconsentedScopes { get; } = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<TokenRequest> Requests { get { lock (_lock) { return [.. _requests]; } } }

    public List<string> Problems { get; } = [];

    public HttpClient GetHttpClient() => new(this, disposeHandler: false);

    /// <summary>The access token issued in answer to request number <paramref name="index"/> (0-based).</summary>
    public static string AccessToken(int index) => $"graph-access-token-{index + 1}";

    public static string RefreshToken(int index) => $"refresh-token-{index + 1}";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        if (request.Method == HttpMethod.Get && uri.AbsolutePath.EndsWith("/discovery/instance", StringComparison.Ordinal))
        {
            return Json(HttpStatusCode.OK, new
            {
                tenant_discovery_endpoint = "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration",
                api_version = "1.1",
                metadata = new[] { new { preferred_network = "login.microsoftonline.com", preferred_cache = "login.windows.net", aliases = new[] { "login.microsoftonline.com", "login.windows.net", "login.microsoft.com", "sts.windows.net" } } },
            });
        }

        var segments = uri.AbsolutePath.Trim('/').Split('/');
        if (request.Method != HttpMethod.Post || segments is not [var tenant, "oauth2", "v2.0", "token"])
        {
            lock (_lock)
            {
                Problems.Add($"{request.Method} {uri}");
            }

            return new HttpResponseMessage(HttpStatusCode.NotFound);
        }

        var form = (await request.Content!.ReadAsStringAsync(cancellationToken)).Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => WebUtility.UrlDecode(p[0]), p => WebUtility.UrlDecode(p.Length > 1 ? p[1] : ""), StringComparer.Ordinal);
        int index;
        lock (_lock)
        {
            _requests.Add(new TokenRequest(tenant, form));
            index = _issued++;
        }

        var grant = form.GetValueOrDefault("grant_type");
        if (grant == "refresh_token" && RefuseRefresh)
        {
            return Json(HttpStatusCode.BadRequest, new
            {
                error = "invalid_grant",
                error_description = "AADSTS700082: The refresh token has expired due to inactivity.",
                error_codes = new[] { 700082 },
                suberror = "bad_token",
            });
        }

        if (grant is TokenRequest.OnBehalfOf or "refresh_token"
            && form.GetValueOrDefault("scope", "").Split(' ').Any(UnconsentedScopes.Contains))
        {
            return Json(HttpStatusCode.BadRequest, new
            {
                error = "invalid_grant",
                error_description = "AADSTS65001: The user or administrator has not consented to use the application.",
                error_codes = new[] { 65001 },
                suberror = "consent_required",
            });
        }

        var clientInfo = Base64Url(JsonSerializer.Serialize(new { uid = "aaaaaaaa-0000-0000-0000-00000000000a", utid = tenant }));
        return grant switch
        {
            TokenRequest.OnBehalfOf or "refresh_token" => Json(HttpStatusCode.OK, new
            {
                token_type = "Bearer", scope = form.GetValueOrDefault("scope", "").Split(' ')[0], expires_in = ExpiresIn, ext_expires_in = ExpiresIn,
                access_token = AccessToken(index), refresh_token = RefreshToken(index), client_info = clientInfo,
            }),
            "client_credentials" => Json(HttpStatusCode.OK, new { token_type = "Bearer", expires_in = ExpiresIn, ext_expires_in = ExpiresIn, access_token = AccessToken(index) }),
            _ => Json(HttpStatusCode.BadRequest, new { error = "unsupported_grant_type" }),
        };
    }

    /// <summary>True when the client assertion of a client-credentials request is signed by <paramref name="certificate"/>.</summary>
    public static async Task<bool> IsSignedByAsync(TokenRequest request, X509Certificate2 certificate, string clientId)
    {
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(request.Form.GetValueOrDefault("client_assertion", ""), new TokenValidationParameters
        {
            IssuerSigningKey = new X509SecurityKey(certificate),
            ValidIssuer = clientId,
            ValidateAudience = false,
            ValidateLifetime = true,
        });
        return result.IsValid && request.Form.GetValueOrDefault("client_assertion_type") == "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    }

    private static string Base64Url(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static HttpResponseMessage Json(HttpStatusCode status, object body) =>
        new(status) { Content = new StringContent(JsonSerializer.Serialize(body).Replace("api_version", "api-version", StringComparison.Ordinal), Encoding.UTF8, "application/json") };
}
