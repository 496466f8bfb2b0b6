namespace OutlookFollowUp.GraphSimulator;

/// <summary>What a <see cref="GeneratedMailbox"/> holds, for request-count tests and benchmarks.</summary>
/// <param name="Waiting">
/// Threads the user wrote last, unanswered past the window, each asking for something: the mailbox's only candidates
/// (rules 5–6), which the sync must report exactly as waiting on them.
/// </param>
/// <param name="AnsweredElsewhere">Answered threads whose reply a rule filed outside the inbox: only the cross-folder check sees the reply.</param>
/// <param name="PreviewWhole">Waiting threads whose last message is short enough for bodyPreview to hold it whole (no uniqueBody read).</param>
public sealed record GeneratedMailboxShape(int Messages, int Waiting, int AnsweredInInbox, int AnsweredElsewhere, int Automated, int PreviewWhole = 0);

/// <summary>
/// A mailbox shaped like a real one, of any size, dated within the last 13 days: threads waiting on others (some with an
/// out-of-office reply that does not count), threads answered in the inbox and answered in another folder, and inbound
/// mail — team notes the user is copied on, newsletters, no-reply notices — to fill it to the requested number of
/// messages. Every message has a body (<see cref="GeneratedBodies"/>): short and long asks, replies above quoted
/// history, answers. Only the waiting threads are candidates of rules 5–6. Deterministic.
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
        var team = new InMemoryAddress("team@contoso.com", "Team");
        var oldest = now - Span;
        var latestWaiting = now.AddHours(-50); // past the 48-hour window
        var count = 0;
        var automated = 0;
        var previewWhole = 0;
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
            var shape = GeneratedBodies.ShapeOf(i);
            previewWhole += shape == GeneratedBodies.Shape.Short ? 1 : 0;
            var (body, unique) = GeneratedBodies.Ask(i, them.Name!, me.Name!, sent, shape);
            Put("sentitems", Message($"w{i}", 0, me, them, $"Proposal {i}", sent) with { Body = body, UniqueBody = unique });
            if (i % 5 == 0)
            {
                Put("inbox", Message($"w{i}", 1, them, me, $"Automatic reply: Proposal {i}", sent.AddMinutes(1)) with
                {
                    Headers = [new("Auto-Submitted", "auto-replied")],
                    ExtendedProperties = Class("IPM.Note.Rules.OofTemplate.Microsoft"),
                    Body = GeneratedBodies.AutomaticReply(them.Name!),
                });
                automated++;
            }
        }

        // Answered as many times as waiting, to the team with the user copied (so no one waits on the user); a third of
        // the replies filed by a rule in another folder.
        var elsewhere = 0;
        for (var i = 0; i < waitingThreads; i++)
        {
            var sent = oldest.AddHours(1) + ((latestWaiting - oldest) * i / Math.Max(1, waitingThreads - 1));
            var them = Person(i + 7);
            var (question, _) = GeneratedBodies.Ask(i + 7, them.Name!, me.Name!, sent, GeneratedBodies.Shape.Short);
            Put("sentitems", Message($"a{i}", 0, me, them, $"Question {i}", sent) with { Body = question });
            var filed = i % 3 == 0;
            elsewhere += filed ? 1 : 0;
            var (answer, answerUnique) = GeneratedBodies.Answer(i, me.Name!, them.Name!, sent, question);
            Put(filed ? RulesFolder : "inbox", Message($"a{i}", 1, them, team, $"RE: Question {i}", sent.AddHours(1 + (i % 20))) with
            {
                Cc = [me], Body = answer, UniqueBody = answerUnique,
            });
        }

        // Inbound mail to fill the mailbox: team notes the user is copied on, newsletters, no-reply notices.
        for (var i = 0; count < messages; i++)
        {
            var received = oldest.AddMinutes(30) + ((now - oldest.AddMinutes(30)) * (i % 997) / 997);
            var message = (i % 10) switch
            {
                < 4 => Message($"n{i}", 0, new InMemoryAddress($"news@list{i % 13}.example"), me, $"Weekly digest {i}", received) with
                {
                    Headers = [new("List-Unsubscribe", $"<mailto:leave-{i}@list{i % 13}.example>"), new("Precedence", "bulk")],
                    Body = GeneratedBodies.Newsletter(i),
                },
                4 => Message($"n{i}", 0, new InMemoryAddress("no-reply@tickets.example"), me, $"Ticket {i} updated", received) with { Body = GeneratedBodies.Notice(i) },
                _ => Message($"n{i}", 0, Person(i), team, $"Note {i}", received) with { Cc = [me], Body = GeneratedBodies.Note(i) },
            };
            automated += i % 10 < 5 ? 1 : 0;
            Put("inbox", message);
        }

        return (mailbox, new GeneratedMailboxShape(count, waitingThreads, waitingThreads - elsewhere, elsewhere, automated, previewWhole));
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
