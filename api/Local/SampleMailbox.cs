using OutlookFollowUp.Mail.Sample;

namespace OutlookFollowUp.Local;

/// <summary>
/// The built-in sample mailbox for local mode: a realistic work week in both directions, dated relative to now,
/// with an out-of-office reply (and the automatic reply still on), a thread nudged twice, a newsletter, a no-reply notice, a bounce, a meeting request, a mailing-list thread,
/// and a reply that a rule filed in another folder; and answers that came another way (<see cref="SampleRoutes"/>: Teams
/// chats, meetings, a colleague). Served to the real Graph SDK code by <see cref="InMemoryGraphHandler"/>.
/// </summary>
public static class SampleMailbox
{
    public const string Address = "alex.wilber@contoso.com";
    public const string Name = "Alex Wilber";

    /// <summary>The folder a rule files vendor mail into: delta never reads it, the conversation check must.</summary>
    public const string VendorsFolder = "vendors";

    private static readonly InMemoryAddress Me = new(Address, Name);
    private static readonly InMemoryAddress Ana = new("ana.silva@fabrikam.com", "Ana Silva");
    private static readonly InMemoryAddress Bob = new("bob.nguyen@fabrikam.com", "Bob Nguyen");
    private static readonly InMemoryAddress Carla = new("carla.jones@contoso.com", "Carla Jones");
    private static readonly InMemoryAddress Dana = new("dana.kim@contoso.com", "Dana Kim");
    private static readonly InMemoryAddress Erik = new("erik.lund@northwind.example", "Erik Lund");
    private static readonly InMemoryAddress Fatima = new("fatima.haddad@contoso.com", "Fatima Haddad");
    private static readonly InMemoryAddress George = new("george.osei@contoso.com", "George Osei");
    private static readonly InMemoryAddress Kenji = new("kenji.sato@contoso.com", "Kenji Sato");
    private static readonly InMemoryAddress Lena = new("lena.fischer@contoso.com", "Lena Fischer");
    private static readonly InMemoryAddress DevList = new("dev@lists.contoso.com", "Contoso developers");
    private static readonly InMemoryAddress Team = new("marketing-team@contoso.com", "Marketing team");
    private static readonly InMemoryAddress Purchasing = new("purchasing@contoso.com", "Purchasing");

