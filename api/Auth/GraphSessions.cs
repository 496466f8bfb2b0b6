using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Caching.Distributed;
using OutlookFollowUp.Storage;

namespace OutlookFollowUp.Auth;

/// <summary>
/// A user's long-running on-behalf-of session: the key under which MSAL keeps the user's Graph refresh token in the
/// token cache, so that work without a signed-in request (timers, notifications) can still get a token for the user.
/// </summary>
internal sealed class GraphSessionRow
{
    public required string UserKey { get; set; }

    /// <summary>Random, never derived from a token; the token cache's entry for the session is stored under it.</summary>
    public required string SessionKey { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    /// <summary>Set when the identity platform refused the session (revoked, expired, consent withdrawn): the next request starts a new one.</summary>
    public DateTimeOffset? SignInRequiredAt { get; set; }
}

internal sealed class GraphSessionRowConfiguration : IEntityTypeConfiguration<GraphSessionRow>
{
    public void Configure(EntityTypeBuilder<GraphSessionRow> e)
    {
        e.ToTable("graph_sessions");
        e.HasKey(s => s.UserKey);
    }
}

/// <summary>The stored long-running sessions, one per user.</summary>
public interface IGraphSessionStore
{
    /// <summary>The user's session key, or null when there is none or it needs a new sign-in.</summary>
    Task<string?> GetUsableKeyAsync(string userKey, CancellationToken cancellationToken);

    /// <summary>
    /// True when the user's request should start a session: there is none, the identity platform refused it, or it
    /// started more than <see cref="GraphSessionStore.RenewAfter"/> ago (renewed while the user is there, so that it
    /// does not lapse unseen).
    /// </summary>
    Task<bool> ShouldStartAsync(string userKey, CancellationToken cancellationToken);

    /// <summary>Records that the session under <paramref name="sessionKey"/> now holds the user's tokens.</summary>
    Task SaveAsync(string userKey, string sessionKey, CancellationToken cancellationToken);

    /// <summary>The identity platform refused the session: the user must open the add-in (sign in) again.</summary>
    Task MarkSignInRequiredAsync(string userKey, CancellationToken cancellationToken);

    /// <summary>DELETE /api/me: the session row and the tokens cached under its key.</summary>
    Task DeleteUserAsync(string userKey, CancellationToken cancellationToken);
}

/// <summary>A singleton, like the token cache: the token sources outlive the request that made them, so each call takes its own context.</summary>
internal sealed class GraphSessionStore(IServiceScopeFactory scopes, TimeProvider time, IDistributedCache? tokenCache = null) : IGraphSessionStore
{
    /// <summary>A session older than this is started again at the user's next request (Entra's refresh tokens end after 90 days unused).</summary>
    public static readonly TimeSpan RenewAfter = TimeSpan.FromDays(30);

    public async Task<bool> ShouldStartAsync(string userKey, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var since = time.GetUtcNow() - RenewAfter;
        return !await Db(scope).Set<GraphSessionRow>()
            .AnyAsync(s => s.UserKey == userKey && s.SignInRequiredAt == null && s.StartedAt > since, cancellationToken);
    }

    public async Task<string?> GetUsableKeyAsync(string userKey, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await Db(scope).Set<GraphSessionRow>().AsNoTracking()
            .Where(s => s.UserKey == userKey && s.SignInRequiredAt == null)
            .Select(s => s.SessionKey)
            .SingleOrDefaultAsync(cancellationToken);
    }

    public async Task SaveAsync(string userKey, string sessionKey, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = Db(scope);
        var row = await db.Set<GraphSessionRow>().SingleOrDefaultAsync(s => s.UserKey == userKey, cancellationToken);
        var replaced = row?.SessionKey;
        if (row is null)
        {
            row = new GraphSessionRow { UserKey = userKey, SessionKey = sessionKey };
            db.Set<GraphSessionRow>().Add(row);
        }

        row.SessionKey = sessionKey;
        row.StartedAt = time.GetUtcNow();
        row.SignInRequiredAt = null;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (Storage.StorageWrites.IsUniqueViolation(e))
        {
            // Two first requests of one user raced: the other's session is as good as this one (each holds a token).
            return;
        }

        if (replaced is not null && replaced != sessionKey && tokenCache is not null)
        {
            await tokenCache.RemoveAsync(replaced, cancellationToken); // the refused session's tokens are of no more use
        }
    }

    public async Task MarkSignInRequiredAsync(string userKey, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var now = time.GetUtcNow();
        await Db(scope).Set<GraphSessionRow>().Where(s => s.UserKey == userKey && s.SignInRequiredAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.SignInRequiredAt, now), cancellationToken);
    }

    public async Task DeleteUserAsync(string userKey, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = Db(scope);
        var keys = await db.Set<GraphSessionRow>().AsNoTracking().Where(s => s.UserKey == userKey).Select(s => s.SessionKey).ToListAsync(cancellationToken);
        foreach (var key in keys.Where(_ => tokenCache is not null))
        {
            // MSAL caches a long-running session under its key (Identity.Web's suggested cache key): its refresh token goes too.
            await tokenCache!.RemoveAsync(key, cancellationToken);
        }

        await db.Set<GraphSessionRow>().Where(s => s.UserKey == userKey).ExecuteDeleteAsync(cancellationToken);
    }

    private static FollowUpDbContext Db(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<FollowUpDbContext>();
}
