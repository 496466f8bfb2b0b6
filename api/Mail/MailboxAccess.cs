using System.Collections.Concurrent;

namespace OutlookFollowUp.Mail;

/// <summary>
/// What the last sync of each mailbox learnt about its credentials, in this process: Graph refused the token (a 401:
/// rejected or expired), which no retry can fix. Health reports it; the next good sync clears it.
/// </summary>
public sealed class MailboxAccess
{
    private readonly ConcurrentDictionary<string, bool> _rejected = new(StringComparer.Ordinal);

    public void Rejected(string userKey) => _rejected[userKey] = true;

    public void Succeeded(string userKey) => _rejected.TryRemove(userKey, out _);

    public bool IsRejected(string userKey) => _rejected.ContainsKey(userKey);
}
