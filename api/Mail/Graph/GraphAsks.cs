using Microsoft.Graph.Models;
using OutlookFollowUp.FollowUps;
using OutlookFollowUp.FollowUps.Asks;

namespace OutlookFollowUp.Mail.Graph;

/// <summary>
/// Rule 9 from what delta already carries: Graph's bodyPreview is the body's first 255 characters as text, so it
/// holds the message's whole new text when it is shorter than that, or when the new text ends inside it (quoted
/// history or a signature begins there). The text is classified here and dropped; only the verdict leaves.
/// </summary>
internal static class GraphAsks
{
    /// <summary>Graph cuts bodyPreview at 255 characters: a shorter one is the whole body.</summary>
    public const int PreviewLength = 255;

    /// <summary>The verdict when the preview decides it; null when only the message's uniqueBody can.</summary>
    public static AskVerdict? FromPreview(Message message, MailRecord record, AskContext asks) =>
        WholeNewText(message.BodyPreview) is { } text
            ? AskClassifier.Classify(text, asks.FactsOf(record, Inference(message)))
            : null;

    /// <summary>The message's own new text when the preview holds all of it, else null.</summary>
    public static string? WholeNewText(string? preview)
    {
        if (preview is null)
        {
            return null; // not read: unknown, not empty
        }

        var text = NewText.Extract(preview);
        // Cut short by quoted history or a signature, the new text ended inside the preview; whitespace alone proves nothing.
        return preview.Length < PreviewLength || Letters(text) < Letters(preview) ? text : null;
    }

    /// <summary>Graph's Focused Inbox verdict as it spells it ("focused", "other"); null when not read.</summary>
    public static string? Inference(Message message) =>
        message.InferenceClassification is { } value ? value.ToString().ToLowerInvariant() : null;

    private static int Letters(string text)
    {
        var count = 0;
        foreach (var c in text)
        {
            count += char.IsWhiteSpace(c) ? 0 : 1;
        }

        return count;
    }
}
