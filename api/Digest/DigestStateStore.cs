using Microsoft.EntityFrameworkCore;
using OutlookFollowUp.Storage;

namespace OutlookFollowUp.Digest;

/// <summary>What <c>DELETE /api/me</c> asks of the digest: its row (the last digest's date, the working hours read from Graph).</summary>
public interface IDigestStateStore
{
    Task DeleteUserAsync(string userKey, CancellationToken cancellationToken);
}

internal sealed class DigestStateStore(FollowUpDbContext db) : IDigestStateStore
{
    public Task DeleteUserAsync(string userKey, CancellationToken cancellationToken) =>
        db.Set<DigestStateRow>().Where(r => r.UserKey == userKey).ExecuteDeleteAsync(cancellationToken);
}
