using Microsoft.AspNetCore.Http.HttpResults;
using OutlookFollowUp.Local;
using OutlookFollowUp.Mail;
using OutlookFollowUp.Scan;

namespace OutlookFollowUp.FollowUps;

/// <summary>One unanswered thread in the API: scan's field names plus Graph's immutable id of the last message.</summary>
public sealed record ThreadItem(
    string Direction, string? InternetMessageId, string ThreadKey, string Since, string Subject, IReadOnlyList<string> Counterparts, string Reason,
    string MessageId)
{
    public static ThreadItem From(FollowUp f)
    {
        var scan = ScanThread.From(f);
        return new(scan.Direction, scan.InternetMessageId, scan.ThreadKey, scan.Since, scan.Subject, scan.Counterparts, scan.Reason, f.MessageId);
    }
}

/// <param name="Stale">Graph could not be read on the last attempt: this is the last good index.</param>
public sealed record ThreadsResponse(IReadOnlyList<ThreadItem> Threads, bool Stale, string? LastSyncedAt);

public static class ThreadsApi
{
    public static RouteGroupBuilder MapThreads(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/threads").WithTags("Threads");
        group.MapGet("/", GetThreads);
        group.MapPost("/sync", SyncNow);
        return group;
    }

    public static async Task<Results<Ok<ThreadsResponse>, ValidationProblem, ProblemHttpResult>> GetThreads(
        string? direction, HttpContext context, MailboxService mailbox, CancellationToken cancellationToken)
    {
        if (!TryParseDirection(direction, out var parsed))
        {
            return DirectionProblem(direction);
        }

        return UserKey(context) is { } user
            ? Respond(await mailbox.GetThreadsAsync(user, parsed, cancellationToken), context)
            : Unauthorized();
    }

    public static async Task<Results<Ok<ThreadsResponse>, ValidationProblem, ProblemHttpResult>> SyncNow(
        string? direction, HttpContext context, MailboxService mailbox, CancellationToken cancellationToken)
    {
        if (!TryParseDirection(direction, out var parsed))
        {
            return DirectionProblem(direction);
        }

        return UserKey(context) is { } user
            ? Respond(await mailbox.SyncNowAsync(user, parsed, cancellationToken), context)
            : Unauthorized();
    }

    private static Results<Ok<ThreadsResponse>, ValidationProblem, ProblemHttpResult> Respond(ThreadsView view, HttpContext context)
    {
        if (view.NeverSynced && view.Stale)
        {
            context.Response.Headers.RetryAfter = "30";
            return TypedResults.Problem(
                title: "Your mailbox could not be read yet",
                detail: "Microsoft Graph is unavailable and nothing has been indexed so far. Try again in a moment.",
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        var lastSynced = view.LastSyncedAt is { } at ? ScanThread.FormatInstant(at) : null;
        return TypedResults.Ok(new ThreadsResponse(view.Threads.Select(ThreadItem.From).ToList(), view.Stale, lastSynced));
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

    /// <summary>The caller's key: the one local user in local mode; with Entra ID, the authentication feature decides.</summary>
    private static string? UserKey(HttpContext context) =>
        LocalMode.IsEnabled(context.RequestServices.GetRequiredService<IConfiguration>()) ? LocalMode.UserKey : null;

    private static ProblemHttpResult Unauthorized() =>
        TypedResults.Problem(title: "Sign-in required", statusCode: StatusCodes.Status401Unauthorized);
}
