using Microsoft.AspNetCore.Http.HttpResults;

namespace OutlookFollowUp.Config;

/// <summary>What the pane must know before its first API call: whether to sign in at all, and for which scope.</summary>
/// <param name="ApiScope">The delegated scope on the API's app ID URI (<c>api://host/client-id/access_as_user</c>).</param>
public sealed record PaneConfig(bool LocalMode, string? ClientId, string? ApiScope, string? Authority);

/// <summary>GET /api/config, anonymous: the pane reads it before it has a token. It holds no secret.</summary>
public static class ConfigApi
{
    private const string Section = "AzureAd";

    public static RouteHandlerBuilder MapConfig(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/config", GetConfig).WithTags("Config").AllowAnonymous()
            .WithName("GetConfig").WithSummary("How the pane signs in (or that it need not, in local mode).");

    public static Ok<PaneConfig> GetConfig(HttpRequest request, IConfiguration configuration)
    {
        var clientId = configuration[$"{Section}:ClientId"];
        if (string.IsNullOrWhiteSpace(clientId))
        {
            return TypedResults.Ok(new PaneConfig(LocalMode: true, null, null, null));
        }

        // The manifest stamps the app ID URI as api://<host>/<client-id>; an explicit Audience wins when the host differs.
        var audience = configuration[$"{Section}:Audience"];
        var appIdUri = string.IsNullOrWhiteSpace(audience) || !audience.StartsWith("api://", StringComparison.Ordinal)
            ? $"api://{request.Host.Host}/{clientId}"
            : audience.TrimEnd('/');
        var instance = (configuration[$"{Section}:Instance"] ?? "https://login.microsoftonline.com/").TrimEnd('/');
        var tenant = configuration[$"{Section}:TenantId"] is { Length: > 0 } t ? t : "common";
        return TypedResults.Ok(new PaneConfig(false, clientId, $"{appIdUri}/access_as_user", $"{instance}/{tenant}"));
    }
}
