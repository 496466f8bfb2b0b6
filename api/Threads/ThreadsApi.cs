using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using OutlookFollowUp.Auth;
using OutlookFollowUp.FollowUps;
using OutlookFollowUp.Mail;
using OutlookFollowUp.Reminders;
using OutlookFollowUp.Scan;
using OutlookFollowUp.Settings;
using OutlookFollowUp.Web;

namespace OutlookFollowUp.Threads;

/// <summary>One unanswered thread in the API: scan's field names plus Graph's immutable id of the last message and its reminder.</summary>
/// <param name="NotDelivered">Waiting on them: recipients a bounce named after the user's message; absent when none.</param>
/// <param name="Nudges">As in scan: the follow-ups already sent without an answer (0 for <c>mine</c>).</param>
/// <param name="Escalation">From two nudges on: what the pane offers besides another mail; absent before.</param>
/// <param name="Recipients">Group threads (waiting on them, two counterparts or more): how many were asked; absent otherwise.</param>
/// <param name="Replied">Group threads: the counterparts who answered, in the order of <c>counterparts</c>.</param>
/// <param name="WaitingOn">Group threads: the counterparts who have not, in the same order.</param>
/// <param name="Away">
/// Waiting on them: the waited-on counterparts whose automatic reply was on when the thread entered that state, said
/// only while ALL of them are away (a reply whose end has passed ends it); absent otherwise.
/// </param>
public sealed record ThreadItem(
    string Direction, string? InternetMessageId, string ThreadKey, string Since, string Subject, IReadOnlyList<string> Counterparts, string Reason,
    string MessageId, ReminderState? Reminder, IReadOnlyList<ThreadPerson>? People = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<NotDeliveredItem>? NotDelivered = null,
    int Nudges = 0,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ThreadEscalation? Escalation = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Recipients = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ThreadPerson>? Replied = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ThreadPerson>? WaitingOn = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ThreadAway>? Away = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ThreadAnswer>? Answered = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ThreadHold? Hold = null)
{
    /// <param name="now">When the list is read: an absence that ended by then is no longer said.</param>
    /// <param name="language">The user's language, for what the server writes in a row (the Teams chat's message).</param>
    public static ThreadItem From(FollowUp f, ReminderState? reminder = null, DateTimeOffset? now = null, string? language = null)
    {
        var scan = ScanThread.From(f);
        var waitingOn = GroupReplies.WaitingOn(f);
        var group = GroupReplies.IsGroup(f);
        return new(scan.Direction, scan.InternetMessageId, scan.ThreadKey, scan.Since, scan.Subject, scan.Counterparts, scan.Reason, f.MessageId, reminder,
            Persons(f, f.Counterparts),
            f.NotDelivered.Count == 0 ? null : [.. f.NotDelivered.Select(n => new NotDeliveredItem(n.Address, n.Name, n.Reason))],
            scan.Nudges,
            ThreadEscalation.For(f, waitingOn, language),
            group ? f.Counterparts.Count : null,
            group ? Persons(f, [.. f.Replied.Select(r => r.Address)]) : null,
            group ? Persons(f, waitingOn) : null,
            now is { } at ? AwayNow(f, waitingOn, at) : null,
            ThreadAnswer.Of(f),
            ThreadHold.Of(f));
    }

    /// <summary>The stored absences of everyone still waited on, when each is still away at <paramref name="now"/>; else null.</summary>
    private static ThreadAway[]? AwayNow(FollowUp f, IReadOnlyList<string> waitingOn, DateTimeOffset now)
    {
        if (f.Away is not { Count: > 0 } marks || waitingOn.Count == 0)
        {
            return null;
        }

        var away = new List<ThreadAway>();
        foreach (var address in waitingOn)
        {
            var mark = marks.FirstOrDefault(m => string.Equals(m.Address, address, StringComparison.OrdinalIgnoreCase));
            if (mark is null || mark.Until <= now)
            {
                return null; // one is back (or was never away): the thread is not waiting on an absence
            }

            away.Add(new ThreadAway(address, mark.Name, mark.Until is { } until ? ScanThread.FormatInstant(until) : null));
        }

        return [.. away];
    }

    private static ThreadPerson[] Persons(FollowUp f, IReadOnlyList<string> addresses) =>
        [.. addresses.Select(a => new ThreadPerson(a, f.People.FirstOrDefault(p => p.Address == a)?.Name))];
}

