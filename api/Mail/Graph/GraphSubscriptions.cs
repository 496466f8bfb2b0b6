using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;

namespace OutlookFollowUp.Mail.Graph;

/// <summary>
/// Change-notification subscriptions with the Graph SDK. Graph caps an Outlook subscription's lifetime (10,080 minutes
/// today) and says so with a 400 naming the limit: the adapter then asks again with that lifetime, or a shorter one.
/// </summary>
/// <param name="userId">App-only mode: an application has no <c>me</c>, so a resource under <c>me/</c> is watched at <c>users/{id}/</c>.</param>
public sealed partial class GraphSubscriptions(GraphServiceClient client, TimeProvider time, string? userId = null) : IMailboxSubscriptions
{
    /// <summary>What subscribing to mail needs (the same permission as reading it).</summary>
    private const string Permission = "Mail.Read";

    /// <summary>Lifetimes tried, longest first, when Graph refuses one without naming its limit.</summary>
    private static readonly TimeSpan[] Fallbacks = [TimeSpan.FromMinutes(4230), TimeSpan.FromDays(1), TimeSpan.FromHours(1)];

    public async Task<MailSubscription> CreateAsync(MailSubscriptionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var created = await ClampedAsync(request.Expiration, expiration => client.Subscriptions.PostAsync(
            new Subscription
            {
                ChangeType = request.ChangeTypes,
                Resource = userId is not null && request.Resource.StartsWith("me/", StringComparison.Ordinal) ? $"users/{userId}/{request.Resource[3..]}" : request.Resource,
                NotificationUrl = request.NotificationUrl.ToString(),
                LifecycleNotificationUrl = request.LifecycleNotificationUrl.ToString(),
                ClientState = request.ClientState,
                ExpirationDateTime = expiration,
            },
            c => GraphQuery.AddPreferences(c.Headers), // notifications then name immutable ids
            cancellationToken), cancellationToken);
        return new MailSubscription(
            created?.Id ?? throw new MailResponseException("Microsoft Graph created a subscription without an id."),
            created.ExpirationDateTime ?? request.Expiration);
    }

    public async Task<DateTimeOffset> RenewAsync(string subscriptionId, DateTimeOffset expiration, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subscriptionId);
        var renewed = await ClampedAsync(expiration, at => client.Subscriptions[subscriptionId].PatchAsync(
            new Subscription { ExpirationDateTime = at }, cancellationToken: cancellationToken), cancellationToken);
        return renewed?.ExpirationDateTime ?? expiration;
    }

    public async Task DeleteAsync(string subscriptionId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subscriptionId);
        try
        {
            await GraphFailures.CallAsync(async () =>
            {
                await client.Subscriptions[subscriptionId].DeleteAsync(cancellationToken: cancellationToken);
                return true;
            }, Permission, cancellationToken);
        }
        catch (MailNotFoundException)
        {
            // Already gone (expired or removed by Graph): what the caller wanted.
        }
    }

    /// <summary>Runs the call; a 400 about the expiration runs it again with the lifetime Graph names, then shorter ones.</summary>
    private async Task<Subscription?> ClampedAsync(
        DateTimeOffset expiration, Func<DateTimeOffset, Task<Subscription?>> call, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var tried = new List<TimeSpan>();
        while (true)
        {
            try
            {
                return await GraphFailures.CallAsync(() => call(expiration), Permission, cancellationToken);
            }
            catch (MailException ex) when (ex is { Status: 400, InnerException: ODataError odata } && IsAboutExpiration(odata))
            {
                var refusal = (ODataError)ex.InnerException!;
                tried.Add(expiration - now);
                var shorter = Limit(refusal) is { } named && named < expiration - now
                    ? named - TimeSpan.FromMinutes(1) // a minute's margin: the request takes time to reach Graph
                    : Fallbacks.FirstOrDefault(f => f < tried.Min());
                if (shorter <= TimeSpan.Zero || tried.Count > Fallbacks.Length)
                {
                    throw;
                }

                expiration = now + shorter;
            }
        }
    }

    private static bool IsAboutExpiration(ODataError error) =>
        (error.Error?.Message ?? error.Message).Contains("expiration", StringComparison.OrdinalIgnoreCase);

    /// <summary>The lifetime Graph names in its refusal ("... can only be 10070 minutes in the future"), if any.</summary>
    private static TimeSpan? Limit(ODataError error) =>
        MinutesPattern().Match(error.Error?.Message ?? "") is { Success: true } m
        && int.TryParse(m.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)
            ? TimeSpan.FromMinutes(minutes)
            : null;

    [GeneratedRegex(@"(\d+)\s*minutes", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MinutesPattern();
}
