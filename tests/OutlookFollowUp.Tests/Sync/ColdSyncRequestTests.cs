using OutlookFollowUp.Mail.Sample;
using Xunit.Abstractions;

namespace OutlookFollowUp.Tests.Sync;

/// <summary>
/// What a first sync costs through the whole app (delta, the engine, the cross-folder reply check): pages per folder
/// plus a constant, whatever the number of waiting threads (the app's page size here is 50).
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
        // opens at the oldest waiting thread, the mailbox's oldest message, so it spans the whole mailbox), and MailTips
        // about the new waiting threads' counterparts, 100 addresses a call; the other routes: the chats listing (no chat
        // here) and the calendar view.
        var asked = body.Threads.SelectMany(t => t.Counterparts).Distinct(StringComparer.OrdinalIgnoreCase).Count();
        var expected = 2 + Pages(mailbox.Count("inbox")) + Pages(mailbox.Count("sentitems")) + Pages(shape.Messages) + ((asked + 99) / 100) + 2;
        output.WriteLine($"{shape}: {host.Graph.Requests.Count} requests (expected {expected})");
        Assert.Equal(expected, host.Graph.Requests.Count);
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

    private static int Pages(int count) => Math.Max(1, (count + PageSize - 1) / PageSize);
}