/// <summary>A recipient the mail did not reach (the pane says "Not delivered to …" and "Check the address").</summary>
public sealed record NotDeliveredItem(
    string Address,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Name,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason);

/// <summary>A waited-on counterpart who is away: until when (UTC), or null for an automatic reply with no end date.</summary>
public sealed record ThreadAway(string Address, string? Name, string? Until);

/// <summary>A counterpart as the pane shows it: the display name when the mail gave one, the address on hover.</summary>
public sealed record ThreadPerson(string Address, string? Name);

/// <param name="Stale">Graph could not be read on the last attempt: this is the last good index.</param>
/// <param name="NextCursor">Pass as <c>cursor</c> for the next page; null on the last page.</param>
/// <param name="LastErrorCode">
/// Why the last sync failed, when it did (the list is then stale): e.g. <c>signin_required</c> (background work needs the
/// user to open the add-in again), <c>graph_token_expired</c> or <c>graph_token_rejected</c> (local mode's pasted token).
/// </param>
public sealed record ThreadsResponse(
    IReadOnlyList<ThreadItem> Threads, bool Stale, string? LastSyncedAt, string? NextCursor = null,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? LastErrorCode = null);

/// <summary>The query of GET /api/threads and POST /api/threads/sync.</summary>
public sealed record ThreadsQuery(string? Direction, int? Top, string? Cursor);

public static partial class ThreadsApi
{
    public static RouteGroupBuilder MapThreads(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/threads").WithTags("Threads").RequireAuthorization(ApiPolicies.User).RequireRateLimiting(RateLimiting.PerUser);
        group.MapGet("/", GetThreads).WithName("ListThreads").WithSummary("The caller's unanswered threads, oldest first, one page at a time.");
        group.MapPost("/sync", SyncNow).WithName("SyncThreads").WithSummary("Sync the mailbox now, then list the threads.");
        group.MapPost("/{threadKey}/draft", CreateDraft).Validate<DraftRequest>().DecodesRouteValue("threadKey")
            .WithName("CreateFollowUpDraft").WithSummary("Save a reply-all draft of the thread's last message in Drafts.");
        group.MapGet("/{threadKey}/phones", GetPhones).DecodesRouteValue("threadKey")
            .WithName("GetThreadPhones").WithSummary("The phone numbers of the people the thread waits on, from the caller's people data.");
        return group;
    }

    public static async Task<Results<Ok<ThreadsResponse>, ValidationProblem, ProblemHttpResult>> GetThreads(
        [AsParameters] ThreadsQuery query, CurrentUser caller, HttpResponse response, MailboxService mailbox, ThreadExtras extras, CancellationToken cancellationToken)
    {
        if (Invalid(query, out var direction, out var cursor) is { } problem)
        {
            return problem;
        }

        var user = caller.Key;
        var inputs = await extras.Cache.GetOrLoadAsync(user, direction,
            async ct => await ComposeAsync(await mailbox.GetThreadsAsync(user, direction, await AllUnansweredAsync(user, extras, ct), ct), user, extras, ct),
            cancellationToken);
        return Respond(inputs, query, cursor, response, extras.Time.GetUtcNow());
    }

    public static async Task<Results<Ok<ThreadsResponse>, ValidationProblem, ProblemHttpResult>> SyncNow(
        [AsParameters] ThreadsQuery query, CurrentUser caller, HttpResponse response, MailboxService mailbox, ThreadExtras extras, CancellationToken cancellationToken)
    {
        if (Invalid(query, out var direction, out var cursor) is { } problem)
        {
            return problem;
        }

        var user = caller.Key;
        await extras.Cache.InvalidateAsync(user, cancellationToken);
        var inputs = await ComposeAsync(
            await mailbox.SyncNowAsync(user, direction, await AllUnansweredAsync(user, extras, cancellationToken), cancellationToken), user, extras, cancellationToken);
        await extras.Cache.StoreAsync(user, direction, inputs, cancellationToken);
        return Respond(inputs, query, cursor, response, extras.Time.GetUtcNow());
    }

