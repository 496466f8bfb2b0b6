using Microsoft.Extensions.Caching.Hybrid;
using OutlookFollowUp.Auth;
using OutlookFollowUp.Mail;

namespace OutlookFollowUp.Away;

/// <summary>
/// Automatic replies per (tenant, address) and working hours per user, kept for <see cref="Lifetime"/>. Replies go in
/// the app's shared cache (<see cref="SharedAnswers"/>): one instance's MailTips answer serves every instance. Per
/// tenant, not per user: every caller of one tenant is internal to it, so MailTips give all of them the same automatic
/// reply (the internal one) and one user's answer serves the tenant's other mailboxes. An address Graph said nothing
/// about is kept as "off", so it is not asked again within the hour either. Working hours stay in this process: every
/// instance already shares them through the digest's store (the due sweep's <c>sharedHours</c>).
/// </summary>
public sealed class AwayCache(HybridCache cache, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    /// <summary>The kept reply of this address for the tenant, or null when none is kept.</summary>
    public async ValueTask<AutomaticReply?> GetAsync(string tenant, string address, CancellationToken cancellationToken) =>
        (await cache.GetKeptAsync<AutomaticReply>(ReplyKey(tenant, address), time, shared: true, cancellationToken))?.Value;

    public ValueTask SetAsync(string tenant, AutomaticReply reply, CancellationToken cancellationToken) =>
        cache.KeepAsync(ReplyKey(tenant, reply.Address), reply, Lifetime, time, shared: true, cancellationToken);

    /// <summary>False when nothing is kept; true with null when the mailbox has no working hours.</summary>
    public async ValueTask<(bool Found, WorkingHours? Hours)> GetHoursAsync(string userKey, CancellationToken cancellationToken) =>
        await cache.GetKeptAsync<WorkingHours?>(HoursKey(userKey), time, shared: false, cancellationToken) is { } kept ? (true, kept.Value) : (false, null);

    public ValueTask SetHoursAsync(string userKey, WorkingHours? hours, CancellationToken cancellationToken) =>
        cache.KeepAsync(HoursKey(userKey), hours, Lifetime, time, shared: false, cancellationToken);

    private static string ReplyKey(string tenant, string address) => $"away:reply:{tenant}:{address}";

    private static string HoursKey(string userKey) => "away:hours:" + userKey;
}
