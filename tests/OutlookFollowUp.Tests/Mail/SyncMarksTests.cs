using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OutlookFollowUp.GraphSimulator;
using OutlookFollowUp.Mail;

namespace OutlookFollowUp.Tests.Mail;

/// <summary>The sync hands its listeners the flags and compose marks of the messages it saw change.</summary>
public sealed class SyncMarksTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Sync_PassesTheComposeMarkOfASentMessage_AndEachChangedFlag_ToTheListeners()
    {
        var (mailbox, _) = GeneratedMailbox.Create(Now, 40, 5);
        mailbox.Put("sentitems", Marked("tracked", """{"followupRemind":"48"}"""));
        mailbox.Put("sentitems", Marked("dated", """{"followupRemind":"2026-11-30T09:00:00Z"}"""));
        mailbox.Put("sentitems", Marked("broken", """{"followupRemind":"""));
        var recorder = new Recorder();
        using var host = new LocalApiHost(mailbox, Now);
        using var app = host.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IMailboxSyncListener>(recorder)));
        using var client = app.CreateClient();

        (await client.GetAsync(new Uri("/api/threads", UriKind.Relative))).EnsureSuccessStatusCode();

        var marks = Assert.Single(recorder.Synced).Marks!;
        Assert.Equal(
            [("broken", null), ("dated", "2026-11-30T09:00:00Z"), ("tracked", "48")],
            marks.Where(m => m.FollowupRemind is not null || m.MessageId is "broken" or "dated" or "tracked")
                .Select(m => (m.MessageId, m.FollowupRemind)).OrderBy(m => m.MessageId, StringComparer.Ordinal));
        Assert.Equal(mailbox.Count("inbox") + mailbox.Count("sentitems"), marks.Count);
        Assert.Equal(OutlookFlagStatus.Flagged, marks.Single(m => m.MessageId == "tracked").Flag);
    }

    private static InMemoryMessage Marked(string id, string customProperties) =>
        ComposeMarkTests.Sent(id, customProperties) with
        {
            From = new InMemoryAddress(GeneratedMailbox.Owner),
            ReceivedDateTime = Now.AddHours(-3),
            SentDateTime = Now.AddHours(-3),
            FlagStatus = id == "tracked" ? "flagged" : null,
        };

    private sealed class Recorder : IMailboxSyncListener
    {
        public List<SyncedMailbox> Synced { get; } = [];

        public Task OnSyncedAsync(SyncedMailbox synced, CancellationToken cancellationToken)
        {
            lock (Synced)
            {
                Synced.Add(synced);
            }

            return Task.CompletedTask;
        }
    }
}
