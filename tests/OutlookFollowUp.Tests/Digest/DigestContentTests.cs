using OutlookFollowUp.FollowUps;
using OutlookFollowUp.MailIndex;
using OutlookFollowUp.Reminders;
using OutlookFollowUp.Settings;
using OutlookFollowUp.Storage;
using static OutlookFollowUp.Tests.Digest.DigestTests;

namespace OutlookFollowUp.Tests.Digest;

/// <summary>
/// What the digest lists: the due reminders and the unanswered threads as the pane lists them, each linked, counted and
/// capped; and the whole mail in each of the five languages.
/// </summary>
[Trait("Needs", "Postgres")]
public sealed class DigestContentTests
{
    private const string User = SweepRig.User;
    private static readonly DateTimeOffset Tuesday9 = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    [Theory, OnSqlite, OnPostgres]
    public async Task Lists_due_reminders_and_both_directions_leaving_out_dismissed_snoozed_and_excluded_threads(StorageProvider provider)
    {
        await using var rig = await SweepRig.CreateAsync(provider);
        rig.Time.SetUtcNow(Tuesday9);
        await OptInAsync(rig, User, "UTC", excludedSenders: ["news@contoso.com"]);
        await DueAsync(rig, "due-1", "Budget");
        var since = new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);
        await ThreadsAsync(rig,
            Thread(FollowUpDirection.Theirs, "quote", "Quote for the fair", since, ("ana@fabrikam.com", "Ana Ruiz")),
            Thread(FollowUpDirection.Theirs, "offsite", "Offsite <dates>", since.AddHours(1), ("ben@fabrikam.com", null), ("carla@fabrikam.com", "Carla"), ("dan@fabrikam.com", "Dan")),
            Thread(FollowUpDirection.Mine, "contract", "Contract & terms", since.AddHours(2), ("eve@fabrikam.com", "Eve")),
            Thread(FollowUpDirection.Mine, "dismissed", "Dismissed one", since.AddHours(3), ("fay@fabrikam.com", "Fay")),
            Thread(FollowUpDirection.Theirs, "snoozed", "Snoozed one", since.AddHours(4), ("gus@fabrikam.com", "Gus")),
            Thread(FollowUpDirection.Mine, "excluded", "Excluded one", since.AddHours(5), ("news@contoso.com", "News")));
        await using (var context = rig.Db.CreateContext())
        {
            Assert.NotNull(await new DismissalStore(context, rig.Time).DismissAsync(User, "dismissed", CancellationToken.None));
        }

        await ScheduledAsync(rig, "msg-snoozed", Tuesday9.AddDays(2));

        Assert.Equal(1, await RunAsync(rig));
        var mail = Assert.Single(Sent(rig));
        var html = mail["body"]!["content"]!.GetValue<string>();
        Assert.Equal("4 follow-ups to look at today", mail["subject"]!.GetValue<string>());
        Assert.Contains("<h2>Reminders due (1)</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<h2>Waiting on them (2)</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<h2>Waiting on you (1)</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<li><a href=\"https://outlook.office.com/mail/deeplink/read/due-1\">Budget</a> — due since Tue, Nov 24, 8:00 AM</li>", html, StringComparison.Ordinal);
        Assert.Contains("<li><a href=\"https://outlook.office.com/mail/deeplink/read/msg-quote\">Quote for the fair</a> — you wrote to Ana Ruiz on Fri, Nov 20</li>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://outlook.office.com/mail/deeplink/read/msg-offsite\">Offsite &lt;dates&gt;</a> — you wrote to ben@fabrikam.com and 2 others on Fri, Nov 20", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://outlook.office.com/mail/deeplink/read/msg-contract\">Contract &amp; terms</a> — Eve wrote to you on Fri, Nov 20", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Dismissed one", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Snoozed one", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Excluded one", html, StringComparison.Ordinal);
        Assert.DoesNotContain("more in the Follow-ups pane", html, StringComparison.Ordinal);
    }

