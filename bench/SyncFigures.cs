using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OutlookFollowUp.GraphSimulator;
using OutlookFollowUp.Mail;
using OutlookFollowUp.Mail.Graph;

namespace OutlookFollowUp.Bench;

/// <summary>
/// Graph request figures for a mailbox sync against the in-process Graph-compatible server (the same SDK code as
/// production): requests for cold syncs of 1k and 10k messages (every one with a body, its bodyPreview judged for rule
/// 9) and a warm refresh with no change, the most requests in flight for one mailbox under load, and the wall time of a
/// cold sync of 10k with and without judging the previews. Run: dotnet run -c Release --project bench -- sync-figures
/// </summary>
internal static class SyncFigures
{
    public static async Task RunAsync(TextWriter output)
    {
        output.WriteLine("| inbox + sent items | page size | cold sync requests | warm refresh requests (no change) | cold sync wall time | without judging previews | previews that decided |");
        output.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var messages in new[] { 1_000, 10_000 })
        {
            foreach (var pageSize in new[] { 100, 1000 })
            {
                var (cold, warm, wall, decided) = await ColdThenWarmAsync(messages, pageSize, Asks);
                var (_, _, plain, _) = await ColdThenWarmAsync(messages, pageSize, asks: null);
                output.WriteLine(FormattableString.Invariant(
                    $"| {messages:N0} + {messages / 4:N0} | {pageSize} | {cold} | {warm} | {wall.TotalMilliseconds:F0} ms | {plain.TotalMilliseconds:F0} ms | {decided:N0} of {messages + messages / 4:N0} |"));
            }
        }

        output.WriteLine();
        output.WriteLine(JudgePreviews(12_500));

        var (maxInFlight, total) = await LoadAsync(parallel: 32);
        output.WriteLine();
        output.WriteLine(FormattableString.Invariant(
            $"Load: 32 concurrent callers on one mailbox (cold syncs and conversation look-ups), {total} requests: at most {maxInFlight} in flight (limit 4)."));
    }

    /// <summary>Whose mailbox the previews are judged for (rule 9).</summary>
    private static readonly AskContext Asks = new(["me@contoso.com"], ["Me"]);

    /// <param name="asks">Null: the previews are read but not judged.</param>
    private static async Task<(int Cold, int Warm, TimeSpan Wall, int Decided)> ColdThenWarmAsync(int messages, int pageSize, AskContext? asks)
    {
        using var handler = new InMemoryGraphHandler(Mailbox(messages));
        await using var services = Services(pageSize, handler);
        var factory = services.GetRequiredService<GraphClientFactory>();
        var reader = factory.CreateReader("bench");
        var counter = factory.CounterFor("bench");
        var clock = Stopwatch.StartNew();
        var cold = await reader.SyncAsync(new Dictionary<string, string>(), lookbackDays: 14, asks, CancellationToken.None);
        var wall = clock.Elapsed;
        var coldRequests = counter.Total;
        await reader.SyncAsync(cold.DeltaLinks, lookbackDays: 14, CancellationToken.None);
        var decided = cold.Folders.Values.Sum(f => f.Upserts.Count(m => m.Asks is not null));
        return (coldRequests, counter.Total - coldRequests, wall, decided);
    }

    /// <summary>Rule 9 on delta's previews alone, in memory: what a cold sync of that many messages spends judging them.</summary>
    private static string JudgePreviews(int count)
    {
        var now = TimeProvider.System.GetUtcNow();
        var previews = Enumerable.Range(0, count)
            .Select(i => InMemoryBody.Preview(GeneratedBodies.Ask(i, $"Sender {i % 97}", "Me", now, GeneratedBodies.ShapeOf(i)).Body)).ToArray();
        var record = new FollowUps.MailRecord { Id = "m", From = "sender@fabrikam.com", To = [new("me@contoso.com", "Me")], Subject = "Proposal" };
        var facts = Asks.FactsOf(record, "focused");
        var decided = 0;
        var clock = new Stopwatch();
        for (var round = 0; round < 2; round++) // the first round warms up
        {
            decided = 0;
            clock.Restart();
            foreach (var preview in previews)
            {
                decided += GraphAsks.WholeNewText(preview) is { } text && FollowUps.Asks.AskClassifier.Classify(text, facts) is not null ? 1 : 0;
            }

            clock.Stop();
        }

        return FormattableString.Invariant(
            $"Judging {count:N0} previews in memory ({decided:N0} decided): {clock.Elapsed.TotalMilliseconds:F0} ms, {clock.Elapsed.TotalMicroseconds / count:F1} µs a preview.");
    }

    private static async Task<(int MaxInFlight, long Total)> LoadAsync(int parallel)
    {
        using var handler = new SlowHandler(new InMemoryGraphHandler(Mailbox(2_000)));
        await using var services = Services(pageSize: 100, handler);
        var factory = services.GetRequiredService<GraphClientFactory>();
        await Task.WhenAll(Enumerable.Range(0, parallel).Select(i => i % 2 == 0
            ? (Task)factory.CreateReader("one-mailbox").SyncAsync(new Dictionary<string, string>(), 14, CancellationToken.None)
            : factory.CreateReader("one-mailbox").GetConversationAsync($"conv-{i}", CancellationToken.None)));
        var counter = factory.CounterFor("one-mailbox");
        return (counter.MaxInFlight, counter.Total);
    }

    /// <summary>The app's Graph pipeline (IHttpClientFactory, resilience, SDK handlers) with the in-process server as its primary handler.</summary>
    private static ServiceProvider Services(int pageSize, HttpMessageHandler transport)
    {
        var settings = new Dictionary<string, string?> { ["Graph:AccessToken"] = "bench", ["Graph:PageSize"] = $"{pageSize}" };
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .AddLogging()
            .AddGraphMail();
        services.AddHttpClient(GraphHttp.ClientName).ConfigurePrimaryHttpMessageHandler(() => transport);
        return services.BuildServiceProvider();
    }

    private static InMemoryMailbox Mailbox(int inbox)
    {
        var mailbox = new InMemoryMailbox("me@contoso.com");
        var now = TimeProvider.System.GetUtcNow();
        for (var i = 0; i < inbox + inbox / 4; i++)
        {
            var sent = i >= inbox;
            var (body, unique) = GeneratedBodies.Ask(i, sent ? $"Sender {i % 97}" : "Me", sent ? "Me" : $"Sender {i % 97}", now.AddMinutes(-i), GeneratedBodies.ShapeOf(i));
            mailbox.Put(sent ? "sentitems" : "inbox", new InMemoryMessage
            {
                Id = $"AAMk{i:D6}=",
                InternetMessageId = $"<m{i}@bench>",
                ConversationId = $"conv-{i / 5}",
                Subject = $"Subject {i / 5}",
                From = new InMemoryAddress(sent ? "me@contoso.com" : $"sender{i % 97}@fabrikam.com"),
                To = [new InMemoryAddress(sent ? $"sender{i % 97}@fabrikam.com" : "me@contoso.com")],
                ReceivedDateTime = now.AddMinutes(-i),
                SentDateTime = now.AddMinutes(-i),
                Headers = sent ? [] : [new("Precedence", i % 20 == 0 ? "bulk" : "first-class")],
                ExtendedProperties = new Dictionary<string, string> { ["String 0x001A"] = "IPM.Note" },
                Body = body,
                UniqueBody = unique,
            });
        }

        return mailbox;
    }

    /// <summary>Holds each response a little, so concurrent callers really overlap at the gate.</summary>
    private sealed class SlowHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(5), cancellationToken);
            return await base.SendAsync(request, cancellationToken);
        }
    }
}
