namespace OutlookFollowUp.Mail.Graph;

/// <summary>Graph answered, but with a body this code cannot read (malformed JSON, missing links).</summary>
public sealed class GraphResponseException : Exception
{
    public GraphResponseException()
        : base("Microsoft Graph returned a response that could not be read.")
    {
    }

    public GraphResponseException(string message)
        : base(message)
    {
    }

    public GraphResponseException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
