using OutlookFollowUp.Mail.Sample;

namespace OutlookFollowUp.Tests.Away;

/// <summary>
/// A mailbox with three threads waiting on them: "Quote" sent to Ana; "Budget" to Bob and Carla; "Offsite" to Ana and
/// Bob with Carla and Dan in Cc, where Ana and Bob answered and the user wrote again (waiting on Carla and Dan).
/// Who is away is set per test (<see cref="InMemoryMailbox.SetAutomaticReply"/>).
/// </summary>
internal static class AwayMailbox
{
    public static readonly InMemoryAddress Me = new("me@contoso.com", "Me");
    public static readonly InMemoryAddress Ana = new("ana@fabrikam.com", "Ana Silva");
    public static readonly InMemoryAddress Bob = new("bob@fabrikam.com", "Bob Nguyen");
    public static readonly InMemoryAddress Carla = new("carla@contoso.com", "Carla Jones");
    public static readonly InMemoryAddress Dan = new("dan@contoso.com", "Dan Park");

    public static InMemoryMailbox Create(DateTimeOffset now)
    {
        var mailbox = new InMemoryMailbox(Me.Address);
        var n = 0;
        void Put(string folder, string conversation, double hoursAgo, InMemoryAddress from, InMemoryAddress[] to, string subject, InMemoryAddress[]? cc = null)
        {
            n++;
            var at = now.AddHours(-hoursAgo);
            mailbox.Put(folder, new InMemoryMessage
            {
                Id = $"AAMkAway{n:D3}=",
                InternetMessageId = $"<away-{n:D3}@contoso.com>",
                ConversationId = $"AAQkAway-{conversation}=",
                Subject = subject,
                From = from,
                To = to,
                Cc = cc ?? [],
                SentDateTime = at,
                ReceivedDateTime = at,
                ExtendedProperties = new Dictionary<string, string> { ["String 0x001A"] = "IPM.Note" },
            });
        }

        Put("sentitems", "quote", 100, Me, [Ana], "Quote");
        Put("sentitems", "budget", 90, Me, [Bob, Carla], "Budget");
        Put("sentitems", "offsite", 200, Me, [Ana, Bob], "Offsite", cc: [Carla, Dan]);
        Put("inbox", "offsite", 160, Ana, [Me, Bob], "RE: Offsite", cc: [Carla, Dan]);
        Put("inbox", "offsite", 150, Bob, [Me, Ana], "RE: Offsite", cc: [Carla, Dan]);
        Put("sentitems", "offsite", 80, Me, [Ana, Bob], "RE: Offsite", cc: [Carla, Dan]);
        return mailbox;
    }
}
