using MimeKit;
using OutlookFollowUp.FollowUps;

namespace OutlookFollowUp.Mail.Mime;

/// <summary>Address normalisation shared by From, To and Cc.</summary>
internal static class Addresses
{
    public static string Normalize(string? address) =>
        (address ?? "").Trim().Trim('<', '>').Trim().ToLowerInvariant();

    /// <summary>Every mailbox of the list (groups expanded), normalised, first occurrence kept, empties dropped.</summary>
    public static MailAddress[] Flatten(InternetAddressList list)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<MailAddress>();
        foreach (var mailbox in list.Mailboxes)
        {
            var address = Normalize(mailbox.Address);
            if (address.Length > 0 && seen.Add(address))
            {
                result.Add(new MailAddress(address, string.IsNullOrWhiteSpace(mailbox.Name) ? null : mailbox.Name.Trim()));
            }
        }

        return [.. result];
    }
}
