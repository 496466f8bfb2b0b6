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
        group.MapPost("/", CreateReminder).Validate<CreateReminderRequest>();
        group.MapGet("/", ListReminders);
        group.MapGet("/{id}", GetReminder);
        group.MapPatch("/{id}", SnoozeReminder).Validate<SnoozeRequest>();
        group.MapDelete("/{id}", DeleteReminder);
        group.MapPost("/{id}/done", MarkDone);
        return group;
    }

    public static async Task<Results<Created<Reminder>, Ok<Reminder>>> CreateReminder(
        CreateReminderRequest request, HttpContext http, IReminderStore store, IReminderResolver resolver, ReminderFlags flags, TimeProvider time,
        CancellationToken ct)
    {
        var user = http.User.RequireUserKey();
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

    public static async Task<Ok<ReminderList>> ListReminders(HttpContext http, IReminderStore store, CancellationToken ct) =>
        TypedResults.Ok(new ReminderList(await store.ListAsync(http.User.RequireUserKey(), ct)));

    public static async Task<Results<Ok<Reminder>, NotFound>> GetReminder(string id, HttpContext http, IReminderStore store, CancellationToken ct) =>
        await store.GetAsync(http.User.RequireUserKey(), id, ct) is { } reminder ? TypedResults.Ok(reminder) : TypedResults.NotFound();

    public static async Task<Results<Ok<Reminder>, NotFound, ProblemHttpResult>> SnoozeReminder(
        string id, SnoozeRequest request, HttpContext http, IReminderStore store, ReminderFlags flags, CancellationToken ct)
    {
        var user = http.User.RequireUserKey();
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

    public static async Task<Results<NoContent, NotFound>> DeleteReminder(string id, HttpContext http, IReminderStore store, ReminderFlags flags, CancellationToken ct)
    {
        var user = http.User.RequireUserKey();
        if (await store.GetAsync(user, id, ct) is not { } reminder || !await store.DeleteAsync(user, id, ct))
        {
            return TypedResults.NotFound();
        }

        await flags.ClearAsync(user, reminder, ct);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<Reminder>, NotFound>> MarkDone(string id, HttpContext http, IReminderStore store, ReminderFlags flags, CancellationToken ct)
    {
        var user = http.User.RequireUserKey();
        if (await store.MarkDoneAsync(user, id, ct) is not { } reminder)
        {
            return TypedResults.NotFound();
        }

        await flags.ApplyAsync(user, reminder, ct);
        return TypedResults.Ok(reminder);
    }
}
