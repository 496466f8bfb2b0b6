using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using OutlookFollowUp.Auth;
using OutlookFollowUp.Web;

namespace OutlookFollowUp.Settings;

/// <param name="AllUnansweredDefault">Every unanswered thread for users who did not choose: the tenant's default, else the server's.</param>
/// <param name="ColleagueAnswersDefault">In a group thread a colleague's reply answers for the person asked, for users who did not choose.</param>
public sealed record PolicyResponse(
    int DefaultWindowHours, int MinWindowHours, int MaxWindowHours, IReadOnlyList<string> ExcludedDomains, int RetentionDays, bool DigestDefault,
    bool AllUnansweredDefault, bool ColleagueAnswersDefault = true);

/// <summary>GET/PUT /api/admin/policy: the caller's tenant policy; app role FollowUp.Admin only (the local user has it).</summary>
public static class PolicyApi
{
    public static RouteGroupBuilder MapAdminPolicy(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/admin/policy").WithTags("Admin").RequireAuthorization(ApiPolicies.Admin).RequireRateLimiting(RateLimiting.PerUser);
        group.MapGet("/", GetPolicy).WithName("GetPolicy").WithSummary("The caller's tenant policy (admins).");
        group.MapPut("/", PutPolicy).Validate<PolicyRequest>().WithName("PutPolicy").WithSummary("Replace the caller's tenant policy (admins).");
        return group;
    }

    public static async Task<Ok<PolicyResponse>> GetPolicy(CurrentUser caller, ISettingsStore store, IOptions<DetectionDefaults> server, CancellationToken ct) =>
        TypedResults.Ok(ToResponse(await store.GetPolicyAsync(caller.Tenant, ct), server.Value));

    public static async Task<Ok<PolicyResponse>> PutPolicy(
        PolicyRequest request, CurrentUser caller, ISettingsStore store, IOptions<DetectionDefaults> server, CancellationToken ct)
    {
        var current = await store.GetPolicyAsync(caller.Tenant, ct);
        var policy = new TenantPolicy(request.DefaultWindowHours!.Value, request.MinWindowHours!.Value, request.MaxWindowHours!.Value,
            SettingsApi.Normalize(request.ExcludedDomains ?? []), request.RetentionDays!.Value, request.DigestDefault ?? current.DigestDefault,
            request.AllUnansweredDefault ?? current.AllUnansweredDefault, request.ColleagueAnswersDefault ?? current.ColleagueAnswersDefault);
        await store.SavePolicyAsync(caller.Tenant, policy, ct);
        return TypedResults.Ok(ToResponse(policy, server.Value));
    }

    private static PolicyResponse ToResponse(TenantPolicy p, DetectionDefaults server) =>
        new(p.DefaultWindowHours, p.MinWindowHours, p.MaxWindowHours, p.ExcludedDomains, p.RetentionDays, p.DigestDefault,
            p.AllUnansweredDefault ?? server.AllUnanswered, p.ColleagueAnswersDefault);
}
