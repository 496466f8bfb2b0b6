using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using OutlookFollowUp.FollowUps;
using OutlookFollowUp.GraphSimulator;
using OutlookFollowUp.Local;
using OutlookFollowUp.Mail.Graph;
using OutlookFollowUp.Routes;
using OutlookFollowUp.Storage;

namespace OutlookFollowUp.Bench;

/// <summary>
/// Graph requests of one check of the other routes of an answer (Teams chats, meetings) for a mailbox with 300 waiting
/// threads and 60 one-on-one chats (40 with people waited on), SQLite, through the app's Graph pipeline against the
/// in-process Graph-compatible server: a first check, a check with nothing changed, one after a new message in one
/// chat, and one after 25 chats changed. Counted per route: the chats listing (pages of 50), $batch requests of chat
/// messages (20 chats each) and calendar views; 45 meetings in the window.
/// Run: dotnet run -c Release --project bench -- route-figures
/// </summary>
internal static class RouteFigures
{
    private const int Waiting = 300;
    private const int Chats = 60;
    private const string Me = "me@contoso.com";
    private const string User = "tenant:user-routes";

    public static async Task RunAsync(TextWriter output)
    {
        await using var database = await BenchDatabase.CreateAsync(StorageProvider.Sqlite);
        var time = new ManualClock(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        var mailbox = new InMemoryMailbox(Me);
        using var counting = new CountingGraphHandler(new InMemoryGraphHandler(mailbox));
        await using var graph = BenchGraph.Services(counting);
        var routes = new LocalMailboxes(graph.GetRequiredService<GraphClientFactory>()).Routes(User)!;
        var threads = Seed(mailbox, time.Now);
        var options = new DetectionOptions { Me = [Me], Now = time.Now };

        output.WriteLine($"| check ({Waiting} waiting threads, {Chats} chats) | chats listing | chat messages ($batch) | calendar view | all requests |");
        output.WriteLine("|---|---|---|---|---|");
        await CheckAsync(output, "first", database, routes, threads, options, counting, time);
        time.Now = time.Now.AddMinutes(15);
        await CheckAsync(output, "nothing changed", database, routes, threads, options with { Now = time.Now }, counting, time);
        mailbox.PostChatMessage("19:chat-007@unq.gbl.spaces", "user-007", time.Now.AddMinutes(-1));
        time.Now = time.Now.AddMinutes(15);
        await CheckAsync(output, "a new message in one chat", database, routes, threads, options with { Now = time.Now }, counting, time);
        for (var c = 0; c < 25; c++)
        {
            mailbox.PostChatMessage($"19:chat-{c:D3}@unq.gbl.spaces", c % 2 == 0 ? $"user-{c:D3}" : InMemoryMailbox.OwnerUserId, time.Now.AddMinutes(-1));
        }

        time.Now = time.Now.AddMinutes(15);
        await CheckAsync(output, "25 chats changed", database, routes, threads, options with { Now = time.Now }, counting, time);
    }

    private static async Task CheckAsync(
        TextWriter output, string name, BenchDatabase database, OutlookFollowUp.Mail.IAnswerRoutes routes, IReadOnlyList<MailThread> threads,
        DetectionOptions options, CountingGraphHandler counting, ManualClock time)
    {
        var (total, chats, batches, calendar) = (counting.Total, counting.Count("chats"), counting.Count("$batch"), counting.Count("calendarView"));
        await using var context = database.CreateContext();
        var check = new RouteCheck(new RouteStore(context), time, NullLogger<RouteCheck>.Instance);
        var facts = await check.CheckAsync(User, routes, threads, options, CancellationToken.None);
        if (facts.Chats.Count != Chats || facts.Meetings.Count == 0)
        {
            throw new InvalidOperationException($"The check found {facts.Chats.Count} chats and {facts.Meetings.Count} meetings.");
        }

        output.WriteLine(FormattableString.Invariant(
            $"| {name} | {counting.Count("chats") - chats} | {counting.Count("$batch") - batches} | {counting.Count("calendarView") - calendar} | {counting.Total - total} |"));
    }

    /// <summary>300 threads waiting on 300 people; chats with the first 40 of them and 20 others; 45 meetings.</summary>
    private static List<MailThread> Seed(InMemoryMailbox mailbox, DateTimeOffset now)
    {
        var threads = new List<MailThread>();
        for (var i = 0; i < Waiting; i++)
        {
            var sent = new MailRecord
            {
                Id = $"m{i}", InternetMessageId = $"<m{i}@bench>", ConversationId = $"conv-{i}", Subject = $"Proposal {i}",
                From = Me, To = [new MailAddress($"person{i}@fabrikam.com")], Date = now.AddHours(-60 - (i % 200)),
            };
            threads.Add(new MailThread($"conv-{i}", [sent]));
        }

        for (var c = 0; c < Chats; c++)
        {
            var address = c < 40 ? $"person{c}@fabrikam.com" : $"friend{c}@contoso.com";
            var id = $"19:chat-{c:D3}@unq.gbl.spaces";
            mailbox.AddOneOnOneChat(id, new InMemoryChatMember($"user-{c:D3}", address, $"Person {c}"));
            for (var n = 0; n < 5; n++)
            {
                mailbox.PostChatMessage(id, n % 2 == 0 ? $"user-{c:D3}" : InMemoryMailbox.OwnerUserId, now.AddHours(-2 - c - (n * 7)));
            }
        }

        for (var e = 0; e < 45; e++)
        {
            mailbox.AddEvent(new InMemoryEvent($"event-{e}", now.AddHours(-200 + (e * 8)), now.AddHours(-199 + (e * 8)), new InMemoryAddress(Me),
                [new InMemoryAttendee(new InMemoryAddress($"person{e * 5}@fabrikam.com"))]));
        }

        return threads;
    }
}
