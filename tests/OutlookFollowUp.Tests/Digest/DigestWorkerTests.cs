using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OutlookFollowUp.Background;
using OutlookFollowUp.Digest;
using OutlookFollowUp.Local;
using OutlookFollowUp.Mail;

namespace OutlookFollowUp.Tests.Digest;

/// <summary>The whole app in local mode on a fake clock: the background worker sends the digest with nobody asking.</summary>
public sealed class DigestWorkerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero); // a Monday

    [Fact]
    public async Task The_worker_sends_one_digest_when_the_reminder_comes_due_in_working_hours_and_not_again_that_day()
    {
        var mailbox = SampleMailbox.Create(Now);
        using var host = new LocalApiHost(mailbox, Now);
        using var client = host.CreateClient();
        var offsite = (await host.ThreadsAsync()).Threads.Single(t => t.Subject == "Budget numbers for the offsite");
        using (var settings = await client.PutAsJsonAsync("/api/settings",
            new { windowHours = 48, businessDays = false, timeZone = "UTC", lookbackDays = 30, setOutlookFlags = true, digest = true }))
        {
            Assert.Equal(HttpStatusCode.OK, settings.StatusCode);
        }

        using (var create = await client.PostAsJsonAsync("/api/reminders", new { messageId = offsite.MessageId, afterHours = 24 }))
        {
            Assert.Equal(HttpStatusCode.Created, create.StatusCode);
        }

        using var rounds = new BackgroundRounds(host.Services);
        var interval = host.Services.GetRequiredService<IOptions<BackgroundOptions>>().Value.DueSweepInterval;
        Assert.Empty(host.Graph.SentMail); // nothing due yet (and no round on Monday after the digest was turned on: one mail in all, below)

        host.Clock.Advance(TimeSpan.FromHours(24)); // Tuesday 09:00: the reminder comes due
        await WaitUntilAsync(() => !host.Graph.SentMail.IsEmpty);

        var mail = Assert.Single(host.Graph.SentMail);
        var html = mail["body"]!["content"]!.GetValue<string>();
        // Each line links through the message's webLink as Graph gave it (the test server's: Outlook on the web's ItemID form).
        var webLink = $"https://outlook.office365.com/owa/?ItemID={Uri.EscapeDataString(offsite.MessageId)}&amp;exvsurl=1&amp;viewmodel=ReadMessageItem";
        Assert.Contains($"<a href=\"{webLink}\">Budget numbers for the offsite</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(DigestMail.DeepLinkBase, html, StringComparison.Ordinal); // every listed message is in the mailbox
        Assert.Contains("<h2>Reminders due (1)</h2>", html, StringComparison.Ordinal);
        // The sample's other unanswered threads come with it; the offsite is listed once, as due.
        Assert.Contains("<h2>Waiting on ", html, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, System.Text.RegularExpressions.Regex.Escape(webLink)));
        Assert.Equal(SampleMailbox.Address, mail["toRecipients"]![0]!["emailAddress"]!["address"]!.GetValue<string>());

        var sweeps = rounds.Sweeps;
        host.Clock.Advance(interval);
        await WaitUntilAsync(() => rounds.Sweeps > sweeps);
        host.Clock.Advance(interval);
        await WaitUntilAsync(() => rounds.Sweeps > sweeps + 1);
        Assert.Single(host.Graph.SentMail);
    }

    /// <summary>The worker runs on its own after the fake clock moved: wait (real time, bounded) for what it does.</summary>
    private static async Task WaitUntilAsync(Func<bool> done)
    {
        var clock = Stopwatch.StartNew();
        while (!done())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), "the background worker did not get there in 20 s");
            await Task.Delay(50);
        }
    }
}
