namespace OutlookFollowUp.Mail;

/// <summary>
/// A user's access tokens for the mail service (on behalf of the signed-in user with Entra ID). The adapter asks for
/// one per request and hands them only to the configured Graph host.
/// </summary>
public interface IMailboxTokenSource
{
    /// <param name="claims">A claims challenge the service sent back (continuous access evaluation), to satisfy on this token.</param>
    /// <exception cref="MailConsentRequiredException">The user must consent or sign in again first.</exception>
    Task<string> GetTokenAsync(string? claims, CancellationToken cancellationToken);
}
