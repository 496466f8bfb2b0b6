using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Identity.Web;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace OutlookFollowUp.Auth;

/// <summary>
/// Entra ID: Microsoft.Identity.Web validates v2 access tokens (section AzureAd) and acquires Graph tokens on behalf of
/// the caller, with the MSAL token cache in the product's database so every instance shares it.
/// </summary>
internal static class EntraIdSetup
{
    public const string Section = "AzureAd";

    public static void AddEntraId(this IServiceCollection services, IConfiguration configuration)
    {
        var allowed = AllowedTenants(configuration);
        AppIdUri.EnsureValid(configuration);
        var instance = (configuration[$"{Section}:Instance"] ?? "https://login.microsoftonline.com/").TrimEnd('/') + "/";

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddMicrosoftIdentityWebApi(configuration, Section)
            .EnableTokenAcquisitionToCallDownstreamApi()
            .AddDistributedTokenCaches();
        // One token acquirer for the process: background work and flag writes outlive the request that made their ports.
        services.AddTokenAcquisition(isTokenAcquisitionSingleton: true);

        // Post-configured so that it replaces Identity.Web's validator: one check, offline, for issuer and tenant together.
        services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
        {
            options.TokenValidationParameters.IssuerValidator = (issuer, token, _) => ValidateIssuer(issuer, token, instance, allowed);
            // The caller's token is the OBO assertion: kept on the identity so a sync that outlives its request can still use it.
            options.TokenValidationParameters.SaveSigninToken = true;
            // Claims keep their token names: the inbound map folds "role" into the same claim type as "roles".
            options.MapInboundClaims = false;
        });
    }

    /// <summary>AzureAd:AllowedTenants, or the registration's own tenant when that is a tenant id.</summary>
    internal static HashSet<string> AllowedTenants(IConfiguration configuration)
    {
        var listed = configuration.GetSection($"{Section}:AllowedTenants").Get<string[]>() ?? [];
        var own = configuration[$"{Section}:TenantId"];
        var tenants = listed.Length > 0 ? listed : Guid.TryParse(own, out _) ? [own!] : [];
        if (tenants.Length == 0)
        {
            throw new InvalidOperationException(
                $"{Section}:TenantId is '{own}', not a tenant id: list the tenants this API serves in {Section}:AllowedTenants.");
        }

        return new HashSet<string>(tenants, StringComparer.OrdinalIgnoreCase);
    }

    // A v2 token's issuer is "{instance}{tid}/v2.0": the issuer must name the token's own tenant, and that tenant must be allowed.
    private static string ValidateIssuer(string issuer, SecurityToken token, string instance, HashSet<string> allowed)
    {
        var tenant = token is JsonWebToken jwt && jwt.TryGetPayloadValue<string>("tid", out var tid) ? tid : null;
        if (tenant is null || !allowed.Contains(tenant))
        {
            throw new SecurityTokenInvalidIssuerException("The token's tenant is not allowed to use this API.");
        }

        if (!string.Equals(issuer, $"{instance}{tenant}/v2.0", StringComparison.Ordinal))
        {
            throw new SecurityTokenInvalidIssuerException("The token's issuer is not its tenant's v2 issuer.");
        }

        return issuer;
    }
}