    private static ValidationProblem? Invalid(ThreadsQuery query, out FollowUpDirection? direction, out Cursor? cursor)
    {
        cursor = null;
        if (!TryParseDirection(query.Direction, out direction))
        {
            return DirectionProblem(query.Direction);
        }

        if (query.Top is < 1 or > ThreadPaging.MaxTop)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["top"] = [$"top must be between 1 and {ThreadPaging.MaxTop}."] });
        }

        return Cursor.TryDecode(query.Cursor, out cursor)
            ? null
            : TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["cursor"] = ["cursor is not one this API returned."] });
    }

    /// <summary>Rule 9's mode in force for the user (their choice, the tenant's default, the server's), from the settings cache.</summary>
    private static async Task<bool> AllUnansweredAsync(string user, ThreadExtras extras, CancellationToken ct) =>
        (await extras.Settings.GetEffectiveAsync(user, ct)).AllUnanswered ?? false;

    private static async Task<ThreadInputs> ComposeAsync(ThreadsView view, string user, ThreadExtras extras, CancellationToken ct)
    {
        return new(view,
            await extras.Reminders.ListAsync(user, ct),
            view.DismissedUpTo ?? new Dictionary<string, DateTimeOffset>(),
            await extras.Settings.GetEffectiveAsync(user, ct),
            await extras.Settings.GetLanguageAsync(user, ct));
    }

    private static Results<Ok<ThreadsResponse>, ValidationProblem, ProblemHttpResult> Respond(
        ThreadInputs inputs, ThreadsQuery query, Cursor? cursor, HttpResponse response, DateTimeOffset now)
    {
        var view = inputs.View;
        if (view.NeverSynced && view.LastErrorCode == MailboxRefresher.TokenRejected)
        {
            // Graph refused the token: no retry helps, the caller must sign in again (or paste a new token, in local mode).
            throw new MailConsentRequiredException("Microsoft Graph refused the token: it was rejected or has expired.");
        }

        if (view.NeverSynced && view.Stale)
        {
            response.Headers.RetryAfter = ((int)Math.Ceiling((view.RetryAfter ?? TimeSpan.FromSeconds(30)).TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.Problem(
                title: "Your mailbox could not be read yet",
                detail: "Microsoft Graph is unavailable and nothing has been indexed so far. Try again in a moment.",
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        var page = ThreadPaging.Page(view.Threads, inputs.Reminders, inputs.Dismissed, inputs.Settings, query.Top ?? ThreadPaging.DefaultTop, cursor);
        var lastSynced = view.LastSyncedAt is { } at ? ScanThread.FormatInstant(at) : null;
        return TypedResults.Ok(new ThreadsResponse(
            page.Items.Select(i => ThreadItem.From(i.Thread, i.Reminder, now, inputs.Language)).ToList(), view.Stale, lastSynced, page.NextCursor, view.LastErrorCode));
    }

    /// <summary>theirs, mine, or all (the default).</summary>
    private static bool TryParseDirection(string? value, out FollowUpDirection? direction)
    {
        direction = null;
        switch (value?.Trim().ToLowerInvariant())
        {
            case null or "" or "all":
                return true;
            case "theirs":
                direction = FollowUpDirection.Theirs;
                return true;
            case "mine":
                direction = FollowUpDirection.Mine;
                return true;
            default:
                return false;
        }
    }

    private static ValidationProblem DirectionProblem(string? value) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]>
        {
            ["direction"] = [$"direction must be theirs, mine or all; got '{OptionRules.Shorten(value)}'."],
        });
}

/// <summary>What a thread row adds to the index (which brings the dismissals): the user's reminders and exclusions.</summary>
public sealed record ThreadExtras(IReminderStore Reminders, ISettingsStore Settings, ThreadViewCache Cache, TimeProvider Time);
