using OutlookFollowUp.GraphSimulator;

namespace OutlookFollowUp.Local;

/// <summary>
/// The built-in sample mailbox for local mode: a realistic work week in both directions, dated relative to now, every
/// message with a body (replies quote the message before), with an out-of-office reply (and the automatic reply still
/// on), a thread nudged twice, a newsletter, a no-reply notice, a bounce, a meeting request, a mailing-list thread, a
/// reply that a rule filed in another folder, and an unanswered thanks that asks nothing (listed only with "Show every
/// unanswered thread"); and answers that came another way (<see cref="SampleRoutes"/>: Teams chats, meetings, a
/// colleague). Served to the real Graph SDK code by <see cref="InMemoryGraphHandler"/>.
/// </summary>
public static class SampleMailbox
{
    public const string Address = "alex.wilber@contoso.com";
    public const string Name = "Alex Wilber";

    /// <summary>The folder a rule files vendor mail into: delta never reads it, the conversation check must.</summary>
    public const string VendorsFolder = "vendors";

    internal static readonly InMemoryAddress Me = new(Address, Name);
    internal static readonly InMemoryAddress Ana = new("ana.silva@fabrikam.com", "Ana Silva");
    internal static readonly InMemoryAddress Bob = new("bob.nguyen@fabrikam.com", "Bob Nguyen");
    private static readonly InMemoryAddress Carla = new("carla.jones@contoso.com", "Carla Jones");
    internal static readonly InMemoryAddress Dana = new("dana.kim@contoso.com", "Dana Kim");
    internal static readonly InMemoryAddress Erik = new("erik.lund@northwind.example", "Erik Lund");
    internal static readonly InMemoryAddress Fatima = new("fatima.haddad@contoso.com", "Fatima Haddad");
    internal static readonly InMemoryAddress George = new("george.osei@contoso.com", "George Osei");
    internal static readonly InMemoryAddress Kenji = new("kenji.sato@contoso.com", "Kenji Sato");
    internal static readonly InMemoryAddress Lena = new("lena.fischer@contoso.com", "Lena Fischer");
    private static readonly InMemoryAddress DevList = new("dev@lists.contoso.com", "Contoso developers");
    private static readonly InMemoryAddress Team = new("marketing-team@contoso.com", "Marketing team");
    private static readonly InMemoryAddress Purchasing = new("purchasing@contoso.com", "Purchasing");