    [Theory, OnSqlite]
    public async Task Unanswered_threads_alone_make_a_digest(StorageProvider provider)
    {
        await using var rig = await SweepRig.CreateAsync(provider);
        await OptInAsync(rig, User, "UTC");
        await ThreadsAsync(rig, Thread(FollowUpDirection.Mine, "contract", "Contract", Tuesday9.AddDays(-3), ("eve@fabrikam.com", "Eve")));
        rig.Time.SetUtcNow(Tuesday9);

        Assert.Equal(1, await RunAsync(rig));
        var html = Assert.Single(Sent(rig))["body"]!["content"]!.GetValue<string>();
        Assert.Contains("<h2>Waiting on you (1)</h2>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Reminders due", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Waiting on them", html, StringComparison.Ordinal);
    }

    [Theory, OnSqlite]
    public async Task Each_section_shows_ten_lines_oldest_first_and_counts_the_rest(StorageProvider provider)
    {
        await using var rig = await SweepRig.CreateAsync(provider);
        await OptInAsync(rig, User, "UTC");
        var start = Tuesday9.AddDays(-7);
        await ThreadsAsync(rig, [.. Enumerable.Range(1, 22).Select(i =>
            Thread(FollowUpDirection.Mine, $"t{i:00}", $"Question {i:00}", start.AddHours(i), ("eve@fabrikam.com", "Eve")))]);
        rig.Time.SetUtcNow(Tuesday9);

        Assert.Equal(1, await RunAsync(rig));
        var mail = Assert.Single(Sent(rig));
        var html = mail["body"]!["content"]!.GetValue<string>();
        Assert.Equal("22 follow-ups to look at today", mail["subject"]!.GetValue<string>());
        Assert.Contains("<h2>Waiting on you (22)</h2>", html, StringComparison.Ordinal);
        Assert.Equal(10, html.Split("<li>").Length - 1);
        Assert.Contains("Question 01", html, StringComparison.Ordinal);
        Assert.Contains("Question 10", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Question 11", html, StringComparison.Ordinal);
        Assert.Contains("<p>And 12 more in the Follow-ups pane.</p>", html, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string, string, string> Languages => new()
    {
        { "en", "2 follow-ups to look at today", "Reminders due (1)", "<a href=\"https://outlook.office.com/mail/deeplink/read/due-1\">Budget &amp; plan</a> — due since Tue, Nov 24, 8:00 AM", "— Eve wrote to you on Fri, Nov 20" },
        { "it", "2 follow-up da guardare oggi", "Promemoria scaduti (1)", "<a href=\"https://outlook.office.com/mail/deeplink/read/due-1\">Budget &amp; plan</a> — promemoria scaduto il mar 24 nov, 08:00", "— Eve ti ha scritto il ven 20 nov" },
        { "de", "2 Follow-ups für heute", "Fällige Erinnerungen (1)", "<a href=\"https://outlook.office.com/mail/deeplink/read/due-1\">Budget &amp; plan</a> — fällig seit Di, 24. Nov., 08:00", "— Eve hat Ihnen am Fr, 20. Nov. geschrieben" },
        { "fr", "2 relances à regarder aujourd’hui", "Rappels à traiter (1)", "<a href=\"https://outlook.office.com/mail/deeplink/read/due-1\">Budget &amp; plan</a> — à relancer depuis le mar. 24 nov., 08:00", "— Eve vous a écrit le ven. 20 nov." },
        { "es", "2 seguimientos para revisar hoy", "Avisos pendientes (1)", "<a href=\"https://outlook.office.com/mail/deeplink/read/due-1\">Budget &amp; plan</a> — pendiente desde el mar 24 nov, 8:00", "— Eve le escribió el vie 20 nov" },
    };

    [Theory, MemberData(nameof(Languages))]
    public async Task The_mail_is_in_the_users_language_with_dates_in_their_culture(string language, string subject, string heading, string dueLine, string mineLine)
    {
        await using var rig = await SweepRig.CreateAsync(StorageProvider.Sqlite);
        await OptInAsync(rig, User, "UTC");
        await using (var context = rig.Db.CreateContext())
        {
            await new SettingsStore(context, rig.Time).SetLanguageAsync(User, language, CancellationToken.None);
        }

        rig.Time.SetUtcNow(Tuesday9);
        await DueAsync(rig, "due-1", "Budget & plan");
        await ThreadsAsync(rig, Thread(FollowUpDirection.Mine, "contract", "Contract", new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero), ("eve@fabrikam.com", "Eve")));

        Assert.Equal(1, await RunAsync(rig));
        var mail = Assert.Single(Sent(rig));
        var html = mail["body"]!["content"]!.GetValue<string>();
        Assert.Equal(subject, mail["subject"]!.GetValue<string>());
        Assert.StartsWith($"<html lang=\"{language}\">", html, StringComparison.Ordinal);
        Assert.Contains($"<h2>{heading}</h2>", html, StringComparison.Ordinal);
        Assert.Contains(dueLine, html, StringComparison.Ordinal);
        Assert.Contains(mineLine, html, StringComparison.Ordinal);
    }

    private static FollowUp Thread(FollowUpDirection direction, string key, string subject, DateTimeOffset since, params (string Address, string? Name)[] people) =>
        new(direction, $"<{key}@fabrikam.com>", $"msg-{key}", key, since, subject, [.. people.Select(p => p.Address)], "reason")
        {
            People = [.. people.Select(p => new MailAddress(p.Address, p.Name))],
        };

    private static async Task ThreadsAsync(SweepRig rig, params FollowUp[] threads)
    {
        await using var context = rig.Db.CreateContext();
        await new ThreadIndex(context).ReplaceThreadsAsync(User, threads, rig.Time.GetUtcNow(), CancellationToken.None);
    }

    /// <summary>A thread snoozed in the pane: its reminder is scheduled for later.</summary>
    private static async Task ScheduledAsync(SweepRig rig, string messageId, DateTimeOffset at)
    {
        await using var context = rig.Db.CreateContext();
        context.Set<ReminderRow>().Add(new ReminderRow
        {
            UserKey = User, Id = Guid.NewGuid().ToString("N"), MessageId = messageId, Subject = "Snoozed one",
            RemindAt = at, CreatedAt = rig.Time.GetUtcNow(), SweepAt = at,
        });
        await context.SaveChangesAsync();
    }
}
