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