    public static InMemoryMailbox Create(DateTimeOffset now)
    {
        var mailbox = new InMemoryMailbox(Address, Address, "UTC") { DisplayName = Name };
        var sample = new SampleMailboxWriter(mailbox, now);

        // The owner's people data (Graph's /me/people): the numbers the pane offers once mail is not working.
        mailbox.AddPerson(new(Ana.Name!, [Ana.Address], [new("business", "+351 21 123 4567"), new("mobile", "+351 912 345 678")]));
        mailbox.AddPerson(new(Bob.Name!, [Bob.Address], [new("business", "+1 425 555 0142")]));
        mailbox.AddPerson(new(Carla.Name!, [Carla.Address], [new("businessFax", "+1 425 555 0199")]));

        // Waiting on them: Ana's out-of-office reply does not count as an answer; her automatic reply is still on (Graph's
        // MailTips say until when), so the thread says she is away and a reminder on it waits for her return.
        sample.Sent("contract", 80, Me, [Ana], "Contract draft for the Q1 review",
            "Hi Ana,\n\nAttached is the contract draft for the Q1 review. Could you check the payment terms in section 4 and tell me by Thursday whether legal can sign off?\n\nThanks,\nAlex");
        sample.Received("contract", 79.9, Ana, [Me], "Automatic reply: Contract draft for the Q1 review",
            "I am out of the office with limited access to email. For anything urgent, please contact the legal desk.",
            headers: [new("Auto-Submitted", "auto-replied"), new("X-MS-Exchange-Inbox-Rules-Loop", Ana.Address)],
            messageClass: "IPM.Note.Rules.OofTemplate.Microsoft");
        mailbox.SetAutomaticReply(Ana.Address, "I am out of the office with limited access to email.", now.AddHours(-96), new DateTimeOffset(now.UtcDateTime.Date.AddDays(3), TimeSpan.Zero));

        // Waiting on them: two recipients, nobody answered.
        sample.Sent("offsite", 52, Me, [Bob, Carla], "Budget numbers for the offsite",
            "Hi Bob, hi Carla,\n\nTo book the venue for the offsite I need the final budget numbers from both of your teams. Can you send them to me by Wednesday?\n\nBest,\nAlex");

        // Answered (Dana replied to the team, you in Cc): no follow-up either way.
        sample.Sent("slides", 100, Me, [Dana], "Slides for Thursday",
            "Dana,\n\nHere are the slides for Thursday's review. Could you add the Q3 numbers to slide 6?\n\nAlex");
        sample.Received("slides", 90, Dana, [Team], "RE: Slides for Thursday",
            "Team,\n\nI added the Q3 numbers to Alex's slides; the deck is in the shared folder for Thursday.\n\nDana", cc: [Me]);

        // Answered, but a rule filed the reply into another folder: only the conversation check sees it.
        sample.Sent("quote", 70, Me, [Erik], "Vendor quote for the new laptops",
            "Hello Erik,\n\nCould you send us your quote for 40 laptops with three years of on-site service? Delivery would be in January.\n\nKind regards,\nAlex Wilber");
        sample.Received("quote", 60, Erik, [Purchasing], "RE: Vendor quote for the new laptops",
            "Hello,\n\nPlease find our quote for the 40 laptops attached; prices hold until the end of the month.\n\nBest regards,\nErik Lund\nNorthwind Traders", cc: [Me], folder: VendorsFolder);

        // Waiting on them, with a bounce: the typo'd address produced a delivery report.
        var partner = new InMemoryAddress("h.kim@fabrikm.example", "Hana Kim");
        sample.Sent("partner", 75, Me, [partner], "Partnership introduction",
            "Dear Hana,\n\nBen Clarke suggested I get in touch about a partnership between our teams. Would you have 30 minutes for a call next week?\n\nBest regards,\nAlex Wilber");
        sample.Received("partner", 74.9, new("postmaster@contoso.com", "Microsoft Outlook"), [Me], "Undeliverable: Partnership introduction",
            "Delivery has failed to these recipients or groups:\n\nh.kim@fabrikm.example\nThe email address you entered couldn't be found.",
            messageClass: "REPORT.IPM.Note.NDR");

        // Not waiting: an FYI needs no answer.
        sample.Sent("closed", 70, Me, [Team], "FYI: office closed on Monday",
            "Hi all,\n\nThe office is closed on Monday for maintenance of the building's power supply. No need to reply.\n\nAlex");

        // Waiting on you: a direct question.
        sample.Received("onboarding", 60, Fatima, [Me], "Can you review the onboarding doc?",
            "Hi Alex,\n\nI finished the onboarding guide for next month's new hires. Can you review it before Friday? It is in the HR team site.\n\nThanks,\nFatima");

        // Waiting on you: the thread you started got an answer with a question back.
        sample.Sent("forecast", 120, Me, [Kenji], "Q4 forecast",
            "Kenji,\n\nHere is my Q4 forecast draft, by region. I kept the EU accounts in euros.\n\nAlex");
        sample.Received("forecast", 50, Kenji, [Me], "RE: Q4 forecast",
            "Thanks Alex, the regional numbers look right. Which exchange rate did you use for the EU accounts: the October average or the rate on the 31st?\n\nKenji");

        // Waiting on you: a mailing-list thread you took part in.
        sample.Sent("versioning", 110, Me, [DevList], "[dev] API versioning proposal",
            "Hi everyone,\n\nI propose we put the API version in the URL (/v2/...) and keep each version for a year after the next one ships. Details are in the design doc.\n\nAlex");
        sample.Received("versioning", 55, Lena, [Me], "Re: [dev] API versioning proposal",
            "Alex, I like the URL scheme. Should v1 stay available for twelve months, or is six enough for the mobile clients?\n\nLena", cc: [DevList],
            headers: [new("List-Unsubscribe", "<mailto:dev-unsubscribe@lists.contoso.com>"), new("Precedence", "list")]);

        // Not yet due (inside the window) and still inside it tomorrow morning.
        sample.Received("launch", 30, George, [Me, Carla], "Decision needed: launch date",
            "Alex, Carla,\n\nWe need to fix the launch date this week. Does March 3 or March 10 work better for your teams?\n\nGeorge");
        sample.Sent("question", 5, Me, [Ana], "Quick question about the invoice",
            "Ana, is invoice 4471 already paid, or should I remind accounting?\n\nAlex");

        // Never waiting: a newsletter, a no-reply notice, a meeting request, mail where you are only in Cc.
        sample.Received("newsletter", 50, new("news@contoso-weekly.example", "Contoso Weekly"), [Me], "This week at Contoso",
            "This week at Contoso: the new cafeteria opens on Tuesday, the winter party has a date, and the IT team explains the new laptops.\n\nYou receive this newsletter because you work at Contoso. Unsubscribe: https://contoso-weekly.example/unsubscribe",
            headers: [new("List-Unsubscribe", "<https://contoso-weekly.example/unsubscribe>"), new("Precedence", "bulk")]);
        sample.Received("invoice", 65, new("no-reply@billing.fabrikam.com", "Fabrikam Billing"), [Me], "Your invoice is ready",
            "Your invoice for November is ready in the billing portal. This mailbox is not monitored.");
        sample.Received("sync", 72, Dana, [Me, Carla], "Project sync", "Weekly project sync: status, risks and next steps.",
            messageClass: "IPM.Schedule.Meeting.Request");
        sample.Received("lunch", 96, Kenji, [Carla], "Team lunch on Friday",
            "Carla, shall we book the Italian place for the team lunch on Friday? Alex is in Cc for the headcount.\n\nKenji", cc: [Me]);

        // Waiting on them after two follow-ups with no answer: the escalation ladder offers a Teams chat and a call.
        // (Before the other routes' threads, so the messages above keep their ids.)
        sample.Sent("nda", 170, Me, [Bob], "Signed NDA for the pilot",
            "Hi Bob,\n\nCould you send me the signed NDA for the pilot? We need it before the kickoff.\n\nThanks,\nAlex");
        sample.Sent("nda", 120, Me, [Bob], "RE: Signed NDA for the pilot",
            "Hi Bob,\n\nJust following up on the signed NDA. Could you send it today?\n\nAlex");
        sample.Sent("nda", 60, Me, [Bob], "RE: Signed NDA for the pilot",
            "Bob, any update on the NDA? We cannot start the pilot without it.\n\nAlex");

        // Unanswered, but asking nothing: Lena only said thanks. Listed with "Show every unanswered thread" alone.
        sample.Sent("notes", 100, Me, [Lena], "Notes from the design review",
            "Lena,\n\nHere are my notes from today's design review: we keep the current schema and add the audit table in January.\n\nAlex");
        sample.Received("notes", 58, Lena, [Me], "RE: Notes from the design review",
            "Thanks Alex, that is everything. Great meeting!\n\nLena");
        SampleRoutes.Add(mailbox, sample, now);
        return mailbox;
    }
}
