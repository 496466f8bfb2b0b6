namespace OutlookFollowUp.Mail.Sample;

/// <summary>What a <see cref="GeneratedMailbox"/> holds, for request-count tests and benchmarks.</summary>
/// <param name="Waiting">Threads the user wrote last, unanswered past the window: the sync must report exactly these as waiting on them.</param>
/// <param name="AnsweredElsewhere">Answered threads whose reply a rule filed outside the inbox: only the cross-folder check sees the reply.</param>
public sealed record GeneratedMailboxShape(int Messages, int Waiting, int AnsweredInInbox, int AnsweredElsewhere, int Automated);

/// <summary>
/// A mailbox shaped like a real one, of any size, dated within the last 13 days: threads waiting on others (some with an
/// out-of-office reply that does not count), threads answered in the inbox and answered in another folder, and inbound
/// mail — people, newsletters, no-reply notices — to fill it to the requested number of messages. Deterministic.
/// </summary>
public static class GeneratedMailbox
{
    public const string Owner = "me@contoso.com";

    /// <summary>The folder a rule files replies into: delta never reads it.</summary>
    public const string RulesFolder = "projects";

    /// <summary>The oldest message, and the oldest waiting thread: a cold sync's cross-folder window starts here.</summary>
    public static readonly TimeSpan Span = TimeSpan.FromDays(13);

    /// <param name="messages">Messages in all folders together; at least four per waiting thread.</param>
    public static (InMemoryMailbox Mailbox, GeneratedMailboxShape Shape) Create(DateTimeOffset now, int messages, int waitingThreads)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(messages, waitingThreads * 4);
        var mailbox = new InMemoryMailbox(Owner, timeZone: "UTC");
        var me = new InMemoryAddress(Owner, "Me");
        var oldest = now - Span;
        var latestWaiting = now.AddHours(-50); // past the 48-hour window
        var count = 0;
        var automated = 0;
        void Put(string folder, InMemoryMessage message)
        {
            mailbox.Put(folder, message);
            count++;
        }

        // Waiting: spread from the oldest date to just past the window; every fifth got an out-of-office reply.
        for (var i = 0; i < waitingThreads; i++)
        {
            var sent = oldest + ((latestWaiting - oldest) * i / Math.Max(1, waitingThreads - 1));
            var them = Person(i);
            Put("sentitems", Message($"w{i}", 0, me, them, $"Proposal {i}", sent));
            if (i % 5 == 0)
            {
                Put("inbox", Message($"w{i}", 1, them, me, $"Automatic reply: Proposal {i}", sent.AddMinutes(1)) with
                {
                    Headers = [new("Auto-Submitted", "auto-replied")],
                    ExtendedProperties = Class("IPM.Note.Rules.OofTemplate.Microsoft"),
                });
                automated++;
            }
        }

        // Answered as many times as waiting; a third of the replies filed by a rule in another folder.
        var elsewhere = 0;
        for (var i = 0; i < waitingThreads; i++)
        {
            var sent = oldest.AddHours(1) + ((latestWaiting - oldest) * i / Math.Max(1, waitingThreads - 1));
            var them = Person(i + 7);
            Put("sentitems", Message($"a{i}", 0, me, them, $"Question {i}", sent));
            var filed = i % 3 == 0;
            elsewhere += filed ? 1 : 0;
            Put(filed ? RulesFolder : "inbox", Message($"a{i}", 1, them, me, $"RE: Question {i}", sent.AddHours(1 + (i % 20))));
        }

        // Inbound mail to fill the mailbox: people, newsletters, no-reply notices.
        for (var i = 0; count < messages; i++)
        {
            var received = oldest.AddMinutes(30) + ((now - oldest.AddMinutes(30)) * (i % 997) / 997);
            var message = (i % 10) switch
            {
                < 4 => Message($"n{i}", 0, new InMemoryAddress($"news@list{i % 13}.example"), me, $"Weekly digest {i}", received) with
                {
                    Headers = [new("List-Unsubscribe", $"<mailto:leave-{i}@list{i % 13}.example>"), new("Precedence", "bulk")],
                },
                4 => Message($"n{i}", 0, new InMemoryAddress("no-reply@tickets.example"), me, $"Ticket {i} updated", received),
                _ => Message($"n{i}", 0, Person(i), me, $"Note {i}", received),
            };
            automated += i % 10 < 5 ? 1 : 0;
            Put("inbox", message);
        }

        return (mailbox, new GeneratedMailboxShape(count, waitingThreads, waitingThreads - elsewhere, elsewhere, automated));
    }

    private static InMemoryAddress Person(int i) => new($"person{i % 211}@fabrikam.example", $"Person {i % 211}");

    private static Dictionary<string, string> Class(string messageClass) => new() { ["String 0x001A"] = messageClass };

    private static InMemoryMessage Message(string thread, int index, InMemoryAddress from, InMemoryAddress to, string subject, DateTimeOffset at) => new()
    {
        Id = $"AAMk-{thread}-{index}",
        InternetMessageId = $"<{thread}.{index}@generated.example>",
        ConversationId = $"AAQk-{thread}",
        Subject = subject,
        From = from,
        To = [to],
        ReceivedDateTime = at,
        SentDateTime = at,
        ExtendedProperties = Class("IPM.Note"),
    };
}
