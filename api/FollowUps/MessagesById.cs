namespace OutlookFollowUp.FollowUps;

/// <summary>
/// The input's messages by Message-ID (the first one read with each id): rule 3a asks whether an In-Reply-To or
/// References id names a message from <i>me</i> anywhere in the input, not only in the same thread (in Graph a reply
/// whose subject was edited starts a new conversation).
/// </summary>
public sealed class MessagesById
{
    private readonly Func<string, MailRecord?> _find;

    internal MessagesById(Func<string, MailRecord?> find) => _find = find;

    /// <summary>Built on first use from threads that did not come from <see cref="ThreadBuilder"/> (which gives its own index for free).</summary>
    public static MessagesById Of(IReadOnlyList<MailThread> threads)
    {
        var index = new Lazy<Dictionary<string, MailRecord>>(() =>
        {
            var byId = new Dictionary<string, MailRecord>(StringComparer.Ordinal);
            foreach (var thread in threads)
            {
                foreach (var message in thread.Messages)
                {
                    if (!string.IsNullOrEmpty(message.InternetMessageId))
                    {
                        byId.TryAdd(message.InternetMessageId, message);
                    }
                }
            }

            return byId;
        });
        return new MessagesById(id => index.Value.GetValueOrDefault(id));
    }

    public MailRecord? Find(string internetMessageId) => _find(internetMessageId);
}
