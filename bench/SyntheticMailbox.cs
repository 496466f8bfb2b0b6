using OutlookFollowUp.FollowUps;

namespace OutlookFollowUp.Bench;

/// <summary>How the mailbox threads: MIME headers (Message-ID, In-Reply-To, References, Thread-Index) or Graph's conversationId.</summary>
public enum MailboxStyle
{
    Mime,
    Graph,
}

/// <summary>
/// A deterministic synthetic mailbox for benchmarks: the same seed gives the same messages, in date order as a source reads them.
/// Threads of 1–30 messages over ~30 days before <see cref="Now"/>; ~20% sent by the user (three addresses), ~5% automated,
/// ~10% of threads from lists or no-reply senders, ~0.5% duplicate Message-IDs and ~0.1% dateless messages.
/// </summary>
public static class SyntheticMailbox
{
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    /// <summary>The user's primary address and aliases; the mail sometimes spells them in another case.</summary>
    public static readonly string[] Me = ["me@contoso.com", "me.alias@contoso.com", "me@contoso.onmicrosoft.com"];

    private const int People = 5_000;
    private const double SpanDays = 30;

    private static readonly string[] Topics = ["budget", "release", "hiring", "offsite", "invoice", "roadmap", "contract", "design review"];

    private static readonly HeaderFacts ListFacts = new() { ListUnsubscribe = true, Precedence = "list" };
    private static readonly HeaderFacts BulkFacts = new() { Precedence = "bulk" };
    private static readonly HeaderFacts NotAuto = new() { AutoSubmitted = "no" };
    private static readonly HeaderFacts AutoReplied = new() { AutoSubmitted = "auto-replied; owner-email=\"x@fabrikam.com\"", AutoReplyHeader = true };
    private static readonly HeaderFacts MimeBounce = new() { ContentType = "multipart/report", AutoSubmitted = "auto-generated" };
    private static readonly HeaderFacts GraphOof = new() { MessageClass = "IPM.Note.Rules.OofTemplate.Microsoft" };
    private static readonly HeaderFacts GraphBounce = new() { MessageClass = "REPORT.IPM.Note.NDR" };

    public static DetectionOptions Options() => new() { Me = Me, Now = Now };

    public static MailRecord[] Generate(int count, MailboxStyle style, int seed = 20261123) =>
        new Generator(new Random(seed), style).Run(count);

    private sealed class Generator(Random random, MailboxStyle style)
    {
        private readonly MailAddress[] _people = CreatePeople();
        private readonly MailAddress[] _me = [new(Me[0], "Me"), new(Me[1], "Me"), new("ME@Contoso.com", "Me"), new(Me[2], "Me")];
        private readonly List<MailRecord> _messages = [];
        private int _sequence;

        public MailRecord[] Run(int count)
        {
            var threadNumber = 0;
            while (_messages.Count < count)
            {
                AddThread(threadNumber++, count);
            }

            // A source reads mail roughly by date; copies (the same Message-ID in two folders) and drafts come along.
            // Like a real source, it parses each message into fresh objects in read order: no strings shared between
            // messages, and memory laid out in the order the engine reads it.
            var byDate = _messages.OrderBy(m => m.Date ?? Now).ToArray();
            for (var i = 0; i < byDate.Length; i++)
            {
                byDate[i] = AsParsed(byDate[i]);
            }

            return byDate;
        }

        private static MailRecord AsParsed(MailRecord m)
        {
            var messageId = m.InternetMessageId is null ? null : new string(m.InternetMessageId);
            return m with
            {
                Id = m.Id == m.InternetMessageId ? messageId! : new string(m.Id),
                InternetMessageId = messageId,
                ConversationId = m.ConversationId is null ? null : new string(m.ConversationId),
                InReplyTo = Copy(m.InReplyTo),
                References = Copy(m.References),
                ThreadIndex = m.ThreadIndex is null ? null : (byte[])m.ThreadIndex.Clone(),
                From = new string(m.From),
                FromName = m.FromName is null ? null : new string(m.FromName),
                To = Copy(m.To),
                Cc = Copy(m.Cc),
                Subject = new string(m.Subject),
            };
        }

        private static string[] Copy(IReadOnlyList<string> ids) => ids.Count == 0 ? [] : ids.Select(id => new string(id)).ToArray();

        private static MailAddress[] Copy(IReadOnlyList<MailAddress> addresses) =>
            addresses.Count == 0 ? [] : addresses.Select(a => new MailAddress(new string(a.Address), a.Name is null ? null : new string(a.Name))).ToArray();

        private static MailAddress[] CreatePeople()
        {
            var people = new MailAddress[People];
            for (var i = 0; i < People; i++)
            {
                people[i] = new MailAddress($"person{i}@{(i % 7 == 0 ? "fabrikam.com" : "contoso.com")}", $"Person {i}");
            }

            return people;
        }

