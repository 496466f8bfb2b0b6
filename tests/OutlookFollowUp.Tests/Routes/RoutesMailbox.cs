using OutlookFollowUp.GraphSimulator;

namespace OutlookFollowUp.Tests.Routes;

/// <summary>
/// A mailbox in Berlin's time zone with three threads: "Contract" sent to Ben (waiting on him), "Question" from Ben to
/// the user (waiting on the user), and "Offsite" sent to Mia and Ben where Jonas, Mia's colleague, answered and the
/// user wrote again. Ben has a one-on-one chat with the user; chats and meetings are set per test.
/// </summary>
internal static class RoutesMailbox
{
    public const string BenId = "b0000000-0000-0000-0000-00000000000b";
    public const string BenChat = "19:b0000000-0000-0000-0000-00000000000b_00000000-0000-0000-0000-000000000001@unq.gbl.spaces";

    public static readonly InMemoryAddress Me = new("me@contoso.com", "Me");
    public static readonly InMemoryAddress Ben = new("ben@fabrikam.com", "Ben Okafor");
    public static readonly InMemoryAddress Mia = new("mia@northwind.example", "Mia Lang");
    public static readonly InMemoryAddress Jonas = new("jonas@northwind.example", "Jonas Berg");

    public static InMemoryMailbox Create(DateTimeOffset now)
    {
        var mailbox = new InMemoryMailbox(Me.Address, timeZone: "W. Europe Standard Time");
        var mail = new ConversationWriter(mailbox, now, "Routes", "routes");
        mail.Put("sentitems", "contract", 100, Me, [Ben], "Contract");
        mail.Put("inbox", "question", 80, Ben, [Me], "Question");
        mail.Put("sentitems", "offsite", 200, Me, [Mia, Ben], "Offsite");
        mail.Put("inbox", "offsite", 150, Jonas, [Me], "RE: Offsite", cc: [Mia]);
        mail.Put("sentitems", "offsite", 90, Me, [Mia, Ben], "RE: Offsite");
        mailbox.AddOneOnOneChat(BenChat, new InMemoryChatMember(BenId, Ben.Address, Ben.Name!));
        return mailbox;
    }

    /// <summary>A meeting of the user's calendar with Ben, <paramref name="hoursFromNow"/> from now, an hour long.</summary>
    public static InMemoryEvent Meeting(DateTimeOffset now, double hoursFromNow, string id = "meeting-1", string? series = null, string response = "accepted") =>
        new(id, now.AddHours(hoursFromNow), now.AddHours(hoursFromNow + 1), Me, [new InMemoryAttendee(Ben, response)], SeriesMasterId: series);
}
