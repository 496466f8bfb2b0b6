using System.Net;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using OutlookFollowUp.Auth;
using OutlookFollowUp.FollowUps;
using OutlookFollowUp.Mail;
using OutlookFollowUp.MailIndex;
using OutlookFollowUp.Web;

namespace OutlookFollowUp.Threads;

/// <summary>The body of POST /api/threads/{threadKey}/draft: the thread's last message and the pane's plain-text nudge.</summary>
/// <param name="OnlyWaiting">
/// Group threads: address the draft only to the counterparts who have not answered (the row's <c>waitingOn</c>), in
/// To, with no Cc; absent or false drafts the usual reply-all.
/// </param>
public sealed record DraftRequest(string? MessageId, string? Comment, bool? OnlyWaiting = null);

/// <summary>The reply-all draft's immutable id (Graph REST form; the pane converts it for displayMessageForm).</summary>
public sealed record DraftCreated(string DraftId);

public static partial class ThreadsApi
{
    /// <summary>
    /// Saves a reply-all draft of the thread's last message in the caller's Drafts folder, so the follow-up stays in
    /// the conversation even when that message is not the one open in Outlook.
    /// </summary>
    public static async Task<Results<Created<DraftCreated>, ValidationProblem, ProblemHttpResult>> CreateDraft(
        string threadKey, DraftRequest request, CurrentUser caller, IThreadIndex index, IMailboxes mailboxes, MailBudget budget, CancellationToken cancellationToken)
    {
        var user = caller.Key;
        var indexed = await index.GetThreadsAsync(user, direction: null, cancellationToken);
        // Only a message this user's index holds as a thread's last one: never someone else's, never an arbitrary id.
        if (indexed.Threads.FirstOrDefault(t => t.ThreadKey == threadKey) is not { } thread)
        {
            return ThreadNotFound();
        }

        if (thread.MessageId != request.MessageId)
        {
            return MessageNotFound();
        }

        IReadOnlyList<MailAddress>? waitingOn = null;
        if (request.OnlyWaiting == true)
        {
            if (!GroupReplies.IsGroup(thread) || GroupReplies.WaitingOn(thread) is not { Count: > 0 } waiting)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["onlyWaiting"] = ["onlyWaiting needs a thread waiting on several people, one of them at least without an answer; draft a reply-all instead."],
                });
            }

            waitingOn = [.. waiting.Select(a => thread.People.FirstOrDefault(p => p.Address == a) ?? new MailAddress(a))];
        }

        try
        {
            // Graph and token failures become their answers in Web/ErrorHandling.cs; the wait is bounded by the budget.
            var writer = mailboxes.Writer(user);
            var comment = CommentHtml(request.Comment!);
            var draftId = await budget.RunAsync(
                ct => waitingOn is null
                    ? writer.CreateReplyAllDraftAsync(request.MessageId!, comment, ct)
                    : writer.CreateReplyAllDraftAsync(request.MessageId!, comment, waitingOn, ct),
                cancellationToken);
            return TypedResults.Created((string?)null, new DraftCreated(draftId));
        }
        catch (MailNotFoundException)
        {
            // Deleted in Outlook since the last sync: the index is behind the mailbox, not broken.
            return MessageNotFound();
        }
    }

    /// <summary>Graph reads the comment as HTML: the pane sends text, so a subject like "&lt;b&gt;" stays text.</summary>
    internal static string CommentHtml(string text) =>
        WebUtility.HtmlEncode(text.ReplaceLineEndings("\n")).Replace("\n", "<br>", StringComparison.Ordinal);

    private static ProblemHttpResult ThreadNotFound() => TypedResults.Problem(
        title: "Conversation not found.",
        detail: "This conversation is not in your follow-ups any more. Refresh the list and try again.",
        statusCode: StatusCodes.Status404NotFound);

    private static ProblemHttpResult MessageNotFound() => TypedResults.Problem(
        title: "Message not found.",
        detail: "messageId is not the last message of this conversation (a newer one arrived, or it was deleted since the last sync). Refresh the list and try again.",
        statusCode: StatusCodes.Status404NotFound);
}

internal sealed class DraftRequestValidator : AbstractValidator<DraftRequest>
{
    /// <summary>Graph immutable ids are ~150 characters; this leaves room without taking arbitrary blobs.</summary>
    public const int MaxMessageIdLength = 1024;

    /// <summary>The pane's nudge is a few lines; a longer comment is not one it built.</summary>
    public const int MaxCommentLength = 4000;

    public DraftRequestValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(r => r.MessageId).NotEmpty().MaximumLength(MaxMessageIdLength).CleanId();
        RuleFor(r => r.Comment).NotEmpty().MaximumLength(MaxCommentLength).PlainText();
    }
}