    public static InMemoryMailbox Create(DateTimeOffset now)
    {
        var mailbox = new InMemoryMailbox(Address, Address, "UTC");
        var sample = new Writer(mailbox, now);

        // The owner's people data (Graph's /me/people): the numbers the pane offers once mail is not working.
        mailbox.AddPerson(new(Ana.Name!, [Ana.Address], [new("business", "+351 21 123 4567"), new("mobile", "+351 912 345 678")]));
        mailbox.AddPerson(new(Bob.Name!, [Bob.Address], [new("business", "+1 425 555 0142")]));
        mailbox.AddPerson(new(Carla.Name!, [Carla.Address], [new("businessFax", "+1 425 555 0199")]));

        // Waiting on them: Ana's out-of-office reply does not count as an answer; her automatic reply is still on (Graph's
        // MailTips say until when), so the thread says she is away and a reminder on it waits for her return.
        sample.Sent("contract", 80, Me, [Ana], "Contract draft for the Q1 review");
        sample.Received("contract", 79.9, Ana, [Me], "Automatic reply: Contract draft for the Q1 review",
            headers: [new("Auto-Submitted", "auto-replied"), new("X-MS-Exchange-Inbox-Rules-Loop", Ana.Address)],
            messageClass: "IPM.Note.Rules.OofTemplate.Microsoft");
        mailbox.SetAutomaticReply(Ana.Address, "I am out of the office with limited access to email.", now.AddHours(-96), new DateTimeOffset(now.UtcDateTime.Date.AddDays(3), TimeSpan.Zero));

        // Waiting on them: two recipients, nobody answered.
        sample.Sent("offsite", 52, Me, [Bob, Carla], "Budget numbers for the offsite");

        // Answered (Dana replied to the team, you in Cc): no follow-up either way.
        sample.Sent("slides", 100, Me, [Dana], "Slides for Thursday");
        sample.Received("slides", 90, Dana, [Team], "RE: Slides for Thursday", cc: [Me]);

        // Answered, but a rule filed the reply into another folder: only the conversation check sees it.
        sample.Sent("quote", 70, Me, [Erik], "Vendor quote for the new laptops");
        sample.Received("quote", 60, Erik, [Purchasing], "RE: Vendor quote for the new laptops", cc: [Me], folder: VendorsFolder);

        // Waiting on them, with a bounce: the typo'd address produced a delivery report.
        var partner = new InMemoryAddress("h.kim@fabrikm.example", "Hana Kim");
        sample.Sent("partner", 75, Me, [partner], "Partnership introduction");
        sample.Received("partner", 74.9, new("postmaster@contoso.com", "Microsoft Outlook"), [Me], "Undeliverable: Partnership introduction",
            messageClass: "REPORT.IPM.Note.NDR");

        // Not waiting: an FYI needs no answer.
        sample.Sent("closed", 70, Me, [Team], "FYI: office closed on Monday");

        // Waiting on you: a direct question.
        sample.Received("onboarding", 60, Fatima, [Me], "Can you review the onboarding doc?");

        // Waiting on you: the thread you started got an answer with a question back.
        sample.Sent("forecast", 120, Me, [Kenji], "Q4 forecast");
        sample.Received("forecast", 50, Kenji, [Me], "RE: Q4 forecast");

        // Waiting on you: a mailing-list thread you took part in.
        sample.Sent("versioning", 110, Me, [DevList], "[dev] API versioning proposal");
        sample.Received("versioning", 55, Lena, [Me], "Re: [dev] API versioning proposal", cc: [DevList],
            headers: [new("List-Unsubscribe", "<mailto:dev-unsubscribe@lists.contoso.com>"), new("Precedence", "list")]);

        // Not yet due (inside the window) and still inside it tomorrow morning.
        sample.Received("launch", 30, George, [Me, Carla], "Decision needed: launch date");
        sample.Sent("question", 5, Me, [Ana], "Quick question about the invoice");

        // Never waiting: a newsletter, a no-reply notice, a meeting request, mail where you are only in Cc.
        sample.Received("newsletter", 50, new("news@contoso-weekly.example", "Contoso Weekly"), [Me], "This week at Contoso",
            headers: [new("List-Unsubscribe", "<https://contoso-weekly.example/unsubscribe>"), new("Precedence", "bulk")]);
        sample.Received("invoice", 65, new("no-reply@billing.fabrikam.com", "Fabrikam Billing"), [Me], "Your invoice is ready");
        sample.Received("sync", 72, Dana, [Me, Carla], "Project sync", messageClass: "IPM.Schedule.Meeting.Request");
        sample.Received("lunch", 96, Kenji, [Carla], "Team lunch on Friday", cc: [Me]);

        // Waiting on them after two follow-ups with no answer: the escalation ladder offers a Teams chat and a call.
        // (Last, so the messages above keep their ids.)
        sample.Sent("nda", 170, Me, [Bob], "Signed NDA for the pilot");
        sample.Sent("nda", 120, Me, [Bob], "RE: Signed NDA for the pilot");
        sample.Sent("nda", 60, Me, [Bob], "RE: Signed NDA for the pilot");
        SampleRoutes.Add(mailbox, now);
        return mailbox;
    }

    private sealed class Writer(InMemoryMailbox mailbox, DateTimeOffset now)
    {
        private int _sequence;

        public void Sent(string conversation, double hoursAgo, InMemoryAddress from, InMemoryAddress[] to, string subject) =>
            Put("sentitems", conversation, hoursAgo, from, to, subject, [], [], null);

        public void Received(
            string conversation, double hoursAgo, InMemoryAddress from, InMemoryAddress[] to, string subject,
            InMemoryAddress[]? cc = null, KeyValuePair<string, string>[]? headers = null, string? messageClass = null, string folder = "inbox") =>
            Put(folder, conversation, hoursAgo, from, to, subject, cc ?? [], headers ?? [], messageClass);

        private void Put(
            string folder, string conversation, double hoursAgo, InMemoryAddress from, InMemoryAddress[] to, string subject,
            InMemoryAddress[] cc, KeyValuePair<string, string>[] headers, string? messageClass)
        {
            var n = ++_sequence;
            var at = now.AddHours(-hoursAgo);
            mailbox.Put(folder, new InMemoryMessage
            {
                Id = $"AAMkSample{n:D3}=",
                InternetMessageId = $"<sample-{n:D3}.{conversation}@contoso.com>",
                ConversationId = $"AAQkSample-{conversation}=",
                Subject = subject,
                From = from,
                To = to,
                Cc = cc,
                SentDateTime = at,
                ReceivedDateTime = at,
                Headers = headers,
                ExtendedProperties = new Dictionary<string, string> { ["String 0x001A"] = messageClass ?? "IPM.Note" },
            });
        }
    }
}