        private void AddThread(int threadNumber, int limit)
        {
            // Skewed towards short threads: about a third are single messages, the mean is about 8.
            var size = 1 + (int)(29 * Math.Pow(random.NextDouble(), 3));
            var kind = random.NextDouble() switch { < 0.06 => ThreadKind.List, < 0.10 => ThreadKind.NoReply, _ => ThreadKind.Conversation };
            var others = new MailAddress[1 + random.Next(4)];
            for (var i = 0; i < others.Length; i++)
            {
                others[i] = _people[random.Next(People)];
            }

            var me = _me[random.NextDouble() < 0.8 ? 0 : 1 + random.Next(_me.Length - 1)];
            var subject = random.NextDouble() < 0.02 ? $"FYI: {Topics[threadNumber % Topics.Length]} {threadNumber}" : $"{Topics[threadNumber % Topics.Length]} {threadNumber}";
            var replySubject = "Re: " + subject;
            var outlook = style == MailboxStyle.Mime && random.NextDouble() < 0.25;
            var conversationId = style == MailboxStyle.Graph ? $"AAQkADAwATM0MDAAMS1iNTcwLWJhNDQtMDACLTAwCgAQA{threadNumber:x8}=" : null;
            var date = Now.AddMinutes(-random.NextDouble() * SpanDays * 24 * 60);
            var chain = new List<MailRecord>(size);
            for (var i = 0; i < size && _messages.Count < limit; i++)
            {
                if (i > 0)
                {
                    // Replies come minutes to days apart; a thread that would run past now simply ends.
                    date = date.AddMinutes(1 + (-Math.Log(1 - random.NextDouble()) * 6 * 60));
                    if (date > Now)
                    {
                        break;
                    }
                }

                var parent = i == 0 ? null : chain[random.NextDouble() < 0.8 ? i - 1 : random.Next(i)];
                var message = NewMessage(kind, parent, me, others, i == 0 ? subject : replySubject, date, outlook, conversationId, threadNumber, i);
                chain.Add(message);
                _messages.Add(message);
                if (random.NextDouble() < 0.005 && _messages.Count < limit)
                {
                    _messages.Add(message with { Id = message.Id + "-copy" });
                }
            }
        }

        private MailRecord NewMessage(
            ThreadKind kind, MailRecord? parent, MailAddress me, MailAddress[] others, string subject, DateTimeOffset date,
            bool outlook, string? conversationId, int threadNumber, int position)
        {
            var messageId = $"<{++_sequence:x}.{random.Next():x8}@mail.contoso.com>";
            var record = new MailRecord
            {
                Id = style == MailboxStyle.Graph ? $"AAMkADAwATM0MDAAMS1iNTcwLWJhNDQtMDACLTAwCgBGAAAD{_sequence:x8}" : messageId,
                InternetMessageId = messageId,
                ConversationId = conversationId,
                Date = random.NextDouble() < 0.001 ? null : date,
                Subject = subject,
            };

            // Some Outlook messages (sent items, typically) carry only Thread-Index, not In-Reply-To/References.
            var headers = !(outlook && random.NextDouble() < 0.3);
            record = WithThreading(record, parent, headers, outlook, threadNumber, position);
            var roll = random.NextDouble();
            if (roll < 0.05)
            {
                return Automated(record, me, subject);
            }

            return kind switch
            {
                ThreadKind.List when roll < 0.06 => record with { From = me.Address, To = [others[0]], Facts = ListFacts },
                ThreadKind.List => record with { From = others[0].Address, FromName = others[0].Name, To = [new("dev@lists.example.org")], Cc = [me], Facts = ListFacts },
                ThreadKind.NoReply => record with { From = "noreply@notifications.example.com", FromName = "Notifications", To = [me], Facts = roll < 0.5 ? BulkFacts : HeaderFacts.None },
                _ when roll < 0.27 => record with { From = me.Address, FromName = me.Name, To = others[..Math.Min(2, others.Length)], Cc = others.Length > 2 ? others[2..] : [] },
                _ => record with
                {
                    From = others[0].Address,
                    FromName = others[0].Name,
                    To = roll < 0.85 ? [me, .. others[1..]] : others[1..],
                    Cc = roll < 0.85 ? [] : [me],
                    Facts = roll < 0.28 ? NotAuto : HeaderFacts.None,
                },
            };
        }

        /// <summary>MIME clients carry the chain: In-Reply-To the parent, References the root and the last ancestors (as clients trim it).</summary>
        private MailRecord WithThreading(MailRecord record, MailRecord? parent, bool headers, bool outlook, int threadNumber, int position)
        {
            if (style == MailboxStyle.Graph)
            {
                return record;
            }

            byte[]? threadIndex = null;
            if (outlook)
            {
                threadIndex = new byte[ThreadBuilder.ThreadIndexPrefixLength + (5 * position)];
                BitConverter.TryWriteBytes(threadIndex, threadNumber);
                threadIndex[5] = 0x1d;
            }

            if (parent is null || !headers)
            {
                return record with { ThreadIndex = threadIndex };
            }

            // The parent's chain plus the parent; past 10 ids keep the root and the 9 nearest, as clients trim it.
            var chain = parent.References.Count + 1;
            var references = new string[Math.Min(chain, 10)];
            references[0] = parent.References.Count > 0 ? parent.References[0] : parent.InternetMessageId!;
            for (var k = 1; k < references.Length; k++)
            {
                var source = chain - references.Length + k;
                references[k] = source < parent.References.Count ? parent.References[source] : parent.InternetMessageId!;
            }

            return record with { InReplyTo = [parent.InternetMessageId!], References = references, ThreadIndex = threadIndex };
        }

        /// <summary>Out-of-office replies (by header or only by subject) and mailer-daemon bounces, as each source reports them.</summary>
        private MailRecord Automated(MailRecord record, MailAddress me, string subject)
        {
            var sender = _people[random.Next(People)];
            return random.Next(3) switch
            {
                0 => record with { From = sender.Address, FromName = sender.Name, To = [me], Subject = "Automatic reply: " + subject, Facts = style == MailboxStyle.Graph ? GraphOof : AutoReplied },
                1 => record with { From = sender.Address, FromName = sender.Name, To = [me], Subject = "Out of Office: " + subject },
                _ => record with { From = "mailer-daemon@mail.contoso.com", To = [me], Subject = "Undeliverable: " + subject, Facts = style == MailboxStyle.Graph ? GraphBounce : MimeBounce },
            };
        }
    }

    private enum ThreadKind
    {
        Conversation,
        List,
        NoReply,
    }
}
