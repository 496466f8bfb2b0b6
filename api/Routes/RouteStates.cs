namespace OutlookFollowUp.Routes;

/// <summary>Why a route is off, as stored and as GET /api/settings says it.</summary>
public static class RouteStates
{
    /// <summary>Graph answered 403: the token lacks the route's permission.</summary>
    public const string PermissionMissing = "permission_missing";

    /// <summary>The identity platform would not give a token for the route's permission (nobody consented to it).</summary>
    public const string ConsentMissing = "consent_missing";

    /// <summary>A refused route is asked again after this long (an admin may have consented meanwhile).</summary>
    public static readonly TimeSpan RetryRefusedAfter = TimeSpan.FromDays(1);
}

/// <summary>One route as GET /api/settings shows it: on, or off and which delegated permission would turn it on.</summary>
/// <param name="Route"><c>teams</c> or <c>meetings</c>.</param>
/// <param name="Reason">Null when on; else a <see cref="RouteStates"/> code.</param>
public sealed record RouteStatus(string Route, bool On, string Permission, string? Reason);
