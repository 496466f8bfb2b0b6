using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using OutlookFollowUp.Digest;
using OutlookFollowUp.GraphSimulator;
using OutlookFollowUp.MailIndex;
using OutlookFollowUp.Reminders;
using OutlookFollowUp.Settings;
using OutlookFollowUp.Storage;

namespace OutlookFollowUp.Tests.Digest;

/// <summary>
/// The morning digest on a real database and the real Graph SDK against the in-memory Graph server, on a fake clock
/// (the test database starts on Monday 23 Nov 2026, 09:00 UTC).
/// </summary>
[Trait("Needs", "Postgres")]
public sealed class DigestTests
{
    private const string User = SweepRig.User;

    [Theory, OnSqlite, OnPostgres]
    public async Task Sent_at_the_start_of_working_hours_in_the_users_zone_not_before_and_once_a_day(StorageProvider provider)
    {
        await using var rig = await SweepRig.CreateAsync(provider);
        await OptInAsync(rig, User, "Europe/Rome");
        await DueAsync(rig, "m1", "Budget");

        rig.Time.SetUtcNow(new DateTimeOffset(2026, 11, 24, 7, 59, 0, TimeSpan.Zero)); // Tue 08:59 in Rome
        Assert.Equal(0, await RunAsync(rig));
        Assert.Empty(Sent(rig));

        rig.Time.SetUtcNow(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero)); // 09:00 in Rome
        Assert.Equal(1, await RunAsync(rig));
        rig.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, await RunAsync(rig));
        rig.Time.Advance(TimeSpan.FromHours(3));
        Assert.Equal(0, await RunAsync(rig));
        Assert.Single(Sent(rig));

        rig.Time.SetUtcNow(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero)); // Wednesday: a new day
        Assert.Equal(1, await RunAsync(rig));
        Assert.Equal(2, Sent(rig).Count);
    }

    [Theory, OnSqlite]
    public async Task None_on_Saturday_or_Sunday_and_Monday_gets_one(StorageProvider provider)
    {
        await using var rig = await SweepRig.CreateAsync(provider);
        await OptInAsync(rig, User, "UTC");
        await DueAsync(rig, "m1", "Budget");

        foreach (var day in new[] { 28, 29 })
        {
            for (var hour = 8; hour <= 17; hour++)
            {
                rig.Time.SetUtcNow(new DateTimeOffset(2026, 11, day, hour, 0, 0, TimeSpan.Zero));
                Assert.Equal(0, await RunAsync(rig));
            }
        }

        Assert.Empty(Sent(rig));
        rig.Time.SetUtcNow(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await RunAsync(rig));
    }

    [Theory, OnSqlite]
    public async Task None_when_nothing_is_due_and_none_after_the_working_day(StorageProvider provider)
    {
        await using var rig = await SweepRig.CreateAsync(provider);
        await OptInAsync(rig, User, "UTC");
        await rig.RemindAsync("later", new DateTimeOffset(2026, 12, 10, 9, 0, 0, TimeSpan.Zero)); // scheduled, not due
        await DueAsync(rig, "done", "Closed", closed: true);

        rig.Time.SetUtcNow(new DateTimeOffset(2026, 11, 24, 9, 30, 0, TimeSpan.Zero));
        Assert.Equal(0, await RunAsync(rig));
        Assert.Empty(Sent(rig));

        await DueAsync(rig, "m1", "Budget");
        rig.Time.SetUtcNow(new DateTimeOffset(2026, 11, 24, 17, 0, 0, TimeSpan.Zero)); // the working day ended
        Assert.Equal(0, await RunAsync(rig));
        rig.Time.SetUtcNow(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await RunAsync(rig));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_time_zone_change_moves_the_hour_and_never_sends_twice_on_one_local_day(StorageProvider provider)
    {
        await using var rig = await SweepRig.CreateAsync(provider);
        await OptInAsync(rig, User, "America/New_York");
        await DueAsync(rig, "m1", "Budget");

        // Tuesday 09:00 in New York is 14:00 UTC.
        rig.Time.SetUtcNow(new DateTimeOffset(2026, 11, 24, 13, 59, 0, TimeSpan.Zero));
        Assert.Equal(0, await RunAsync(rig));
        rig.Time.SetUtcNow(new DateTimeOffset(2026, 11, 24, 14, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await RunAsync(rig));

        // The user flies to Tokyo: Wednesday 09:00 there is Wednesday 00:00 UTC.
        await OptInAsync(rig, User, "Asia/Tokyo");
        rig.Time.SetUtcNow(new DateTimeOffset(2026, 11, 24, 23, 59, 0, TimeSpan.Zero));
        Assert.Equal(0, await RunAsync(rig));
        rig.Time.SetUtcNow(new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await RunAsync(rig));

        // Back to New York: Wednesday 09:00 there, but Wednesday's digest already went out from Tokyo.
        await OptInAsync(rig, User, "America/New_York");
        rig.Time.SetUtcNow(new DateTimeOffset(2026, 11, 25, 14, 0, 0, TimeSpan.Zero));
        Assert.Equal(0, await RunAsync(rig));
        rig.Time.SetUtcNow(new DateTimeOffset(2026, 11, 26, 14, 0, 0, TimeSpan.Zero)); // Thursday 09:00 in New York
        Assert.Equal(1, await RunAsync(rig));
        Assert.Equal(3, Sent(rig).Count);
    }

    [Theory, OnSqlite]
    public async Task The_week_clocks_change_keeps_09_00_local(StorageProvider provider)
    {
        await using var rig = await SweepRig.CreateAsync(provider);
        await OptInAsync(rig, User, "Europe/Rome");
        await DueAsync(rig, "m1", "Budget");

        // Friday 26 Mar 2027, winter time: 09:00 in Rome is 08:00 UTC.
        rig.Time.SetUtcNow(new DateTimeOffset(2027, 3, 26, 7, 59, 0, TimeSpan.Zero));
        Assert.Equal(0, await RunAsync(rig));
        rig.Time.SetUtcNow(new DateTimeOffset(2027, 3, 26, 8, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await RunAsync(rig));

        // Clocks go forward on Sunday 28 Mar: Monday 09:00 in Rome is 07:00 UTC.
        rig.Time.SetUtcNow(new DateTimeOffset(2027, 3, 29, 6, 59, 0, TimeSpan.Zero));
        Assert.Equal(0, await RunAsync(rig));
        rig.Time.SetUtcNow(new DateTimeOffset(2027, 3, 29, 7, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await RunAsync(rig));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Two_workers_on_one_database_send_one_digest_per_user(StorageProvider provider)
    {
        await using var rig = await SweepRig.CreateAsync(provider);
        var users = Enumerable.Range(1, 8).Select(i => $"tenant:user-{i}").ToList();
        foreach (var user in users)
        {
            await rig.Db.CreateIndex().SetMailboxAsync(user, [SweepRig.Me], "UTC", CancellationToken.None);
            await OptInAsync(rig, user, "UTC");
            await DueAsync(rig, $"m-{user}", "Budget", user: user);
        }

        rig.Time.SetUtcNow(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
        for (var round = 0; round < 3; round++)
        {
            var counts = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => RunAsync(rig))));
            Assert.Equal(round == 0 ? users.Count : 0, counts.Sum());
        }

        Assert.Equal(users.Count, Sent(rig).Count);
    }

    [Theory, OnSqlite]
    public async Task The_policy_sets_the_default_and_a_users_choice_wins(StorageProvider provider)
    {
        await using var rig = await SweepRig.CreateAsync(provider);
        await DueAsync(rig, "m1", "Budget");
        rig.Time.SetUtcNow(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));

        Assert.Equal(0, await RunAsync(rig)); // no policy, no choice: off

        await using (var context = rig.Db.CreateContext())
        {
            context.Set<TenantPolicyRow>().Add(new TenantPolicyRow
            {
                TenantId = "tenant", DefaultWindowHours = 24, MinWindowHours = 24, MaxWindowHours = 48, RetentionDays = 180, DigestDefault = true,
            });
            await context.SaveChangesAsync();
        }

        await OptInAsync(rig, User, "UTC", digest: false);
        Assert.Equal(0, await RunAsync(rig)); // opted out
        Assert.Empty(Sent(rig));

        await OptInAsync(rig, User, "UTC", digest: null);
        Assert.Equal(1, await RunAsync(rig)); // the policy's default
    }

    [Theory, OnSqlite]
    public async Task The_mail_lists_each_due_item_with_its_link_and_an_HTML_subject_stays_text(StorageProvider provider)
    {
        await using var rig = await SweepRig.CreateAsync(provider);
        await OptInAsync(rig, User, "UTC");
        await DueAsync(rig, "AAMk+a/b=", "Budget for Q3");
        await DueAsync(rig, "m2", "<b>Bold</b> & \"quoted\" <script>x()</script>");
        await DueAsync(rig, "m3", "Closed one", closed: true);
        rig.Time.SetUtcNow(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));

        Assert.Equal(1, await RunAsync(rig));
        var mail = Assert.Single(Sent(rig));
        Assert.Equal("2 follow-ups to look at today", mail["subject"]!.GetValue<string>());
        Assert.Equal(SweepRig.Me, mail["toRecipients"]![0]!["emailAddress"]!["address"]!.GetValue<string>());
        Assert.Equal("html", mail["body"]!["contentType"]!.GetValue<string>(), ignoreCase: true);
        var html = mail["body"]!["content"]!.GetValue<string>();
        Assert.Contains("<a href=\"https://outlook.office.com/mail/deeplink/read/AAMk%2Ba%2Fb%3D\">Budget for Q3</a>", html, StringComparison.Ordinal);
        Assert.Contains(
            "<a href=\"https://outlook.office.com/mail/deeplink/read/m2\">&lt;b&gt;Bold&lt;/b&gt; &amp; &quot;quoted&quot; &lt;script&gt;x()&lt;/script&gt;</a>",
            html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Closed one", html, StringComparison.Ordinal);
        Assert.DoesNotContain(rig.Server.Requests, r => r.Uri.AbsolutePath.Contains("sentitems", StringComparison.OrdinalIgnoreCase));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_failed_send_gives_the_day_back_and_the_next_round_sends(StorageProvider provider)
    {
        await using var rig = await SweepRig.CreateAsync(provider);
        await OptInAsync(rig, User, "UTC");
        await DueAsync(rig, "m1", "Budget");
        rig.Time.SetUtcNow(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
        rig.Server.Faults.Next(GraphMatch.Url("sendMail"), Fault.Unavailable());

        Assert.Equal(0, await RunAsync(rig));
        Assert.Empty(Sent(rig));
        rig.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await RunAsync(rig));
        Assert.Single(Sent(rig));
    }

    internal static async Task<int> RunAsync(SweepRig rig)
    {
        await using var context = rig.Db.CreateContext();
        return await Service(rig, context).RunOnceAsync(CancellationToken.None);
    }

    /// <summary>A fresh service on its own context, as a new scope (or another instance) makes it.</summary>
    internal static DigestService Service(SweepRig rig, FollowUpDbContext context)
    {
        var index = new ThreadIndex(context);
        return new DigestService(context, rig.Mailboxes, index, new ReminderStore(context, index, rig.Time), new SettingsStore(context, rig.Time),
            new DigestHours(context, rig.Time, NullLogger<DigestHours>.Instance), rig.Time, NullLogger<DigestService>.Instance);
    }

    internal static List<JsonObject> Sent(SweepRig rig) => [.. rig.Server.SentMail];

    /// <summary>Saves the user's settings row with the digest choice (null: the policy's default) and time zone.</summary>
    internal static async Task OptInAsync(SweepRig rig, string user, string timeZone, bool? digest = true, IReadOnlyList<string>? excludedSenders = null)
    {
        await using var context = rig.Db.CreateContext();
        var row = await context.Set<UserSettingsRow>().SingleOrDefaultAsync(s => s.UserKey == user);
        if (row is null)
        {
            row = new UserSettingsRow { UserKey = user, WindowHours = 24, LookbackDays = 30, SetOutlookFlags = true };
            context.Add(row);
        }

        row.TimeZone = timeZone;
        row.Digest = digest;
        row.ExcludedSenders = System.Text.Json.JsonSerializer.Serialize(excludedSenders ?? []);
        await context.SaveChangesAsync();
    }

    /// <summary>A reminder the due sweep already found due (or, with <paramref name="closed"/>, one since done).</summary>
    internal static async Task DueAsync(SweepRig rig, string messageId, string subject, string user = User, bool closed = false)
    {
        await using var context = rig.Db.CreateContext();
        var at = rig.Time.GetUtcNow().AddHours(-1);
        context.Set<ReminderRow>().Add(new ReminderRow
        {
            UserKey = user,
            Id = Guid.NewGuid().ToString("N"),
            MessageId = messageId,
            Subject = subject,
            RemindAt = at,
            CreatedAt = at.AddDays(-2),
            DueAt = at,
            DoneAt = closed ? at : null,
            DoneBy = closed ? ReminderClosedBy.User : null,
        });
        await context.SaveChangesAsync();
    }
}
