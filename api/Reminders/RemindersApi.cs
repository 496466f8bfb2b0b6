using Microsoft.AspNetCore.Http.HttpResults;
using OutlookFollowUp.Auth;
using OutlookFollowUp.Web;

namespace OutlookFollowUp.Reminders;

/// <summary>/api/reminders: explicit reminders on one message (rule 7), scoped to the caller.</summary>
public static class RemindersApi
{
    public static RouteGroupBuilder MapReminders(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/reminders").WithTags("Reminders").RequireAuthorization(ApiPolicies.User).RequireRateLimiting(RateLimiting.PerUser).InvalidatesThreads();
        group.MapPost("/", CreateReminder).Validate<CreateReminderRequest>().WithName("CreateReminder").WithSummary("Remind me about a message (or move the reminder already tracking it to the new time).");
        group.MapGet("/", ListReminders).WithName("ListReminders").WithSummary("The caller's reminders, soonest first.");
        group.MapGet("/{id}", GetReminder).DecodesRouteValue("id").ProducesProblem(StatusCodes.Status404NotFound).WithName("GetReminder").WithSummary("One of the caller's reminders.");
        group.MapPatch("/{id}", SnoozeReminder).Validate<SnoozeRequest>().DecodesRouteValue("id").ProducesProblem(StatusCodes.Status404NotFound).WithName("SnoozeReminder").WithSummary("Move an open reminder to a new time.");
        group.MapDelete("/{id}", DeleteReminder).DecodesRouteValue("id").ProducesProblem(StatusCodes.Status404NotFound).WithName("DeleteReminder").WithSummary("Delete a reminder and clear its Outlook flag.");
        group.MapPost("/{id}/done", MarkDone).DecodesRouteValue("id").ProducesProblem(StatusCodes.Status404NotFound).WithName("MarkReminderDone").WithSummary("Close a reminder by hand.");
        return group;
    }

    /// <summary>Said in <c>warnings</c> when the message is not in the index yet (sent or received since the last sync).</summary>
    public const string NotIndexedYet =
        "This message is not in the index yet (it may have arrived since the last sync): the reminder is kept and gets its subject and thread when a sync finds the message.";

    /// <summary>
    /// 201 for a new reminder; 200 when the message already has an open one, moved to the new time; 409 when a reply
    /// already resolved the message's reminder. A message the index does not know yet is accepted, and <c>warnings</c> says so.
    /// </summary>
    public static async Task<Results<Created<Reminder>, Ok<Reminder>, ProblemHttpResult>> CreateReminder(
        CreateReminderRequest request, CurrentUser caller, IReminderStore store, IReminderResolver resolver, ReminderFlags flags, TimeProvider time,
        CancellationToken ct)
    {
        var user = caller.Key;
        var remindAt = request.RemindAt ?? time.GetUtcNow().AddHours(request.AfterHours!.Value);
        var (reminder, outcome, indexed) = await store.CreateAsync(user, request.MessageId, request.InternetMessageId, remindAt, ct);
        if (outcome == ReminderCreationOutcome.Resolved)
        {
            return TypedResults.Problem(
                $"A reply to this message already resolved its reminder ({reminder.Id}). Delete that reminder first to be reminded again.",
                statusCode: StatusCodes.Status409Conflict, title: "A reply already arrived.");
        }

        var created = outcome == ReminderCreationOutcome.Created;
        // A reply already indexed resolves the new reminder at once; later replies are seen by the sync (rule 7).
        if (created && await resolver.ResolveAsync(user, ct) > 0)
        {
            reminder = await store.GetAsync(user, reminder.Id, ct) ?? reminder;
        }

        if (outcome != ReminderCreationOutcome.Unchanged)
        {
            reminder = reminder.WithWarning(await flags.ApplyAsync(user, reminder, ct));
        }

        reminder = reminder.WithWarning(indexed ? null : NotIndexedYet);
        return created ? TypedResults.Created($"/api/reminders/{reminder.Id}", reminder) : TypedResults.Ok(reminder);
    }

    public static async Task<Ok<ReminderList>> ListReminders(CurrentUser caller, IReminderStore store, CancellationToken ct) =>
        TypedResults.Ok(new ReminderList(await store.ListAsync(caller.Key, ct)));

    public static async Task<Results<Ok<Reminder>, ProblemHttpResult>> GetReminder(string id, CurrentUser caller, IReminderStore store, CancellationToken ct) =>
        await store.GetAsync(caller.Key, id, ct) is { } reminder ? TypedResults.Ok(reminder) : NotFound();

    /// <summary>An id this user has no reminder under: never theirs, or deleted meanwhile (another window, a race).</summary>
    private static ProblemHttpResult NotFound() => TypedResults.Problem(
        title: "Reminder not found.",
        detail: "You have no reminder with this id: it may have been deleted meanwhile, in another window say. Refresh the list and try again.",
        statusCode: StatusCodes.Status404NotFound);

    public static async Task<Results<Ok<Reminder>, ProblemHttpResult>> SnoozeReminder(
        string id, SnoozeRequest request, CurrentUser caller, IReminderStore store, ReminderFlags flags, CancellationToken ct)
    {
        var user = caller.Key;
        var reminder = await store.SnoozeAsync(user, id, request.RemindAt!.Value, ct);
        switch (reminder)
        {
            case null:
                return NotFound();
            case { Status: ReminderStatus.Done or ReminderStatus.Resolved }:
                return TypedResults.Problem(
                    "This reminder is closed: it was marked done or a reply arrived. Create a new one instead.",
                    statusCode: StatusCodes.Status409Conflict, title: "The reminder is closed.");
            default:
                return TypedResults.Ok(reminder.WithWarning(await flags.ApplyAsync(user, reminder, ct)));
        }
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteReminder(string id, CurrentUser caller, IReminderStore store, ReminderFlags flags, CancellationToken ct)
    {
        var user = caller.Key;
        if (await store.GetAsync(user, id, ct) is not { } reminder || !await store.DeleteAsync(user, id, ct))
        {
            return NotFound();
        }

        await flags.ClearAsync(user, reminder, ct);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<Reminder>, ProblemHttpResult>> MarkDone(string id, CurrentUser caller, IReminderStore store, ReminderFlags flags, CancellationToken ct)
    {
        var user = caller.Key;
        if (await store.MarkDoneAsync(user, id, ct) is not { } reminder)
        {
            return NotFound();
        }

        return TypedResults.Ok(reminder.WithWarning(await flags.ApplyAsync(user, reminder, ct)));
    }
}
