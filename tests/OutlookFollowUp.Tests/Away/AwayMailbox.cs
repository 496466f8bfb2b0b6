using OutlookFollowUp.GraphSimulator;

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
        var mail = new ConversationWriter(mailbox, now, "Away", "away");

        mail.Put("sentitems", "quote", 100, Me, [Ana], "Quote");
        mail.Put("sentitems", "budget", 90, Me, [Bob, Carla], "Budget");
        mail.Put("sentitems", "offsite", 200, Me, [Ana, Bob], "Offsite", cc: [Carla, Dan]);
        mail.Put("inbox", "offsite", 160, Ana, [Me, Bob], "RE: Offsite", cc: [Carla, Dan]);
        mail.Put("inbox", "offsite", 150, Bob, [Me, Ana], "RE: Offsite", cc: [Carla, Dan]);
        mail.Put("sentitems", "offsite", 80, Me, [Ana, Bob], "RE: Offsite", cc: [Carla, Dan]);
        return mailbox;
    }
}
