using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OutlookFollowUp.FollowUps;
using OutlookFollowUp.Storage;

namespace OutlookFollowUp.Routes;

/// <summary>One of the user's one-on-one chats as the last check left it.</summary>
public sealed record StoredChat(
    string ChatId, string Counterpart, string UserId, string? Name, DateTimeOffset? LastMessageAt, DateTimeOffset? LastFromThemAt, DateTimeOffset? LastFromMeAt);

/// <summary>Whether a route is on, and when a refused one is tried again.</summary>
/// <param name="State">Null: on; else a <see cref="RouteStates"/> code.</param>
public sealed record RouteState(string? State, DateTimeOffset? RetryAt)
{
    public static readonly RouteState On = new(null, null);

    public bool IsOn => State is null;
}

/// <summary>A user's last check of the other routes.</summary>
public sealed record RouteSnapshot(
    string UserKey,
    IReadOnlyList<StoredChat> Chats,
    IReadOnlyList<MeetingFact> Meetings,
    DateTimeOffset? ChatsSeenUpTo,
    DateTimeOffset? ChatsCheckedAt,
    DateTimeOffset? CheckedAt,
    RouteState Teams,
    RouteState Calendar)
{
    public static RouteSnapshot Empty(string userKey) => new(userKey, [], [], null, null, null, RouteState.On, RouteState.On);

    /// <summary>The facts the engine reads.</summary>
    public RouteFacts Facts => new([.. Chats.Select(c => new ChatFact(c.Counterpart, c.LastFromThemAt, c.LastFromMeAt, c.Name))], Meetings);
}

/// <summary>The route facts of each user; only this feature touches <c>route_facts</c>.</summary>
public interface IRouteStore
{
    Task<RouteSnapshot?> GetAsync(string userKey, CancellationToken cancellationToken);

    Task SaveAsync(RouteSnapshot snapshot, CancellationToken cancellationToken);

    Task DeleteUserAsync(string userKey, CancellationToken cancellationToken);

    /// <summary>Users both of whose routes are off (each refused): no background sync for the routes helps them.</summary>
    Task<IReadOnlyList<string>> UsersWithRoutesOffAsync(CancellationToken cancellationToken);
}

internal sealed class RouteStore(FollowUpDbContext db) : IRouteStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<RouteSnapshot?> GetAsync(string userKey, CancellationToken cancellationToken)
    {
        var row = await db.Set<RouteFactsRow>().AsNoTracking().SingleOrDefaultAsync(r => r.UserKey == userKey, cancellationToken);
        return row is null ? null : new RouteSnapshot(
            row.UserKey, Read<StoredChat>(row.Chats), Read<MeetingFact>(row.Meetings), row.ChatsSeenUpTo, row.ChatsCheckedAt, row.CheckedAt,
            new RouteState(row.TeamsState, row.TeamsRetryAt), new RouteState(row.CalendarState, row.CalendarRetryAt));
    }

    public Task SaveAsync(RouteSnapshot snapshot, CancellationToken cancellationToken) =>
        DatabaseLocks.WriteForUserAsync(db, snapshot.UserKey, async ct =>
        {
            var row = await db.Set<RouteFactsRow>().SingleOrDefaultAsync(r => r.UserKey == snapshot.UserKey, ct);
            if (row is null)
            {
                row = new RouteFactsRow { UserKey = snapshot.UserKey };
                db.Set<RouteFactsRow>().Add(row);
            }

            row.Chats = snapshot.Chats.Count == 0 ? null : JsonSerializer.Serialize(snapshot.Chats, Json);
            row.Meetings = snapshot.Meetings.Count == 0 ? null : JsonSerializer.Serialize(snapshot.Meetings, Json);
            row.ChatsSeenUpTo = snapshot.ChatsSeenUpTo;
            row.ChatsCheckedAt = snapshot.ChatsCheckedAt;
            row.CheckedAt = snapshot.CheckedAt;
            (row.TeamsState, row.TeamsRetryAt) = (snapshot.Teams.State, snapshot.Teams.RetryAt);
            (row.CalendarState, row.CalendarRetryAt) = (snapshot.Calendar.State, snapshot.Calendar.RetryAt);
            await db.SaveChangesAsync(ct);
        }, cancellationToken);

    public Task DeleteUserAsync(string userKey, CancellationToken cancellationToken) =>
        db.Set<RouteFactsRow>().Where(r => r.UserKey == userKey).ExecuteDeleteAsync(cancellationToken);

    public async Task<IReadOnlyList<string>> UsersWithRoutesOffAsync(CancellationToken cancellationToken) =>
        await db.Set<RouteFactsRow>().AsNoTracking().Where(r => r.TeamsState != null && r.CalendarState != null).Select(r => r.UserKey).ToListAsync(cancellationToken);

    /// <summary>A column that cannot be read counts as empty: the next check fills it again.</summary>
    private static IReadOnlyList<T> Read<T>(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }

        try
        {
            return JsonSerializer.Deserialize<List<T>>(json, Json) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
