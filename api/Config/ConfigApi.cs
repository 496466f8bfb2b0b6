using Microsoft.AspNetCore.Http.HttpResults;
using OutlookFollowUp.Auth;
using OutlookFollowUp.Local;

namespace OutlookFollowUp.Config;

/// <summary>What the pane must know before its first API call: whether to sign in at all, and for which scope.</summary>
/// <param name="ApiScope">The delegated scope on the API's app ID URI (<c>api://host/client-id/access_as_user</c>; see <see cref="AppIdUri"/>).</param>
/// <param name="DisplayName">Local mode: the mailbox owner's name, to sign drafts with (inside Outlook the pane asks Office).</param>
public sealed record PaneConfig(bool LocalMode, string? ClientId, string? ApiScope, string? Authority, string? DisplayName = null);

/// <summary>GET /api/config, anonymous: the pane reads it before it has a token. It holds no secret.</summary>
public static class ConfigApi
{
    private const string Section = "AzureAd";

    public static RouteHandlerBuilder MapConfig(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/config", GetConfig).WithTags("Config").AllowAnonymous()
            .WithName("GetConfig").WithSummary("How the pane signs in (or that it need not, in local mode).");

    public static Ok<PaneConfig> GetConfig(IConfiguration configuration)
    {
        var clientId = configuration[$"{Section}:ClientId"];
        if (string.IsNullOrWhiteSpace(clientId))
        {
            // A pasted token's owner is not known here without a Graph call: the pane then signs with no name.
            return TypedResults.Ok(new PaneConfig(LocalMode: true, null, null, null, LocalMode.UsesRealGraph(configuration) ? null : SampleMailbox.Name));
        }

        // From configuration only: the request's Host is the caller's to choose.
        var appIdUri = AppIdUri.From(configuration, clientId);
        var instance = (configuration[$"{Section}:Instance"] ?? "https://login.microsoftonline.com/").TrimEnd('/');
        var tenant = configuration[$"{Section}:TenantId"] is { Length: > 0 } t ? t : "common";
        return TypedResults.Ok(new PaneConfig(false, clientId, $"{appIdUri}/access_as_user", $"{instance}/{tenant}"));
    }
}
