using System.Collections.Concurrent;
using OutlookFollowUp.Mail;

namespace OutlookFollowUp.Away;

/// <summary>
/// Automatic replies per (tenant, address) and working hours per user, kept for <see cref="Lifetime"/> in this process
/// only. Per tenant, not per user: every caller of one tenant is internal to it, so MailTips give all of them the same
/// automatic reply (the internal one) and one user's answer serves the tenant's other mailboxes. An address Graph said
/// nothing about is kept as "off", so it is not asked again within the hour either.
/// </summary>
public sealed class AwayCache(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    /// <summary>Beyond this many entries, expired ones are dropped at the next write.</summary>
    private const int PruneAbove = 50_000;

    private readonly ConcurrentDictionary<(string Tenant, string Address), (AutomaticReply Reply, DateTimeOffset Expires)> _replies = new();
    private readonly ConcurrentDictionary<string, (WorkingHours? Hours, DateTimeOffset Expires)> _hours = new(StringComparer.Ordinal);

    public bool TryGet(string tenant, string address, out AutomaticReply reply)
    {
        if (_replies.TryGetValue((tenant, address), out var entry) && entry.Expires > time.GetUtcNow())
        {
            reply = entry.Reply;
            return true;
        }

        reply = null!;
        return false;
    }

    public void Set(string tenant, AutomaticReply reply)
    {
        var now = time.GetUtcNow();
        if (_replies.Count > PruneAbove)
        {
            foreach (var expired in _replies.Where(e => e.Value.Expires <= now).Select(e => e.Key).ToList())
            {
                _replies.TryRemove(expired, out _);
            }
        }

        _replies[(tenant, reply.Address)] = (reply, now + Lifetime);
    }

    public bool TryGetHours(string userKey, out WorkingHours? hours)
    {
        if (_hours.TryGetValue(userKey, out var entry) && entry.Expires > time.GetUtcNow())
        {
            hours = entry.Hours;
            return true;
        }

        hours = null;
        return false;
    }

    public void SetHours(string userKey, WorkingHours? hours) => _hours[userKey] = (hours, time.GetUtcNow() + Lifetime);
}
