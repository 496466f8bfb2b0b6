using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using OutlookFollowUp.Auth;
using OutlookFollowUp.FollowUps;
using OutlookFollowUp.Mail;

using OutlookFollowUp.MailIndex;

namespace OutlookFollowUp.Threads;

/// <summary>Someone the thread waits on, and the number to call them on.</summary>
/// <param name="Name">The people data's display name, else the one the mail gave; absent when neither has one.</param>
/// <param name="Type">Graph's phone type: <c>mobile</c>, <c>business</c>, <c>home</c>, <c>other</c>, <c>assistant</c> or <c>radio</c>.</param>
public sealed record ThreadPhone(
    string Address, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Name, string Number, string Type);

/// <summary>The body of GET /api/threads/{threadKey}/phones.</summary>
/// <param name="Phones">One entry per waited-on person with a number, in the order of <c>waitingOn</c>; empty when none has one.</param>
/// <param name="Unavailable">
/// Why nothing could be looked up, when so: <c>people_read_missing</c> (the organization has not granted People.Read) or
/// <c>not_supported</c> (this mailbox has no people data to ask, e.g. app-only access); absent otherwise.
/// </param>
public sealed record ThreadPhones(
    IReadOnlyList<ThreadPhone> Phones, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Unavailable = null)
{
    public const string PeopleReadMissing = "people_read_missing";
    public const string NotSupported = "not_supported";
}

public static partial class ThreadsApi
{
    /// <summary>
    /// The phone numbers of the people the caller's thread waits on (the escalation ladder's other channel), from the
    /// caller's people data, cached per user and address for an hour. A missing People.Read is an empty answer that says
    /// so, never an error: the pane then shows no number.
    /// </summary>
    public static async Task<Results<Ok<ThreadPhones>, ProblemHttpResult>> GetPhones(
        string threadKey, CurrentUser caller, IThreadIndex index, IMailboxes mailboxes, MailBudget budget, PhoneCache cache, CancellationToken cancellationToken)
    {
        var user = caller.Key;
        var indexed = await index.GetThreadsAsync(user, direction: null, cancellationToken);
        // Only a thread this user's index holds: never someone else's.
        if (indexed.Threads.FirstOrDefault(t => t.ThreadKey == threadKey) is not { } thread)
        {
            return ThreadNotFound();
        }

        // Waiting on you: nobody is waited on, so there is nobody to call.
        IReadOnlyList<string> waitingOn = thread.Direction == FollowUpDirection.Theirs
            ? [.. GroupReplies.WaitingOn(thread).Select(a => a.Trim().ToLowerInvariant()).Distinct(StringComparer.Ordinal)]
            : [];
        var known = new Dictionary<string, PersonPhone?>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var address in waitingOn)
        {
            if (await cache.GetAsync(user, address, cancellationToken) is (true, var phone))
            {
                known[address] = phone;
            }
            else
            {
                missing.Add(address);
            }
        }

        if (missing.Count > 0)
        {
            var people = mailboxes.Reader(user) as IPeopleDirectory ?? NoPeopleDirectory.Instance;
            PhoneLookup lookup;
            try
            {
                // Other Graph and token failures become their answers in Web/ErrorHandling.cs; the wait is bounded by the budget.
                lookup = await budget.RunAsync(ct => people.GetPhonesAsync(missing, ct), cancellationToken);
            }
            catch (MailAccessDeniedException)
            {
                return TypedResults.Ok(new ThreadPhones([], ThreadPhones.PeopleReadMissing));
            }

            if (!lookup.Known)
            {
                return TypedResults.Ok(new ThreadPhones([], ThreadPhones.NotSupported));
            }

            foreach (var (address, phone) in lookup.Answers)
            {
                await cache.SetAsync(user, address, phone, cancellationToken);
                known[address] = phone;
            }
        }

        var phones = waitingOn
            .Select(a => known.GetValueOrDefault(a))
            .OfType<PersonPhone>()
            .Select(p => new ThreadPhone(p.Address, p.Name ?? thread.People.FirstOrDefault(m => string.Equals(m.Address, p.Address, StringComparison.OrdinalIgnoreCase))?.Name, p.Number, p.Type))
            .ToList();
        return TypedResults.Ok(new ThreadPhones(phones));
    }
}
