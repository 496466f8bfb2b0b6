using Microsoft.AspNetCore.Http.HttpResults;
using OutlookFollowUp.Auth;
using OutlookFollowUp.FollowUps;
using OutlookFollowUp.Threads;
using OutlookFollowUp.Web;

namespace OutlookFollowUp.Reminders;

/// <summary>/api/reminders: explicit reminders on one message (rule 7), scoped to the caller.</summary>
public static class RemindersApi
{
    public static RouteGroupBuilder MapReminders(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/reminders").WithTags("Reminders").RequireAuthorization(ApiPolicies.User).RequireRateLimiting(RateLimiting.PerUser).InvalidatesThreads();
        group.MapPost("/", CreateReminder).Validate<CreateReminderRequest>().WithName("CreateReminder").WithSummary("Remind me about a message (or return the reminder already tracking it).");
        group.MapGet("/", ListReminders).WithName("ListReminders").WithSummary("The caller's reminders, soonest first.");
        group.MapGet("/{id}", GetReminder).WithName("GetReminder").WithSummary("One of the caller's reminders.");
        group.MapPatch("/{id}", SnoozeReminder).Validate<SnoozeRequest>().WithName("SnoozeReminder").WithSummary("Move an open reminder to a new time.");
        group.MapDelete("/{id}", DeleteReminder).WithName("DeleteReminder").WithSummary("Delete a reminder and clear its Outlook flag.");
        group.MapPost("/{id}/done", MarkDone).WithName("MarkReminderDone").WithSummary("Close a reminder by hand.");
        return group;
    }

    public static async Task<Results<Created<Reminder>, Ok<Reminder>>> CreateReminder(
        CreateReminderRequest request, CurrentUser caller, IReminderStore store, IReminderResolver resolver, ReminderFlags flags, TimeProvider time,
        CancellationToken ct)
    {
        var user = caller.Key;
        var remindAt = request.RemindAt ?? time.GetUtcNow().AddHours(request.AfterHours!.Value);
        var (reminder, created) = await store.CreateAsync(user, request.MessageId, request.InternetMessageId, remindAt, ct);
        // A reply already indexed resolves the new reminder at once; later replies are seen by the sync (rule 7).
        if (created && await resolver.ResolveAsync(user, ct) > 0)
        {
            reminder = await store.GetAsync(user, reminder.Id, ct) ?? reminder;
        }

        if (created)
        {
            await flags.ApplyAsync(user, reminder, ct);
        }

        return created ? TypedResults.Created($"/api/reminders/{reminder.Id}", reminder) : TypedResults.Ok(reminder);
    }

    public static async Task<Ok<ReminderList>> ListReminders(CurrentUser caller, IReminderStore store, CancellationToken ct) =>
        TypedResults.Ok(new ReminderList(await store.ListAsync(caller.Key, ct)));

    public static async Task<Results<Ok<Reminder>, NotFound>> GetReminder(string id, CurrentUser caller, IReminderStore store, CancellationToken ct) =>
        await store.GetAsync(caller.Key, id, ct) is { } reminder ? TypedResults.Ok(reminder) : TypedResults.NotFound();

    public static async Task<Results<Ok<Reminder>, NotFound, ProblemHttpResult>> SnoozeReminder(
        string id, SnoozeRequest request, CurrentUser caller, IReminderStore store, ReminderFlags flags, CancellationToken ct)
    {
        var user = caller.Key;
        var reminder = await store.SnoozeAsync(user, id, request.RemindAt!.Value, ct);
        switch (reminder)
        {
            case null:
                return TypedResults.NotFound();
            case { Status: ReminderStatus.Done or ReminderStatus.Resolved }:
                return TypedResults.Problem(
                    "This reminder is closed: it was marked done or a reply arrived. Create a new one instead.",
                    statusCode: StatusCodes.Status409Conflict, title: "The reminder is closed.");
            default:
                await flags.ApplyAsync(user, reminder, ct);
                return TypedResults.Ok(reminder);
        }
    }

    public static async Task<Results<NoContent, NotFound>> DeleteReminder(string id, CurrentUser caller, IReminderStore store, ReminderFlags flags, CancellationToken ct)
    {
        var user = caller.Key;
        if (await store.GetAsync(user, id, ct) is not { } reminder || !await store.DeleteAsync(user, id, ct))
        {
            return TypedResults.NotFound();
        }

        await flags.ClearAsync(user, reminder, ct);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<Reminder>, NotFound>> MarkDone(string id, CurrentUser caller, IReminderStore store, ReminderFlags flags, CancellationToken ct)
    {
        var user = caller.Key;
        if (await store.MarkDoneAsync(user, id, ct) is not { } reminder)
        {
            return TypedResults.NotFound();
        }

        await flags.ApplyAsync(user, reminder, ct);
        return TypedResults.Ok(reminder);
    }
}
