using System.Collections.Concurrent;
using OutlookFollowUp.Mail;

using OutlookFollowUp.MailIndex;

namespace OutlookFollowUp.Threads;

/// <summary>
/// The people data's answers per (user, address), kept for <see cref="Lifetime"/> in this process: what one user's
/// people data holds about someone is that user's own. "No number" is kept too, so it is not asked again within the hour.
/// </summary>
public sealed class PhoneCache(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    /// <summary>Beyond this many entries, expired ones are dropped at the next write.</summary>
    private const int PruneAbove = 50_000;

    private readonly ConcurrentDictionary<(string User, string Address), (PersonPhone? Phone, DateTimeOffset Expires)> _answers = new();

    public bool TryGet(string userKey, string address, out PersonPhone? phone)
    {
        if (_answers.TryGetValue((userKey, address), out var entry) && entry.Expires > time.GetUtcNow())
        {
            phone = entry.Phone;
            return true;
        }

        phone = null;
        return false;
    }

    public void Set(string userKey, string address, PersonPhone? phone)
    {
        var now = time.GetUtcNow();
        if (_answers.Count > PruneAbove)
        {
            foreach (var expired in _answers.Where(e => e.Value.Expires <= now).Select(e => e.Key).ToList())
            {
                _answers.TryRemove(expired, out _);
            }
        }

        _answers[(userKey, address)] = (phone, now + Lifetime);
    }
}
