using OutlookFollowUp.GraphSimulator;
using Xunit.Abstractions;

namespace OutlookFollowUp.Tests.Mail;

/// <summary>
/// What a first sync costs through the whole app (delta, the engine, the cross-folder reply check, rule 9's reading):
/// pages per folder plus a constant, plus one <c>$batch</c> per 20 candidates whose bodyPreview could not hold the
/// whole new text (the app's page size here is 50).
/// </summary>
public sealed class ColdSyncRequestTests(ITestOutputHelper output)
{
    private const int PageSize = 50;
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(400, 20)]
    [InlineData(800, 20)]
    [InlineData(800, 150)]
    public async Task ColdSync_CostsPagesPerFolderPlusAConstant_WhateverTheWaitingThreads(int messages, int waiting)
    {
        var (mailbox, shape) = GeneratedMailbox.Create(Now, messages, waiting);
        using var host = new LocalApiHost(mailbox, Now);

        var body = await host.ThreadsAsync("?direction=theirs&top=200");

        // /me and /me/mailboxSettings, each delta folder's pages, one windowed query over every folder (the window
        // opens at the oldest waiting thread, the mailbox's oldest message, so it spans the whole mailbox), MailTips
        // about the new waiting threads' counterparts, 100 addresses a call, the unique bodies of the candidates
        // whose preview did not decide, 20 to a $batch; and the other routes: the chats listing (no chat here) and the
        // calendar view.
        var asked = body.Threads.SelectMany(t => t.Counterparts).Distinct(StringComparer.OrdinalIgnoreCase).Count();
        var read = shape.Waiting - shape.PreviewWhole;
        var expected = 2 + Pages(mailbox.Count("inbox")) + Pages(mailbox.Count("sentitems")) + Pages(shape.Messages) + ((asked + 99) / 100) + ((read + 19) / 20) + 2;
        output.WriteLine($"{shape}: {host.Graph.Requests.Count} requests (expected {expected})");
        Assert.Equal(expected, host.Graph.Requests.Count);
        Assert.Equal(read, host.Graph.BatchParts.Count(p => p.Contains("uniqueBody", StringComparison.Ordinal)));
        Assert.Equal(
            Enumerable.Range(0, waiting).Select(i => $"Proposal {i}").Order(StringComparer.Ordinal),
            body.Threads.Select(t => t.Subject).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task WarmRefresh_WithNoNewCandidate_MakesNoCrossFolderRequest()
    {
        var (mailbox, _) = GeneratedMailbox.Create(Now, 400, 20);
        using var host = new LocalApiHost(mailbox, Now);
        await host.ThreadsAsync();
        var before = host.Graph.Requests.Count;

        await host.SyncAsync();

        Assert.Equal(4, host.Graph.Requests.Count - before); // one delta round per folder, one request per other route
    }

    [Fact]
    public async Task WarmSync_WithOneNewCandidate_CostsOneRequestMoreWhenThePreviewCannotDecide()
    {
        var decided = await WarmSyncWithANewCandidateAsync(GeneratedBodies.Shape.Short);
        var quoted = await WarmSyncWithANewCandidateAsync(GeneratedBodies.Shape.Quoted);
        var longer = await WarmSyncWithANewCandidateAsync(GeneratedBodies.Shape.Long);

        // Today's warm sync with a new candidate (a delta round per folder, the cross-folder window, MailTips) is the
        // short one's; the others add one $batch reading the candidate's uniqueBody, nothing else.
        output.WriteLine($"warm sync with one new candidate: {decided.Requests} requests (preview decided), {quoted.Requests} (quoted), {longer.Requests} (long)");
        Assert.Equal((0, 1, 1), (decided.Batches, quoted.Batches, longer.Batches));
        Assert.Equal((decided.Requests + 1, decided.Requests + 1), (quoted.Requests, longer.Requests));
    }

    private static async Task<(int Requests, int Batches)> WarmSyncWithANewCandidateAsync(GeneratedBodies.Shape shape)
    {
        var (mailbox, _) = GeneratedMailbox.Create(Now, 400, 20);
        using var host = new LocalApiHost(mailbox, Now);
        await host.ThreadsAsync();

        // A candidate arrives: the user's mail to someone new, past the window (sent from a phone that was offline, say).
        var sent = Now.AddHours(-50);
        var (body, unique) = GeneratedBodies.Ask(500, "Nadia Petrova", "Me", sent, shape);
        mailbox.Put("sentitems", new InMemoryMessage
        {
            Id = "AAMk-new-0", InternetMessageId = "<new.0@generated.example>", ConversationId = "AAQk-new", Subject = "Proposal 500",
            From = new(GeneratedMailbox.Owner, "Me"), To = [new("nadia.petrova@fabrikam.example", "Nadia Petrova")],
            SentDateTime = sent, ReceivedDateTime = sent, Body = body, UniqueBody = unique,
        });
        var before = host.Graph.Requests.Count;
        var batchesBefore = BatchPosts(host);
        var threads = await host.SyncAsync();

        Assert.Contains(threads.Threads, t => t.Subject == "Proposal 500");
        return (host.Graph.Requests.Count - before, BatchPosts(host) - batchesBefore);
    }

    private static int BatchPosts(LocalApiHost host) =>
        host.Graph.Requests.Count(r => r.Method == HttpMethod.Post && r.Uri.AbsolutePath.EndsWith("/$batch", StringComparison.Ordinal));

    private static int Pages(int count) => Math.Max(1, (count + PageSize - 1) / PageSize);
}
