using OutlookFollowUp.FollowUps;
using OutlookFollowUp.Mail;
using OutlookFollowUp.Mail.Graph;

using OutlookFollowUp.Settings;

namespace OutlookFollowUp.Routes;

/// <summary>
/// One check of the other routes for a user, with each sync. Whatever the number of waiting threads it costs: the
/// chats listing ordered by last message (one page of 50 when nothing changed since the last check), the messages of
/// only those chats whose last message is newer than the last check and whose other member is waited on (20 chats to
/// a <c>$batch</c>), and one calendar view from the oldest waiting mail to <see cref="OtherRoutes.HoldAhead"/> ahead.
/// A route Graph refuses (its permission missing, its consent not given) is turned off, logged once, and asked again a
/// day later; a route failing for now (throttled, down) keeps what the last check found. Never throws but for
/// cancellation: mail goes on whatever the routes do.
/// </summary>
public sealed partial class RouteCheck(IRouteStore store, TimeProvider time, ILogger<RouteCheck> logger) : IAnswerRouteCheck
{
    public async Task<RouteFacts> CheckAsync(
        string userKey, IAnswerRoutes? routes, IReadOnlyList<MailThread> threads, DetectionOptions options, CancellationToken cancellationToken)
    {
        var stored = await store.GetAsync(userKey, cancellationToken) ?? RouteSnapshot.Empty(userKey);
        var waited = OtherRoutes.WaitedOnIn(threads, options);
        if (routes is null || waited.Since is not { } since)
        {
            return stored.Facts; // nobody waited on: no answer to look for, nothing asked
        }

        var now = time.GetUtcNow();
        var next = stored with { CheckedAt = now };
        if (routes.CanReadChats && Due(stored.Teams, now))
        {
            next = await RouteAsync(userKey, Teams, next, s => ChatsAsync(routes, s, options, waited, since, now, cancellationToken), now, cancellationToken);
        }

        if (Due(stored.Calendar, now))
        {
            next = await RouteAsync(userKey, Meetings, next,
                async s => s with { Meetings = await routes.GetMeetingsAsync(since, now + OtherRoutes.HoldAhead, options.Me, cancellationToken) },
                now, cancellationToken);
        }

        await store.SaveAsync(next, cancellationToken);
        return next.Facts;
    }

    private static bool Due(RouteState state, DateTimeOffset now) => state.IsOn || state.RetryAt is not { } at || at <= now;

    /// <summary>A route: its name, the permission it needs, and where its state is in the snapshot.</summary>
    private sealed record Route(string Name, string Permission, Func<RouteSnapshot, RouteState> Get, Func<RouteSnapshot, RouteState, RouteSnapshot> Set);

    private static readonly Route Teams = new("teams", GraphAnswerRoutes.ChatPermission, s => s.Teams, (s, state) => s with { Teams = state });

    private static readonly Route Meetings = new("meetings", GraphAnswerRoutes.CalendarPermission, s => s.Calendar, (s, state) => s with { Calendar = state });

    private async Task<RouteSnapshot> RouteAsync(
        string userKey, Route route, RouteSnapshot snapshot, Func<RouteSnapshot, Task<RouteSnapshot>> read, DateTimeOffset now, CancellationToken ct)
    {
        try
        {
            return route.Set(await read(snapshot), RouteState.On);
        }
        catch (Exception ex) when (ex is MailAccessDeniedException or MailConsentRequiredException)
        {
            var state = ex is MailAccessDeniedException ? RouteStates.PermissionMissing : RouteStates.ConsentMissing;
            if (route.Get(snapshot).State != state)
            {
                LogRouteOff(logger, route.Name, userKey, route.Permission, state); // once: while it stays refused, nothing more is said
            }

            return route.Set(snapshot, new RouteState(state, now + RouteStates.RetryRefusedAfter));
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            LogRouteFailed(logger, route.Name, userKey, ex.GetType().Name);
            return snapshot; // throttled or down: what the last check found stands, the next check asks again
        }
    }

    /// <summary>Each route's state, and the delegated permission that would turn an off one on (GET /api/settings).</summary>
    public static IReadOnlyList<RouteStatus> Statuses(RouteSnapshot? snapshot) =>
    [
        .. new[] { Teams, Meetings }.Select(r => (Route: r, State: snapshot is null ? RouteState.On : r.Get(snapshot)))
            .Select(x => new RouteStatus(x.Route.Name, x.State.IsOn, x.Route.Permission, x.State.State)),
    ];

    /// <summary>The chats listing, then the messages of the chats that changed and matter; merged into what was known.</summary>
    private static async Task<RouteSnapshot> ChatsAsync(
        IAnswerRoutes routes, RouteSnapshot snapshot, DetectionOptions options, WaitedOn waited, DateTimeOffset since, DateTimeOffset now, CancellationToken ct)
    {
        var lookback = now.AddDays(-options.LookbackDays);
        var known = snapshot.Chats.Where(c => c.LastMessageAt >= lookback).ToDictionary(c => c.ChatId, StringComparer.Ordinal);
        var seenUpTo = snapshot.ChatsSeenUpTo is { } seen && seen > since ? seen : since;
        var previews = await routes.ListChatsAsync(options.Me, seenUpTo, ct);
        var toRead = new List<ChatToRead>();
        foreach (var preview in previews.Where(p => p.LastMessageAt is { } at && at > seenUpTo && at >= lookback))
        {
            var chat = known.GetValueOrDefault(preview.ChatId)
                ?? new StoredChat(preview.ChatId, preview.Counterpart, preview.CounterpartUserId, preview.CounterpartName, null, null, null);
            var at = preview.LastMessageAt!.Value;
            known[preview.ChatId] = chat with
            {
                Name = preview.CounterpartName ?? chat.Name,
                LastMessageAt = at,
                LastFromMeAt = preview.LastFromMe == true ? Later(chat.LastFromMeAt, at) : chat.LastFromMeAt,
                LastFromThemAt = preview.LastFromMe == false ? Later(chat.LastFromThemAt, at) : chat.LastFromThemAt,
            };
            if (waited.People.Contains(preview.Counterpart))
            {
                toRead.Add(new ChatToRead(preview.ChatId, preview.CounterpartUserId));
            }
        }

        if (toRead.Count > 0)
        {
            var read = snapshot.ChatsCheckedAt is { } checkedAt && checkedAt > since ? checkedAt : since;
            foreach (var (chatId, sides) in await routes.GetChatSidesAsync(toRead, read, ct))
            {
                var chat = known[chatId];
                known[chatId] = chat with { LastFromThemAt = Later(chat.LastFromThemAt, sides.LastFromThemAt), LastFromMeAt = Later(chat.LastFromMeAt, sides.LastFromMeAt) };
            }
        }

        var newest = previews.Select(p => p.LastMessageAt).Max();
        return snapshot with { Chats = [.. known.Values], ChatsSeenUpTo = newest > seenUpTo ? newest : snapshot.ChatsSeenUpTo, ChatsCheckedAt = now };
    }

    private static DateTimeOffset? Later(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Answers by {Route} are off for {UserKey}: Graph refused ({State}); granting {Permission} turns them on (asked again in a day)")]
    private static partial void LogRouteOff(ILogger logger, string route, string userKey, string permission, string state);

    [LoggerMessage(Level = LogLevel.Information, Message = "Checking answers by {Route} for {UserKey} failed ({Failure}); the last check's facts stand")]
    private static partial void LogRouteFailed(ILogger logger, string route, string userKey, string failure);
}
