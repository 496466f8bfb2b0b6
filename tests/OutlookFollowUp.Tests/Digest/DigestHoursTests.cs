using OutlookFollowUp.GraphSimulator;
using OutlookFollowUp.Storage;
using static OutlookFollowUp.Tests.Digest.DigestTests;

namespace OutlookFollowUp.Tests.Digest;

/// <summary>
/// The digest at the start of the user's own working hours, read from Graph's mailboxSettings (the in-memory Graph
/// server through the Graph SDK) at most once a day, on a fake clock.
/// </summary>
[Trait("Needs", "Postgres")]
public sealed class DigestHoursTests
{
    private const string User = SweepRig.User;

    private static readonly DayOfWeek[] TuesdayToSaturday =
        [DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday];

    private static DateTimeOffset Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    [Theory, OnSqlite, OnPostgres]
    public async Task Working_hours_Tuesday_to_Saturday_10_to_18_in_New_York_decide_the_day_and_the_hour(StorageProvider provider)
    {
        await using var rig = await SweepRig.CreateAsync(provider);
        rig.Mailbox.WorkingHours = new InMemoryWorkingHours(TuesdayToSaturday, new TimeOnly(10, 0), new TimeOnly(18, 0), "America/New_York");
        await OptInAsync(rig, User, "Europe/Rome"); // the settings' zone: not what working hours are in
        await DueAsync(rig, "m1", "Budget");

        var expectations = new (DateTimeOffset At, int Sent)[]
        {
            (Utc(11, 23, 15), 0),     // Monday 10:00 in New York: not a working day
            (Utc(11, 24, 8), 0),      // Tuesday 09:00 in Rome, 03:00 in New York
            (Utc(11, 24, 14, 59), 0), // Tuesday 09:59 in New York
            (Utc(11, 24, 15), 1),     // Tuesday 10:00 in New York
            (Utc(11, 24, 22, 59), 0), // the same day, 17:59: sent already
            (Utc(11, 25, 23), 0),     // Wednesday 18:00 in New York: the working day ended
            (Utc(11, 28, 15), 1),     // Saturday 10:00
            (Utc(11, 29, 15), 0),     // Sunday
            (Utc(11, 30, 15), 0),     // Monday
            (Utc(12, 1, 15), 1),      // Tuesday again
        };
        foreach (var (at, sent) in expectations)
        {
            rig.Time.SetUtcNow(at);
            Assert.True(sent == await RunAsync(rig), $"at {at:u}");
        }

        Assert.Equal(3, Sent(rig).Count);
    }

