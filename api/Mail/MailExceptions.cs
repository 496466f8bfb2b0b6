namespace OutlookFollowUp.Mail;

/// <summary>
/// The mail service failed in a way the product has no better name for (a 400 or 409, say). The adapter turns every
/// SDK, Kiota and HTTP failure into this or one of its kinds, so nothing above <c>Mail/Graph/</c> sees Graph types.
/// </summary>
public class MailException : Exception
{
    public MailException()
        : this("Microsoft Graph could not complete the request.")
    {
    }

    public MailException(string message)
        : base(message)
    {
    }

    public MailException(string message, Exception? inner, int? status = null)
        : base(message, inner) => Status = status;

    /// <summary>The HTTP status Graph answered, when it answered.</summary>
    public int? Status { get; }
}

/// <summary>Why the mail service could not be used now; callers serve the stale index for all of them.</summary>
public enum MailUnavailableReason
{
    CircuitOpen,
    Timeout,
    Throttled,
    ServerError,
    Unreachable,

    /// <summary>The sign-in service (the identity platform) could not give a Graph token: unreachable, failing or throttling.</summary>
    SignInUnavailable,
}

/// <summary>Unavailable for this mailbox right now (throttled, failing, slow or unreachable): serve the stale index and try later.</summary>
public sealed class MailUnavailableException : MailException
{
    public MailUnavailableException(MailUnavailableReason reason, string message, Exception? inner = null, TimeSpan? retryAfter = null, int? status = null)
        : base(message, inner, status)
    {
        Reason = reason;
        RetryAfter = retryAfter;
    }

    public MailUnavailableException()
        : this(MailUnavailableReason.ServerError, "Microsoft Graph is unavailable.")
    {
    }

    public MailUnavailableException(string message)
        : this(MailUnavailableReason.ServerError, message)
    {
    }

    public MailUnavailableException(string message, Exception inner)
        : this(MailUnavailableReason.ServerError, message, inner)
    {
    }

    public MailUnavailableReason Reason { get; }

    /// <summary>When to try again, when the service or the breaker said so.</summary>
    public TimeSpan? RetryAfter { get; }
}

/// <summary>The message or folder is not there (deleted or moved since the index saw it).</summary>
public sealed class MailNotFoundException : MailException
{
    public MailNotFoundException()
        : this("The message was not found in the mailbox.")
    {
    }

    public MailNotFoundException(string message)
        : base(message, null, 404)
    {
    }

    public MailNotFoundException(string message, Exception inner)
        : base(message, inner, 404)
    {
    }
}

/// <summary>
/// The user must act before their mail can be used: consent, another sign-in step, or a conditional-access claims
/// challenge. The API answers 401 with a WWW-Authenticate the pane hands to its sign-in library.
/// </summary>
public sealed class MailConsentRequiredException : MailException
{
    public MailConsentRequiredException(string message, string? claims = null, Exception? inner = null)
        : base(message, inner, 401) => Claims = claims is { Length: > 0 } ? claims : null;

    public MailConsentRequiredException()
        : this("Microsoft Graph needs consent or another sign-in step.")
    {
    }

    public MailConsentRequiredException(string message, Exception inner)
        : this(message, claims: null, inner)
    {
    }

    /// <summary>The claims challenge as JSON, when the identity platform or Graph sent one.</summary>
    public string? Claims { get; }

    /// <summary>What a sync records for it (<c>signin_required</c>, <c>graph_token_expired</c>); null means Graph refused the token.</summary>
    public string? FailureCode { get; init; }
}

/// <summary>The token lacks a permission the call needs (Graph's 403), e.g. <c>Mail.ReadWrite</c> for flags and drafts.</summary>
public sealed class MailAccessDeniedException : MailException
{
    public MailAccessDeniedException(string requiredPermission, string message, Exception? inner = null)
        : base(message, inner, 403) => RequiredPermission = requiredPermission;

    public MailAccessDeniedException()
        : this("Mail.Read", "Microsoft Graph denied access to the mailbox.")
    {
    }

    public MailAccessDeniedException(string message)
        : this("Mail.Read", message)
    {
    }

    public MailAccessDeniedException(string message, Exception inner)
        : this("Mail.Read", message, inner)
    {
    }

    /// <summary>The delegated permission the call needs, as the admin consents to it.</summary>
    public string RequiredPermission { get; }
}

/// <summary>The mail service answered, but with a body this code cannot read (malformed JSON, missing links).</summary>
public sealed class MailResponseException : MailException
{
    public MailResponseException()
        : this("Microsoft Graph returned a response that could not be read.")
    {
    }

    public MailResponseException(string message)
        : base(message)
    {
    }

    public MailResponseException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
