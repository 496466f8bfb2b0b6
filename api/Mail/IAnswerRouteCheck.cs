using OutlookFollowUp.FollowUps;

namespace OutlookFollowUp.Mail;

/// <summary>
/// The check of the other routes of an answer that runs with each sync (api/Routes): given the mailbox's threads, it
/// asks the routes (within its cost bounds) and returns the facts the engine's <see cref="OtherRoutes"/> reads. Never
/// fails the sync: a route that cannot be read leaves the last check's facts.
/// </summary>
public interface IAnswerRouteCheck
{
    Task<RouteFacts> CheckAsync(string userKey, IAnswerRoutes? routes, IReadOnlyList<MailThread> threads, DetectionOptions options, CancellationToken cancellationToken);
}
