using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using OutlookFollowUp.Auth;
using OutlookFollowUp.MailIndex;
using OutlookFollowUp.Web;

namespace OutlookFollowUp.Threads;

/// <summary>
/// The optional body of POST /api/threads/{threadKey}/dismiss. <c>reason: "moved_on"</c> is the ladder's "Move on":
/// the thread closes with the user's note and asks nothing again unless a new message arrives (as any dismissal).
/// </summary>
public sealed record DismissRequest(string? Reason, string? Note);

/// <summary>POST/DELETE /api/threads/{threadKey}/dismiss: hide a thread until a new message arrives in it, and undo.</summary>
public static class DismissalsApi
{
    public static RouteGroupBuilder MapDismissals(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/threads/{threadKey}/dismiss").WithTags("Threads").RequireAuthorization(ApiPolicies.User).RequireRateLimiting(RateLimiting.PerUser).InvalidatesThreads().DecodesRouteValue("threadKey");
        group.MapPost("/", Dismiss).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).WithName("DismissThread")
            .WithSummary("Hide a thread until a new message arrives in it; with reason \"moved_on\" and a note, move on from it.");
        group.MapDelete("/", Undo).ProducesProblem(StatusCodes.Status404NotFound).WithName("UndoDismissal").WithSummary("Show a dismissed thread again.");
        return group;
    }

    public static async Task<Results<Ok<Dismissal>, ProblemHttpResult, ValidationProblem>> Dismiss(
        string threadKey, DismissRequest? request, CurrentUser caller, IDismissalStore store, IValidator<DismissRequest> validator,
        Reminders.IReminderStore reminders, Reminders.ReminderFlags flags, CancellationToken ct)
    {
        // No body is a plain dismissal, as before the ladder.
        request ??= new DismissRequest(null, null);
        var validation = await validator.ValidateAsync(request, ct);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors
                .GroupBy(e => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(e.PropertyName), StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray(), StringComparer.Ordinal));
        }

        var reason = request.Reason ?? DismissalReasons.Dismissed;
        if (await store.DismissAsync(caller.Key, threadKey, ct, reason, string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim()) is not { } dismissal)
        {
            return TypedResults.Problem(
                title: "Conversation not found.",
                detail: "This conversation is not in your follow-ups: it may have been answered or removed since the list was loaded. Refresh the list.",
                statusCode: StatusCodes.Status404NotFound);
        }

        if (reason == DismissalReasons.MovedOn)
        {
            await CloseRemindersAsync(caller.Key, threadKey, reminders, flags, ct);
        }

        return TypedResults.Ok(dismissal);
    }

    /// <summary>Moving on asks nothing again: the thread's open reminders close as done by the user (their flags complete).</summary>
    private static async Task CloseRemindersAsync(
        string user, string threadKey, Reminders.IReminderStore reminders, Reminders.ReminderFlags flags, CancellationToken ct)
    {
        var open = (await reminders.ListAsync(user, ct))
            .Where(r => r.ThreadKey == threadKey && r.Status is Reminders.ReminderStatus.Scheduled or Reminders.ReminderStatus.Due);
        foreach (var reminder in open)
        {
            if (await reminders.MarkDoneAsync(user, reminder.Id, ct) is { } done)
            {
                await flags.ApplyAsync(user, done, ct);
            }
        }
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Undo(string threadKey, CurrentUser caller, IDismissalStore store, CancellationToken ct) =>
        await store.UndoAsync(caller.Key, threadKey, ct)
            ? TypedResults.NoContent()
            : TypedResults.Problem(
                title: "Conversation not dismissed.",
                detail: "This conversation is not dismissed: it may have been shown again already. Refresh the list.",
                statusCode: StatusCodes.Status404NotFound);
}

internal sealed class DismissRequestValidator : AbstractValidator<DismissRequest>
{
    /// <summary>A line or two about why; longer is not a note.</summary>
    public const int MaxNoteLength = 500;

    public DismissRequestValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(r => r.Reason)
            .Must(r => r is null or DismissalReasons.Dismissed or DismissalReasons.MovedOn)
            .WithMessage($"reason must be \"{DismissalReasons.Dismissed}\" or \"{DismissalReasons.MovedOn}\".");
        RuleFor(r => r.Note).MaximumLength(MaxNoteLength).PlainText();
        RuleFor(r => r.Note)
            .Must((request, note) => string.IsNullOrWhiteSpace(note) || request.Reason == DismissalReasons.MovedOn)
            .WithMessage($"note goes with reason \"{DismissalReasons.MovedOn}\".");
    }
}
