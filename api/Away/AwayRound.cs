using OutlookFollowUp.Mail;

namespace OutlookFollowUp.Away;

/// <summary>How a MailTips round for one tenant ended.</summary>
public enum AwayRoundOutcome
{
    /// <summary>Every address is in the cache now (asked, or already there).</summary>
    Answered,

    /// <summary>No mailbox tried could ask (its credentials failed, or it cannot tell): the addresses stay unknown.</summary>
    NoMailbox,

    /// <summary>Graph refused for another reason (throttled, down): asking again now would only add load.</summary>
    Failed,
}

/// <summary>
/// One MailTips round for one tenant: the addresses not in <see cref="AwayCache"/>, in calls of at most
/// <see cref="AddressesPerCall"/>, up to <see cref="CallsAtOnce"/> at once, through the first mailbox of the tenant that
/// can ask. A mailbox whose credentials fail (sign-in needed, 403) hands over to the next, at most
/// <see cref="MailboxesTried"/>; any other failure ends the round, keeping the answers of the calls that went through.
/// Never throws but for cancellation.
/// </summary>
public sealed partial class AwayRound(AwayCache cache, ILogger<AwayRound> logger)
{
    /// <summary>Graph takes at most 100 addresses per getMailTips call.</summary>
    public const int AddressesPerCall = 100;

    public const int MailboxesTried = 3;

    /// <summary>Calls one mailbox sends at once: Graph runs 4 requests at once per app and mailbox.</summary>
    public const int CallsAtOnce = 4;

    /// <param name="askers">The tenant's mailboxes that may ask, in order; made lazily (a reader costs a token).</param>
    /// <param name="lease">
    /// When given, a mailbox asks only under its lease (held for its calls); one another instance is working on is passed
    /// over, so Graph's limits for that mailbox stay that instance's to keep.
    /// </param>
    public async Task<AwayRoundOutcome> AskAsync(
        string tenant, IEnumerable<string> addresses, IEnumerable<(string UserKey, IMailTips Tips)> askers, CancellationToken cancellationToken,
        Func<string, CancellationToken, Task<Storage.MailboxLease?>>? lease = null)
    {
        var unknown = new List<string>();
        foreach (var address in addresses.Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim().ToLowerInvariant()).Distinct(StringComparer.Ordinal))
        {
            if (await cache.GetAsync(tenant, address, cancellationToken) is null)
            {
                unknown.Add(address);
            }
        }

        var missing = unknown.Chunk(AddressesPerCall).ToList();
        if (missing.Count == 0)
        {
            return AwayRoundOutcome.Answered;
        }

        var tried = 0;
        foreach (var (userKey, tips) in askers)
        {
            if (tried++ == MailboxesTried)
            {
                break;
            }

            await using var held = lease is null ? null : await lease(userKey, cancellationToken);
            if (lease is not null && held is null)
            {
                continue;
            }

            try
            {
                await AskThroughAsync(tenant, tips, missing, cancellationToken);
                return AwayRoundOutcome.Answered;
            }
            catch (Exception ex) when (ex is MailConsentRequiredException or MailAccessDeniedException)
            {
                // This user's credentials cannot ask now; another mailbox of the tenant may.
                LogCredentialsFailed(logger, tenant, userKey, ex.GetType().Name);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Throttled, refused or down: nothing is said this time; the next sweep or sync asks again.
                LogRoundFailed(logger, tenant, userKey, missing.Sum(c => c.Length), ex.GetType().Name);
                return AwayRoundOutcome.Failed;
            }
        }

        return AwayRoundOutcome.NoMailbox;
    }

    /// <summary>The calls through one mailbox, up to <see cref="CallsAtOnce"/> at once; the answered ones leave <paramref name="missing"/>.</summary>
    private async Task AskThroughAsync(string tenant, IMailTips tips, List<string[]> missing, CancellationToken ct)
    {
        var answered = new System.Collections.Concurrent.ConcurrentBag<string[]>();
        try
        {
            await Parallel.ForEachAsync(missing.ToList(), new ParallelOptions { MaxDegreeOfParallelism = CallsAtOnce, CancellationToken = ct }, async (chunk, c) =>
            {
                var answer = await tips.GetAutomaticRepliesAsync(chunk, c);
                foreach (var address in chunk)
                {
                    await cache.SetAsync(tenant, answer.GetValueOrDefault(address) ?? AutomaticReply.Off(address), c);
                }

                answered.Add(chunk);
            });
        }
        finally
        {
            missing.RemoveAll(answered.Contains);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "MailTips for tenant {Tenant} through {UserKey}: the credentials failed ({Failure}); trying another mailbox")]
    private static partial void LogCredentialsFailed(ILogger logger, string tenant, string userKey, string failure);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MailTips for tenant {Tenant} through {UserKey} failed ({Failure}) with {Count} addresses left; nothing is said about them this time")]
    private static partial void LogRoundFailed(ILogger logger, string tenant, string userKey, int count, string failure);
}
