namespace OutlookFollowUp.Mail.Graph;

/// <summary>Why Graph could not be reached; callers serve the stale index for all of them.</summary>
public enum GraphUnavailableReason
{
    CircuitOpen,
    Timeout,
    Throttled,
    ServerError,
}

/// <summary>Graph is unavailable for this mailbox right now: serve the stale index and try later.</summary>
public sealed class GraphUnavailableException : Exception
{
    public GraphUnavailableException(GraphUnavailableReason reason, string message, Exception? inner = null)
        : base(message, inner) => Reason = reason;

    public GraphUnavailableException()
        : this(GraphUnavailableReason.ServerError, "Microsoft Graph is unavailable.")
    {
    }

    public GraphUnavailableException(string message)
        : this(GraphUnavailableReason.ServerError, message)
    {
    }

    public GraphUnavailableException(string message, Exception inner)
        : this(GraphUnavailableReason.ServerError, message, inner)
    {
    }

    public GraphUnavailableReason Reason { get; }
}
