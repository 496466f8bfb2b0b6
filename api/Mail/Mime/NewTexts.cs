using MimeKit;
using OutlookFollowUp.FollowUps.Asks;

namespace OutlookFollowUp.Mail.Mime;

/// <summary>
/// The new text of a few named messages, for people checking rule 9 (`scan --labels` shows an excerpt of each miss).
/// Nothing of it is kept: the caller prints what it needs and drops the rest.
/// </summary>
public static class NewTexts
{
    /// <summary>Message-ID (angle brackets included) → the message's new text, for the ids found at <paramref name="path"/>.</summary>
    public static IReadOnlyDictionary<string, string> Of(string path, IReadOnlySet<string> messageIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messageIds);
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        string[] files = Directory.Exists(path) ? [.. MailFiles.Under(path)] : File.Exists(path) ? [path] : [];
        var counts = new MimeReadCounts();
        foreach (var file in files)
        {
            foreach (var (id, text) in MessageFile.Read(file, counts, (message, _, part) => Named(message, part, messageIds), cancellationToken))
            {
                found.TryAdd(id, text);
            }
        }

        return found;
    }

    private static Tuple<string, string>? Named(MimeMessage message, CapturedText? part, IReadOnlySet<string> ids)
    {
        var id = message.MessageId is { Length: > 0 } raw ? $"<{raw.Trim().Trim('<', '>').Trim()}>" : null;
        if (id is null || !ids.Contains(id))
        {
            return null;
        }

        var body = part?.Decode();
        return Tuple.Create(id, body is null ? "" : NewText.Extract(body, part!.IsHtml));
    }
}
