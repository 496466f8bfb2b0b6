using Microsoft.AspNetCore.Http.HttpResults;
using OutlookFollowUp.Auth;
using OutlookFollowUp.Web;

namespace OutlookFollowUp.Settings;

public sealed record PolicyResponse(int DefaultWindowHours, int MinWindowHours, int MaxWindowHours, IReadOnlyList<string> ExcludedDomains, int RetentionDays);

/// <summary>GET/PUT /api/admin/policy: the caller's tenant policy; app role FollowUp.Admin only (the local user has it).</summary>
public static class PolicyApi
{
    public static RouteGroupBuilder MapAdminPolicy(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/admin/policy").WithTags("Admin").RequireAuthorization(ApiPolicies.Admin).RequireRateLimiting(RateLimiting.PerUser);
        group.MapGet("/", GetPolicy);
        group.MapPut("/", PutPolicy).Validate<PolicyRequest>();
        return group;
    }

    public static async Task<Ok<PolicyResponse>> GetPolicy(HttpContext http, ISettingsStore store, CancellationToken ct) =>
        TypedResults.Ok(ToResponse(await store.GetPolicyAsync(Tenant(http), ct)));

    public static async Task<Ok<PolicyResponse>> PutPolicy(PolicyRequest request, HttpContext http, ISettingsStore store, CancellationToken ct)
    {
        var policy = new TenantPolicy(request.DefaultWindowHours!.Value, request.MinWindowHours!.Value, request.MaxWindowHours!.Value,
            SettingsApi.Normalize(request.ExcludedDomains!), request.RetentionDays!.Value);
        await store.SavePolicyAsync(Tenant(http), policy, ct);
        return TypedResults.Ok(ToResponse(policy));
    }

    private static string Tenant(HttpContext http) => UserKeys.TenantOf(http.User.RequireUserKey());

    private static PolicyResponse ToResponse(TenantPolicy p) =>
        new(p.DefaultWindowHours, p.MinWindowHours, p.MaxWindowHours, p.ExcludedDomains, p.RetentionDays);
}
