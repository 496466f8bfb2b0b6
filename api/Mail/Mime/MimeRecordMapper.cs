using MimeKit;
using MimeKit.Utils;
using OutlookFollowUp.FollowUps;
using OutlookFollowUp.FollowUps.Asks;

namespace OutlookFollowUp.Mail.Mime;

/// <summary>Turns one parsed message into the engine's <see cref="MailRecord"/>; never throws on odd header values.</summary>
internal static class MimeRecordMapper
{
    // Without at least one of these a "message" is a text file or garbage that happened to parse.
    private static readonly string[] MailHeaders =
        ["From", "Sender", "To", "Cc", "Date", "Message-ID", "Subject", "In-Reply-To", "References"];

    private static readonly string[] AutoReplyHeaders = ["X-Autoreply", "X-Autorespond", "X-MS-Exchange-Inbox-Rules-Loop"];

    /// <param name="message">The message (its headers at least).</param>
    /// <param name="ordinal">Makes the synthetic id of a message without Message-ID unique.</param>
    /// <param name="text">Its text part, read from the file; null when it has none.</param>
    /// <param name="me">The user's addresses, for rule 9's facts ("written to me", whose names are whose).</param>
    public static MailRecord? Map(MimeMessage message, int ordinal, CapturedText? text, IReadOnlyCollection<string> me)
    {
        if (MapHeaders(message, ordinal) is not { } record)
        {
            return null;
        }

        // Rule 9: the text is classified here and dropped; only the verdict stays on the record.
        var body = text?.Decode();
        return record with { Asks = AskClassifier.ClassifyBody(body, text?.IsHtml == true, MessageAskFacts.For(record, me)) };
    }

    /// <summary>A message parsed whole (tests, tools): its text body, else its HTML body.</summary>
    public static MailRecord? Map(MimeMessage message, int ordinal, IReadOnlyCollection<string> me)
    {
        if (MapHeaders(message, ordinal) is not { } record)
        {
            return null;
        }

        var plain = message.TextBody;
        var body = plain ?? message.HtmlBody;
        return record with { Asks = AskClassifier.ClassifyBody(body, plain is null && body is not null, MessageAskFacts.For(record, me)) };
    }

    private static MailRecord? MapHeaders(MimeMessage message, int ordinal)
    {
        var headers = message.Headers;
        if (!MailHeaders.Any(headers.Contains))
        {
            return null;
        }

        var messageId = Bracket(message.MessageId);
        var from = message.From.Mailboxes.FirstOrDefault() ?? message.Sender;
        return new MailRecord
        {
            Id = messageId ?? $"<no-message-id-{ordinal}@scan>",
            InternetMessageId = messageId,
            InReplyTo = Ids(headers, HeaderId.InReplyTo),
            References = Ids(headers, HeaderId.References),
            ThreadIndex = ThreadIndex(headers["Thread-Index"]),
            From = from is null ? "" : Addresses.Normalize(from.Address),
            FromName = string.IsNullOrWhiteSpace(from?.Name) ? null : from.Name.Trim(),
            To = Addresses.Flatten(message.To),
            Cc = Addresses.Flatten(message.Cc),
            // MimeKit reports an absent or unparseable Date as MinValue; rule 1 wants "no date" instead.
            Date = message.Date == DateTimeOffset.MinValue ? null : message.Date,
            Subject = message.Subject ?? "",
            Facts = new HeaderFacts
            {
                AutoSubmitted = headers["Auto-Submitted"]?.Trim(),
                AutoReplyHeader = AutoReplyHeaders.Any(headers.Contains),
                ContentType = TopLevelContentType(message),
                ListUnsubscribe = headers.Contains("List-Unsubscribe"),
                Precedence = headers["Precedence"]?.Trim(),
            },
        };
    }

    private static string? Bracket(string? id)
    {
        var trimmed = id?.Trim().Trim('<', '>').Trim();
        return string.IsNullOrEmpty(trimmed) ? null : $"<{trimmed}>";
    }

    private static string[] Ids(HeaderList headers, HeaderId id) =>
        [.. headers.Where(h => h.Id == id)
            .SelectMany(h => MimeUtils.EnumerateReferences(h.RawValue, 0, h.RawValue.Length))
            .Select(Bracket)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)];

    private static byte[]? ThreadIndex(string? value)
    {
        // Folded values carry whitespace that base64 decoding would reject.
        var compact = string.Concat((value ?? "").Where(c => !char.IsWhiteSpace(c)));
        if (compact.Length == 0)
        {
            return null;
        }

        var buffer = new byte[compact.Length];
        return Convert.TryFromBase64String(compact, buffer, out var written) ? buffer[..written] : null;
    }

    private static string TopLevelContentType(MimeMessage message)
    {
        if (message.Body is { } body)
        {
            return body.ContentType.MimeType.ToLowerInvariant();
        }

        // Header-only messages keep Content-Type among their headers; RFC 2045 makes text/plain the default.
        var header = message.Headers.FirstOrDefault(h => h.Id == HeaderId.ContentType);
        return header is not null && ContentType.TryParse(ParserOptions.Default, header.RawValue, out var type)
            ? type.MimeType.ToLowerInvariant()
            : "text/plain";
    }
}
