using OutlookFollowUp.GraphSimulator;
using static OutlookFollowUp.Local.SampleMailbox;

namespace OutlookFollowUp.Local;

/// <summary>
/// The sample mailbox's answers that come another way, so local mode shows each route with no tenant: a thread Lena
/// answered in Teams (gone from the list), Fatima's Teams answer in a group thread, a thread a meeting with George
/// answered, one held for a meeting with Dana tomorrow, and a group thread Bob answered for his colleague Ana.
/// </summary>
internal static class SampleRoutes
{
    /// <param name="sample">The sample's writer: these messages follow its own, numbered after them.</param>
    public static void Add(InMemoryMailbox mailbox, SampleMailboxWriter sample, DateTimeOffset now)
    {
        void Chat(InMemoryAddress with, string userId, params (bool FromMe, double HoursAgo)[] messages)
        {
            var chat = mailbox.AddOneOnOneChat($"19:{userId}_{InMemoryMailbox.OwnerUserId}@unq.gbl.spaces", new InMemoryChatMember(userId, with.Address, with.Name!));
            foreach (var (fromMe, hoursAgo) in messages)
            {
                mailbox.PostChatMessage(chat.Id, fromMe ? InMemoryMailbox.OwnerUserId : userId, now.AddHours(-hoursAgo));
            }
        }

        // Answered in Teams: Lena wrote back in her chat with you after your mail, so the thread is not listed.
        sample.Sent("design", 76, Me, [Lena], "Accessibility audit findings",
            "Lena,\n\nThe audit found three contrast issues in the pane. Can you check whether the new palette fixes them?\n\nAlex");
        Chat(Lena, "10000000-0000-0000-0000-00000000001e", (true, 200), (false, 20));

        // A group thread: Fatima answered in Teams (the pane says so); Kenji is still waited on.
        sample.Sent("agenda", 49, Me, [Fatima, Kenji], "Agenda for the all-hands",
            "Fatima, Kenji,\n\nHere is my draft agenda for the all-hands. Could you each add your team's ten minutes by Thursday?\n\nAlex");
        Chat(Fatima, "10000000-0000-0000-0000-00000000000f", (false, 30));

        // Answered by a meeting: a one-on-one with George took place after your mail (before his own later mail).
        sample.Sent("hiring", 80, Me, [George], "Hiring plan for the spring",
            "George,\n\nCan we agree on the two spring hires before the budget review?\n\nAlex");
        mailbox.AddEvent(new InMemoryEvent("sample-meeting-george", now.AddHours(-35), now.AddHours(-34.5), Me, [new InMemoryAttendee(George)]));

        // Held: you meet Dana tomorrow at 10:00 (UTC, the mailbox's zone), so the thread waits until the meeting ends.
        sample.Sent("roadmap", 60, Me, [Dana], "Q1 roadmap priorities",
            "Dana,\n\nWhich three items should lead the Q1 roadmap? Please send me your order.\n\nAlex");
        var tomorrow = new DateTimeOffset(now.UtcDateTime.Date.AddDays(1).AddHours(10), TimeSpan.Zero);
        mailbox.AddEvent(new InMemoryEvent("sample-meeting-dana", tomorrow, tomorrow.AddMinutes(30), Dana, [new InMemoryAttendee(Me)],
            SeriesMasterId: "sample-series-dana", MyResponse: "accepted"));

        // A colleague answered: Bob replied for Ana (both at Fabrikam); after your thanks, only Erik is waited on.
        sample.Sent("summit", 120, Me, [Ana, Erik], "Logistics for the partner summit",
            "Ana, Erik,\n\nCould you tell me who is coming to the partner summit and who needs a hotel?\n\nAlex");
        sample.Received("summit", 100, Bob, [Me], "RE: Logistics for the partner summit",
            "Alex,\n\nAna is on leave, so I am answering for Fabrikam: Ana and I are coming, one hotel room please.\n\nBob");
        sample.Sent("summit", 56, Me, [Ana, Erik], "RE: Logistics for the partner summit",
            "Thanks Bob, noted. Erik, are you coming, and do you need a room?\n\nAlex");
    }
}