    [Theory, OnSqlite]
    public async Task The_mailbox_settings_are_read_once_a_day_however_many_rounds_run(StorageProvider provider)
    {
        await using var rig = await SweepRig.CreateAsync(provider);
        rig.Mailbox.WorkingHours = new InMemoryWorkingHours(TuesdayToSaturday, new TimeOnly(10, 0), new TimeOnly(18, 0), "America/New_York");
        await OptInAsync(rig, User, "UTC");
        await DueAsync(rig, "m1", "Budget");

        rig.Time.SetUtcNow(Utc(11, 24, 0));
        for (var round = 0; round < 72 * 4; round++) // every 15 minutes for three days
        {
            await RunAsync(rig);
            rig.Time.Advance(TimeSpan.FromMinutes(15));
        }

        Assert.Equal(3, MailboxSettingsReads(rig));
        Assert.Equal(3, Sent(rig).Count); // Tuesday, Wednesday and Thursday
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_new_time_zone_in_Outlook_counts_from_the_next_daily_read_and_never_sends_twice_on_one_local_day(StorageProvider provider)
    {
        await using var rig = await SweepRig.CreateAsync(provider);
        var weekdays = new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday };
        rig.Mailbox.WorkingHours = new InMemoryWorkingHours(weekdays, new TimeOnly(9, 0), new TimeOnly(17, 0), "America/New_York");
        await OptInAsync(rig, User, "UTC");
        await DueAsync(rig, "m1", "Budget");

        rig.Time.SetUtcNow(Utc(11, 24, 14)); // Tuesday 09:00 in New York
        Assert.Equal(1, await RunAsync(rig));

        // The user flies to Tokyo and Outlook follows; the hours read on Tuesday stand until Wednesday 14:00 UTC.
        rig.Mailbox.WorkingHours = rig.Mailbox.WorkingHours with { TimeZone = "Asia/Tokyo" };
        rig.Time.SetUtcNow(Utc(11, 25, 0)); // Wednesday 09:00 in Tokyo, Tuesday 19:00 in New York
        Assert.Equal(0, await RunAsync(rig));
        rig.Time.SetUtcNow(Utc(11, 25, 14)); // read again: Wednesday 23:00 in Tokyo, after hours
        Assert.Equal(0, await RunAsync(rig));
        rig.Time.SetUtcNow(Utc(11, 26, 0)); // Thursday 09:00 in Tokyo
        Assert.Equal(1, await RunAsync(rig));
        rig.Time.SetUtcNow(Utc(11, 26, 7, 59)); // Thursday 16:59 in Tokyo
        Assert.Equal(0, await RunAsync(rig));

        Assert.Equal(2, Sent(rig).Count);
        Assert.Equal(2, MailboxSettingsReads(rig));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Unreadable_working_hours_fall_back_to_9_to_5_in_the_users_zone_and_are_read_again_after_an_hour(StorageProvider provider)
    {
        await using var rig = await SweepRig.CreateAsync(provider);
        rig.Mailbox.WorkingHours = new InMemoryWorkingHours(TuesdayToSaturday, new TimeOnly(10, 0), new TimeOnly(18, 0), "America/New_York");
        await OptInAsync(rig, User, "Europe/Rome");
        await DueAsync(rig, "m1", "Budget");
        rig.Server.Faults.Next(GraphMatch.Url("mailboxSettings"), Fault.Unavailable());

        rig.Time.SetUtcNow(Utc(11, 24, 8)); // Tuesday 09:00 in Rome: the fallback's start
        Assert.Equal(1, await RunAsync(rig));
        rig.Time.SetUtcNow(Utc(11, 24, 8, 59));
        Assert.Equal(0, await RunAsync(rig));
        Assert.Equal(1, MailboxSettingsReads(rig));

        rig.Time.SetUtcNow(Utc(11, 25, 8)); // Wednesday 09:00 in Rome, 03:00 in New York: read again, New York's hours now
        Assert.Equal(0, await RunAsync(rig));
        Assert.Equal(2, MailboxSettingsReads(rig));
        rig.Time.SetUtcNow(Utc(11, 25, 15)); // Wednesday 10:00 in New York
        Assert.Equal(1, await RunAsync(rig));
        Assert.Equal(2, Sent(rig).Count);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Two_instances_with_working_hours_send_once_and_read_the_hours_once_between_them(StorageProvider provider)
    {
        await using var rig = await SweepRig.CreateAsync(provider);
        rig.Mailbox.WorkingHours = new InMemoryWorkingHours(TuesdayToSaturday, new TimeOnly(10, 0), new TimeOnly(18, 0), "America/New_York");
        var users = Enumerable.Range(1, 6).Select(i => $"tenant:hours-{i}").ToList();
        foreach (var user in users)
        {
            await rig.Db.CreateIndex().SetMailboxAsync(user, [SweepRig.Me], "UTC", CancellationToken.None);
            await OptInAsync(rig, user, "UTC");
            await DueAsync(rig, $"m-{user}", "Budget", user: user);
        }

        rig.Time.SetUtcNow(Utc(11, 24, 15)); // Tuesday 10:00 in New York
        var first = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => RunAsync(rig))));
        var reads = MailboxSettingsReads(rig);
        for (var round = 0; round < 3; round++)
        {
            rig.Time.Advance(TimeSpan.FromMinutes(1));
            var counts = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => RunAsync(rig))));
            Assert.Equal(0, counts.Sum());
        }

        Assert.Equal(users.Count, first.Sum());
        Assert.Equal(users.Count, Sent(rig).Count);
        Assert.Equal(users.Count, reads); // the instance that took the read reads; the other waits a round
        Assert.Equal(reads, MailboxSettingsReads(rig)); // later rounds read the stored hours
    }

    private static int MailboxSettingsReads(SweepRig rig) =>
        rig.Server.Requests.Count(r => r.Uri.AbsolutePath.EndsWith("/mailboxSettings", StringComparison.OrdinalIgnoreCase));
}
