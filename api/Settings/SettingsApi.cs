using Microsoft.AspNetCore.Http.HttpResults;
using OutlookFollowUp.Auth;
using OutlookFollowUp.FollowUps;
using OutlookFollowUp.Web;

namespace OutlookFollowUp.Settings;

/// <summary>
/// What GET, PUT and PATCH /api/settings return: the settings in force and the range the tenant allows.
/// <paramref name="Language"/> is what the server writes to the user in (the morning digest): en, it, de, fr or es;
/// null when never set, which means English. <paramref name="AllUnanswered"/>: every unanswered thread is listed (rule 9
/// off), the user's choice or else the tenant's default or else the server's. <paramref name="ColleagueAnswers"/> is in
/// force (the user's choice, else the tenant's default); <paramref name="Routes"/> says which other routes of an answer
/// are on, and for one that is off, the delegated permission that would turn it on.
/// </summary>
public sealed record SettingsResponse(
    int WindowHours, bool BusinessDays, string? TimeZone, int LookbackDays,
    IReadOnlyList<string> ExcludedSenders, IReadOnlyList<string> ExcludedDomains, bool SetOutlookFlags,
    WindowBounds AllowedWindowHours, IReadOnlyList<string> TenantExcludedDomains, WindowBounds AllowedLookbackDays, bool Digest,
    string? Language, bool AllUnanswered, bool ColleagueAnswers = true, IReadOnlyList<RouteStatus>? Routes = null);

/// <summary>An inclusive range the API accepts (the pane's inputs take their bounds from here).</summary>
public sealed record WindowBounds(int Min, int Max);

/// <summary>GET/PUT /api/settings: the caller's detection settings.</summary>
public static class SettingsApi
{
    public static RouteGroupBuilder MapSettings(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/settings").WithTags("Settings").RequireAuthorization(ApiPolicies.User).RequireRateLimiting(RateLimiting.PerUser).InvalidatesThreads();
        group.MapGet("/", GetSettings).WithName("GetSettings").WithSummary("The caller's detection settings, within the tenant policy.");
        group.MapPut("/", PutSettings).Validate<SettingsRequest>().WithName("PutSettings").WithSummary("Replace the caller's detection settings.");
        group.MapPatch("/", PatchSettings).Validate<SettingsPatch>().WithName("PatchSettings")
            .WithSummary("Set the caller's language (the pane does, from Office's display language) or whether every unanswered thread is listed, alone.");
        return group;
    }

    public static async Task<Ok<SettingsResponse>> GetSettings(CurrentUser caller, ISettingsStore store, IRouteStatuses routes, CancellationToken ct) =>
        TypedResults.Ok(await ReadAsync(caller.Key, store, routes, ct));

    public static async Task<Results<Ok<SettingsResponse>, ValidationProblem>> PutSettings(
        SettingsRequest request, CurrentUser caller, ISettingsStore store, IRouteStatuses routes, CancellationToken ct)
    {
        var userKey = caller.Key;
        var policy = await store.GetPolicyAsync(UserKeys.TenantOf(userKey), ct);
        var window = request.WindowHours!.Value;
        if (window < policy.MinWindowHours || window > policy.MaxWindowHours)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["windowHours"] = [$"Your organization allows a window between {policy.MinWindowHours} and {policy.MaxWindowHours} hours."],
            });
        }

        var before = await store.GetAsync(userKey, ct);
        var settings = new UserSettings(window, request.BusinessDays!.Value, request.TimeZone?.Trim(), request.LookbackDays!.Value,
            Normalize(request.ExcludedSenders ?? []), Normalize(request.ExcludedDomains ?? []), request.SetOutlookFlags!.Value,
            request.Digest ?? before.Digest, request.AllUnanswered, request.ColleagueAnswers ?? before.ColleagueAnswers);
        await store.SaveAsync(userKey, settings, ct);
        if (request.Language is { } language)
        {
            await store.SetLanguageAsync(userKey, language, ct);
        }

        return TypedResults.Ok(await ReadAsync(userKey, store, routes, ct));
    }

    /// <summary>The language or the mode only: a user who never chose their detection settings keeps following the tenant's defaults.</summary>
    public static async Task<Ok<SettingsResponse>> PatchSettings(
        SettingsPatch request, CurrentUser caller, ISettingsStore store, IRouteStatuses routes, CancellationToken ct)
    {
        await store.SetChoicesAsync(caller.Key, request.LanguageGiven ? request.Language ?? Localization.UserLanguages.English : null, request.AllUnanswered, ct);
        return TypedResults.Ok(await ReadAsync(caller.Key, store, routes, ct));
    }

    internal static string[] Normalize(IEnumerable<string> values) =>
        [.. values.Select(v => v.Trim().ToLowerInvariant()).Distinct(StringComparer.Ordinal)];

    private static async Task<SettingsResponse> ReadAsync(string userKey, ISettingsStore store, IRouteStatuses routes, CancellationToken ct)
    {
        var mine = await store.GetAsync(userKey, ct);
        var policy = await store.GetPolicyAsync(UserKeys.TenantOf(userKey), ct);
        return new SettingsResponse(policy.ClampWindow(mine.WindowHours), mine.BusinessDays, mine.TimeZone, mine.LookbackDays,
            mine.ExcludedSenders, mine.ExcludedDomains, mine.SetOutlookFlags,
            new WindowBounds(policy.MinWindowHours, policy.MaxWindowHours), policy.ExcludedDomains, new WindowBounds(1, OptionRules.MaxLookbackDays),
            mine.Digest ?? policy.DigestDefault, await store.GetLanguageAsync(userKey, ct), (await store.GetEffectiveAsync(userKey, ct)).AllUnanswered ?? false,
            mine.ColleagueAnswers ?? policy.ColleagueAnswersDefault, await routes.GetAsync(userKey, ct));
    }
}
