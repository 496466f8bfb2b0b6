using OutlookFollowUp.Reminders;
using OutlookFollowUp.Settings;
using OutlookFollowUp.Storage;
using static OutlookFollowUp.Tests.Digest.DigestTests;

namespace OutlookFollowUp.Tests.Routes;

/// <summary>The morning digest says which reminders were answered another way since yesterday, in the user's language.</summary>
public sealed class RouteDigestTests
{
    private const string User = SweepRig.User;
    private static readonly DateTimeOffset Tuesday9 = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    public static TheoryData<string?, string, string> Languages => new()
    {
        { null, "<h2>Answered another way (2)</h2>", "Contract</a> — Ben answered in Teams on Mon 16:30</li>" },
        { "it", "<h2>Risposte arrivate per altre vie (2)</h2>", "Contract</a>: Ben ha risposto su Teams: lun 16:30</li>" },
        { "de", "<h2>Auf anderem Weg beantwortet (2)</h2>", "Contract</a>: Ben hat in Teams geantwortet: Mo, 16:30</li>" },
        { "fr", "<h2>Réponses arrivées autrement (2)</h2>", "Contract</a>&#x202F;: Ben a répondu dans Teams le lun. 16:30</li>" },
        { "es", "<h2>Respondidos por otra vía (2)</h2>", "Contract</a>: Ben respondió en Teams el lun 16:30</li>" },
    };

    [Theory, MemberData(nameof(Languages))]
    public async Task The_digest_says_how_reminders_were_answered(string? language, string heading, string line)
    {
        await using var rig = await SweepRig.CreateAsync(StorageProvider.Sqlite);
        rig.Time.SetUtcNow(Tuesday9);
        await OptInAsync(rig, User, "Europe/Berlin");
        await DueAsync(rig, "due-1", "Budget");
        await using (var context = rig.Db.CreateContext())
        {
            if (language is not null)
            {
                await new SettingsStore(context, rig.Time).SetLanguageAsync(User, language, CancellationToken.None);
            }

            await new OutlookFollowUp.MailIndex.ThreadIndex(context).SetMailboxAsync(User, [SweepRig.Me], "Europe/Berlin", CancellationToken.None);
            context.Set<ReminderRow>().AddRange(
                Answered("contract", "Contract", "Ben", new RouteResolution(OutlookFollowUp.FollowUps.AnswerRoute.Teams, Tuesday9.AddHours(-17.5), null, null)),
                Answered("offsite", "Offsite", "Jonas", new RouteResolution(OutlookFollowUp.FollowUps.AnswerRoute.Colleague, null, new("mia@northwind.example", "Mia"), null)),
                Answered("quote", "Quote", "Ana", null),
                Answered("old", "Last week", "Ben", new RouteResolution(OutlookFollowUp.FollowUps.AnswerRoute.Teams, Tuesday9.AddDays(-3), null, null), Tuesday9.AddDays(-3)));
            await context.SaveChangesAsync();
        }

        Assert.Equal(1, await RunAsync(rig));
        var html = Assert.Single(Sent(rig))["body"]!["content"]!.GetValue<string>();

        Assert.Contains(heading, html, StringComparison.Ordinal);
        Assert.Contains(line, html, StringComparison.Ordinal);
        Assert.Contains("Jonas", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Quote", html, StringComparison.Ordinal); // answered by mail: nothing to say
        Assert.DoesNotContain("Last week", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answers_alone_make_no_digest()
    {
        await using var rig = await SweepRig.CreateAsync(StorageProvider.Sqlite);
        rig.Time.SetUtcNow(Tuesday9);
        await OptInAsync(rig, User, "UTC");
        await using (var context = rig.Db.CreateContext())
        {
            context.Set<ReminderRow>().Add(Answered("contract", "Contract", "Ben", new RouteResolution(OutlookFollowUp.FollowUps.AnswerRoute.Teams, Tuesday9.AddHours(-2), null, null)));
            await context.SaveChangesAsync();
        }

        Assert.Equal(0, await RunAsync(rig));
    }

    private static ReminderRow Answered(string id, string subject, string by, RouteResolution? route, DateTimeOffset? at = null) => new()
    {
        UserKey = User,
        Id = id,
        MessageId = "msg-" + id,
        Subject = subject,
        RemindAt = Tuesday9.AddDays(1),
        CreatedAt = Tuesday9.AddDays(-4),
        ResolvedAt = at ?? Tuesday9.AddHours(-12),
        ResolvedByAddress = by.ToLowerInvariant() + "@fabrikam.com",
        ResolvedByName = by,
        ResolvedRoute = route?.ToStored(),
    };
}
