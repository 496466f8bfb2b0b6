using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Graph.Models;
using OutlookFollowUp.FollowUps;

namespace OutlookFollowUp.Mail.Graph;

/// <summary>Turns a Graph message into the engine's record; nothing Graph-shaped goes further.</summary>
public static partial class GraphMessageMapper
{
    /// <param name="sentByMe">
    /// Sent Items are dated by sentDateTime (when the user wrote), inbound mail by receivedDateTime
    /// (server-stamped, unlike the sender's clock, and what the lookback filter uses).
    /// </param>
    public static MailRecord Map(Message message, bool sentByMe)
    {
        var headers = message.InternetMessageHeaders ?? [];
        var properties = message.SingleValueExtendedProperties ?? [];
        var from = message.From?.EmailAddress ?? message.Sender?.EmailAddress;
        return new MailRecord
        {
            Id = message.Id ?? throw new MailResponseException("Graph returned a message without an id."),
            InternetMessageId = message.InternetMessageId,
            ConversationId = message.ConversationId,
            InReplyTo = MessageIds(Header(headers, "In-Reply-To") ?? Property(properties, 0x1042)),
            References = MessageIds(Header(headers, "References") ?? Property(properties, 0x1039)),
            ThreadIndex = Base64(Header(headers, "Thread-Index")),
            From = Lower(from?.Address),
            FromName = from?.Name,
            To = Addresses(message.ToRecipients),
            Cc = Addresses(message.CcRecipients),
            Date = sentByMe ? message.SentDateTime ?? message.ReceivedDateTime : message.ReceivedDateTime ?? message.SentDateTime,
            Subject = message.Subject ?? "",
            Facts = new HeaderFacts
            {
                AutoSubmitted = Header(headers, "Auto-Submitted"),
                AutoReplyHeader = Header(headers, "X-Autoreply") is not null
                    || Header(headers, "X-Autorespond") is not null
                    || Header(headers, "X-MS-Exchange-Inbox-Rules-Loop") is not null,
                ContentType = MediaType(Header(headers, "Content-Type")),
                MessageClass = Property(properties, 0x001A),
                ListUnsubscribe = Header(headers, "List-Unsubscribe") is not null,
                Precedence = Header(headers, "Precedence"),
            },
        };
    }

    private static string? Header(List<InternetMessageHeader> headers, string name) =>
        headers.FirstOrDefault(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase))?.Value;

    /// <summary>Graph answers with its own spelling of the id ("String 0x1a"), so compare the tag, not the text.</summary>
    private static string? Property(List<SingleValueLegacyExtendedProperty> properties, int tag) =>
        properties.FirstOrDefault(p => PropertyTag(p.Id) == tag)?.Value;

    private static int? PropertyTag(string? id)
    {
        var match = id is null ? null : PropertyTagPattern().Match(id);
        return match is { Success: true } &&
            int.TryParse(match.Groups[1].ValueSpan, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var tag)
            ? tag
            : null;
    }

    private static List<string> MessageIds(string? value) =>
        value is null ? [] : [.. MessageIdPattern().Matches(value).Select(m => m.Value)];

    private static byte[]? Base64(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var buffer = new byte[value.Length];
        return Convert.TryFromBase64String(value.Trim(), buffer, out var written) ? buffer[..written] : null;
    }

    private static string? MediaType(string? contentType) =>
        contentType?.Split(';', 2)[0].Trim().ToLowerInvariant() is { Length: > 0 } media ? media : null;

    private static List<MailAddress> Addresses(List<Recipient>? recipients) =>
        [.. (recipients ?? [])
            .Where(r => !string.IsNullOrWhiteSpace(r.EmailAddress?.Address))
            .Select(r => new MailAddress(Lower(r.EmailAddress!.Address), r.EmailAddress.Name))];

    private static string Lower(string? address) => address?.Trim().ToLowerInvariant() ?? "";

    [GeneratedRegex(@"^\s*String\s+0x([0-9a-f]{1,4})\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PropertyTagPattern();

    [GeneratedRegex(@"<[^<>\s]+>", RegexOptions.CultureInvariant)]
    private static partial Regex MessageIdPattern();
}
