using OutlookFollowUp.FollowUps;
using OutlookFollowUp.MailIndex;
using OutlookFollowUp.Settings;
using OutlookFollowUp.Storage;
using static OutlookFollowUp.Tests.Digest.DigestTests;

namespace OutlookFollowUp.Tests.Digest;

/// <summary>The digest lists the unanswered threads of the user's mode of rule 9, as the pane does.</summary>
[Trait("Needs", "Postgres")]
public sealed class DigestModeTests
{
    private const string User = SweepRig.User;
    private static readonly DateTimeOffset Tuesday9 = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    [Theory, OnSqlite, OnPostgres]
    public async Task By_default_a_thread_that_asks_nothing_is_left_out_and_with_every_thread_it_is_listed(StorageProvider provider)
    {
        await using var rig = await SweepRig.CreateAsync(provider);
        await OptInAsync(rig, User, "UTC");
        var since = Tuesday9.AddDays(-3);
        var asks = Thread("contract", "Contract terms", since);
        var thanks = Thread("thanks", "Thanks for the notes", since.AddHours(1));
        await using (var context = rig.Db.CreateContext())
        {
            await new ThreadIndex(context).ReplaceThreadsAsync(User, new ComputedThreads([asks, thanks], [asks]), rig.Time.GetUtcNow(), CancellationToken.None);
        }

        rig.Time.SetUtcNow(Tuesday9);
        Assert.Equal(1, await RunAsync(rig));
        await using (var context = rig.Db.CreateContext())
        {
            await new SettingsStore(context, rig.Time).SetChoicesAsync(User, language: null, allUnanswered: true, CancellationToken.None);
        }

        rig.Time.SetUtcNow(Tuesday9.AddDays(1));
        Assert.Equal(1, await RunAsync(rig));

        var (first, second) = (Html(Sent(rig)[0]), Html(Sent(rig)[1]));
        Assert.Contains("Contract terms", first, StringComparison.Ordinal);
        Assert.DoesNotContain("Thanks for the notes", first, StringComparison.Ordinal);
        Assert.Contains("Thanks for the notes", second, StringComparison.Ordinal);
    }

    private static string Html(System.Text.Json.Nodes.JsonObject mail) => mail["body"]!["content"]!.GetValue<string>();

    private static FollowUp Thread(string key, string subject, DateTimeOffset since) =>
        new(FollowUpDirection.Mine, $"<{key}@fabrikam.com>", $"msg-{key}", key, since, subject, ["eve@fabrikam.com"], "reason")
        {
            People = [new MailAddress("eve@fabrikam.com", "Eve")],
        };
}
