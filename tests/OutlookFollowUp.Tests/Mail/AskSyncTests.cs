using Microsoft.Extensions.DependencyInjection;
using OutlookFollowUp.FollowUps.Asks;
using OutlookFollowUp.GraphSimulator;
using OutlookFollowUp.Local;
using OutlookFollowUp.MailIndex;

namespace OutlookFollowUp.Tests.Mail;

/// <summary>
/// Rule 9 through a whole sync (local mode, the real SDK against the in-memory Graph): text is read only for the
/// candidates (the last message of a thread rules 5–6 list) whose preview did not decide, 20 to a <c>$batch</c>, and
/// once per message, since the verdict is stored with it.
/// </summary>
public sealed class AskSyncTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly InMemoryAddress Me = new(SampleMailbox.Address, SampleMailbox.Name);
    private static readonly InMemoryAddress Ana = new("ana.silva@fabrikam.com", "Ana Silva");
    private static readonly string Long = string.Join("\n", Enumerable.Repeat("This paragraph explains where the migration stands, module by module, as agreed.", 4));

    [Fact]
    public async Task Only_candidates_whose_preview_did_not_decide_are_read_twenty_to_a_batch_and_each_once()
    {
        var mailbox = new InMemoryMailbox(Me.Address);
        var mail = new ConversationWriter(mailbox, Now, "Ask", "ask");
        for (var i = 0; i < 25; i++)
        {
            mail.Put("inbox", $"long{i}", 60, Ana, [Me], $"Status {i}", body: Long + "\nCan you confirm?", uniqueBody: "Can you confirm?");
        }

        mail.Put("inbox", "short", 60, Ana, [Me], "Short", body: "Could you send me the signed contract?");
        mail.Put("inbox", "answered", 90, Ana, [Me], "Answered", body: Long);
        mail.Put("sentitems", "answered", 80, Me, [Ana], "RE: Answered", body: "Done, the file is attached.");
        mail.Put("inbox", "recent", 5, Ana, [Me], "Not due yet", body: Long);
        using var host = new LocalApiHost(mailbox, Now);

        await host.ThreadsAsync();
        var parts = host.Graph.BatchParts;
        await host.SyncAsync();

        Assert.Equal(2, BatchPosts(host)); // 25 candidates with long bodies: 20 + 5; nothing again on the second sync
        Assert.Equal(25, parts.Count);
        Assert.All(parts, p => Assert.Contains("/me/messages/AAMkAsk", p, StringComparison.Ordinal));
        Assert.Equal(25, host.Graph.BatchParts.Count);
        var asks = await StoredAsksAsync(host);
        Assert.All(Enumerable.Range(1, 26), n => Assert.NotNull(asks[$"AAMkAsk{n:D3}="]));
        Assert.NotNull(asks["AAMkAsk028="]); // a candidate its preview decided
        Assert.Null(asks["AAMkAsk027="]); // answered since: no candidate, nothing read beyond its preview
        Assert.Null(asks["AAMkAsk029="]); // not due yet: likewise
    }

    [Fact]
    public async Task A_read_that_fails_for_now_is_tried_again_by_the_next_sync()
    {
        var mailbox = new InMemoryMailbox(Me.Address);
        new ConversationWriter(mailbox, Now, "Retry", "retry").Put("inbox", "long", 60, Ana, [Me], "Status", body: Long);
        using var host = new LocalApiHost(mailbox, Now);
        host.Graph.Faults.Next(GraphMatch.Url("$batch"), Fault.Unavailable(0), times: 4);

        var first = await host.ThreadsAsync();
        await host.SyncAsync();

        Assert.Single(first.Threads); // listed meanwhile: a message not judged counts as asking
        Assert.NotNull((await StoredAsksAsync(host))["AAMkRetry001="]);
    }

    private static int BatchPosts(LocalApiHost host) =>
        host.Graph.Requests.Count(r => r.Method == HttpMethod.Post && r.Uri.AbsolutePath.EndsWith("/$batch", StringComparison.Ordinal));

    private static async Task<Dictionary<string, AskVerdict?>> StoredAsksAsync(LocalApiHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var messages = await scope.ServiceProvider.GetRequiredService<IThreadIndex>().GetMessagesAsync(LocalMode.SampleUserKey, CancellationToken.None);
        return messages.ToDictionary(m => m.Id, m => m.Asks);
    }
}
