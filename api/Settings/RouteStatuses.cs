namespace OutlookFollowUp.Settings;

/// <summary>One route as GET /api/settings shows it: on, or off and which delegated permission would turn it on.</summary>
/// <param name="Route"><c>teams</c> or <c>meetings</c>.</param>
/// <param name="Reason">Null when on; else a code of the feature that checks the routes (<c>permission_missing</c>, <c>consent_missing</c>).</param>
public sealed record RouteStatus(string Route, bool On, string Permission, string? Reason);

/// <summary>Which other routes of an answer are on for a user, as settings show them; the feature that checks them answers.</summary>
public interface IRouteStatuses
{
    /// <summary>Each route's status; every route on when none was checked yet.</summary>
    Task<IReadOnlyList<RouteStatus>> GetAsync(string userKey, CancellationToken cancellationToken);
}
