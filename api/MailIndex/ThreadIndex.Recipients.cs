using Microsoft.EntityFrameworkCore;
using OutlookFollowUp.FollowUps;
using OutlookFollowUp.Storage;


namespace OutlookFollowUp.MailIndex;

internal sealed partial class ThreadIndex
{
    public async Task<IReadOnlyDictionary<UserMessage, IReadOnlyList<MailAddress>>> RecipientsAsync(
        IReadOnlyCollection<UserMessage> messages, CancellationToken cancellationToken)
    {
        var found = new Dictionary<UserMessage, IReadOnlyList<MailAddress>>();
        var users = messages.Select(m => m.UserKey).Distinct(StringComparer.Ordinal).ToList();
        if (users.Count == 0)
        {
            return found;
        }

        var me = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var chunk in users.Chunk(Chunk))
        {
            foreach (var state in await db.Set<MailboxState>().AsNoTracking().Where(m => chunk.Contains(m.UserKey))
                .Select(m => new { m.UserKey, m.Addresses }).ToListAsync(cancellationToken))
            {
                me[state.UserKey] = StoredJson.Strings(state.Addresses).ToHashSet(StringComparer.OrdinalIgnoreCase);
            }
        }

        // By Graph id first, then by Internet Message-ID for a message whose id changed (moved); across users in one IN list.
        var rows = new List<IndexedMessage>();
        foreach (var chunk in messages.Where(m => m.MessageId is not null).Select(m => m.MessageId!).Distinct(StringComparer.Ordinal).Chunk(Chunk))
        {
            rows.AddRange(await db.Set<IndexedMessage>().AsNoTracking().Where(m => chunk.Contains(m.Id) && users.Contains(m.UserKey)).ToListAsync(cancellationToken));
        }

        var byId = rows.ToLookup(r => (r.UserKey, r.Id));
        var unmatched = messages.Where(m => !byId.Contains((m.UserKey, m.MessageId ?? "")) && m.InternetMessageId is not null).ToList();
        foreach (var chunk in unmatched.Select(m => m.InternetMessageId!).Distinct(StringComparer.Ordinal).Chunk(Chunk))
        {
            rows.AddRange(await db.Set<IndexedMessage>().AsNoTracking()
                .Where(m => m.InternetMessageId != null && chunk.Contains(m.InternetMessageId) && users.Contains(m.UserKey)).ToListAsync(cancellationToken));
        }

        var byInternetId = rows.Where(r => r.InternetMessageId is not null).ToLookup(r => (r.UserKey, r.InternetMessageId!));
        foreach (var message in messages)
        {
            var row = byId[(message.UserKey, message.MessageId ?? "")].FirstOrDefault()
                ?? byInternetId[(message.UserKey, message.InternetMessageId ?? "")].FirstOrDefault();
            if (row is null)
            {
                continue;
            }

            var own = me.GetValueOrDefault(message.UserKey) ?? [];
            found[message] = [.. StoredJson.Addresses(row.To).Concat(StoredJson.Addresses(row.Cc))
                .Where(a => !string.IsNullOrWhiteSpace(a.Address) && !own.Contains(a.Address.Trim()))
                .Select(a => a with { Address = a.Address.Trim().ToLowerInvariant() })
                .DistinctBy(a => a.Address, StringComparer.Ordinal)];
        }

        return found;
    }
}
