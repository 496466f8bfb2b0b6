using OutlookFollowUp.FollowUps;
using OutlookFollowUp.GraphSimulator;
using OutlookFollowUp.Reminders;
using OutlookFollowUp.Routes;
using OutlookFollowUp.Storage;

namespace OutlookFollowUp.Tests.Routes;

/// <summary>
/// The due sweep and the other routes: a reminder coming due waits for a small meeting ahead with its counterpart (a
/// series holds it once), is answered by that meeting once it took place, by a Teams chat, or by a colleague's reply,
/// and says so in <c>resolvedBy</c> (route and note) on SQLite and PostgreSQL.
/// </summary>
[Trait("Needs", "Postgres")]
public sealed class RouteReminderSweepTests
{
    private const string Ana = "ana@fabrikam.com";
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static ReminderSweep Sweep(SweepRig rig) => rig.Sweep();

    private static async Task FactsAsync(SweepRig rig, IReadOnlyList<ChatFact>? chats = null, params MeetingFact[] meetings)
    {
        await using var context = rig.Db.CreateContext();
        await new RouteStore(context).SaveAsync(RouteSnapshot.Empty(SweepRig.User) with
        {
            Chats = [.. (chats ?? []).Select(c => new StoredChat("chat-" + c.Counterpart, c.Counterpart, "u", null, c.LastFromThemAt, c.LastFromThemAt, c.LastFromMeAt))],
            Meetings = meetings,
        }, Ct);
    }

    private static MeetingFact Meeting(DateTimeOffset start, string id = "m1", string? series = null, AttendeeResponse response = AttendeeResponse.Accepted) =>
        new(id, start, start.AddHours(1), new MeetingAttendee(SweepRig.Me, Response: AttendeeResponse.Organizer), [new MeetingAttendee(Ana, "Ana", response)], SeriesId: series);

    [Theory, OnSqlite, OnPostgres]
    public async Task A_meeting_tomorrow_holds_the_reminder_until_it_ends_then_answers_it(StorageProvider provider)
    {
        await using var rig = await SweepRig.CreateAsync(provider);
        var start = rig.Time.GetUtcNow();
        rig.Sent("s1", start.AddHours(-1));
        var id = await rig.RemindAsync("s1", start.AddHours(24));
        rig.Time.Advance(TimeSpan.FromHours(25));
        var meeting = Meeting(rig.Time.GetUtcNow().AddHours(20));
        await FactsAsync(rig, null, meeting);

        var first = await Sweep(rig).RunOnceAsync(Ct);
        var held = rig.Reminder(await rig.RowAsync(id));

        Assert.Equal((1, 0, ReminderStatus.Scheduled, meeting.End), (first.Claimed, first.Due, held.Status, held.RemindAt));
        Assert.Equal(["Ana"], held.Hold!.Names);
        Assert.Matches(@"^You meet Ana on \w{3}; reminder moved to \w{3} \d\d:\d\d$", held.Hold.Note);

        rig.Time.Advance(TimeSpan.FromHours(21.5));
        var second = await Sweep(rig).RunOnceAsync(Ct);
        var answered = rig.Reminder(await rig.RowAsync(id));

        Assert.Equal((1, ReminderStatus.Resolved, AnswerRoute.Meeting), (second.Resolved, answered.Status, answered.ResolvedBy!.Route));
        Assert.Equal((Ana, meeting.Start), (answered.ResolvedBy.Address, answered.ResolvedBy.At));
        Assert.StartsWith("You met Ana on ", answered.ResolvedBy.Note, StringComparison.Ordinal);
        Assert.Null(answered.Hold);
    }

    [Theory, OnSqlite]
    public async Task A_series_holds_a_reminder_once_the_next_occurrence_does_not_hold_it_again(StorageProvider provider)
    {
        await using var rig = await SweepRig.CreateAsync(provider);
        var start = rig.Time.GetUtcNow();
        rig.Sent("s1", start.AddHours(-1));
        var id = await rig.RemindAsync("s1", start.AddHours(24));
        rig.Time.Advance(TimeSpan.FromHours(25));
        var now = rig.Time.GetUtcNow();
        await FactsAsync(rig, null, Meeting(now.AddHours(2), "w1", "weekly"), Meeting(now.AddDays(7).AddHours(2), "w2", "weekly"));
        await Sweep(rig).RunOnceAsync(Ct);

        // Ana declined that occurrence after all; the next one, a week later, is of the same series.
        await FactsAsync(rig, null, Meeting(now.AddHours(2), "w1", "weekly", AttendeeResponse.Declined), Meeting(now.AddDays(7).AddHours(2), "w2", "weekly"));
        rig.Time.Advance(TimeSpan.FromHours(3.5));
        var counts = await Sweep(rig).RunOnceAsync(Ct);

        Assert.Equal((1, ReminderStatus.Due), (counts.Due, rig.Reminder(await rig.RowAsync(id)).Status));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_Teams_answer_after_the_message_resolves_the_reminder_by_route_teams(StorageProvider provider)
    {
        await using var rig = await SweepRig.CreateAsync(provider);
        var start = rig.Time.GetUtcNow();
        rig.Sent("s1", start.AddHours(-1));
        var id = await rig.RemindAsync("s1", start.AddHours(24));
        rig.Time.Advance(TimeSpan.FromHours(25));
        await FactsAsync(rig, [new ChatFact(Ana, start.AddHours(3), null)]);

        var counts = await Sweep(rig).RunOnceAsync(Ct);
        var reminder = rig.Reminder(await rig.RowAsync(id));

        Assert.Equal((1, AnswerRoute.Teams, Ana, start.AddHours(3)), (counts.Resolved, reminder.ResolvedBy!.Route, reminder.ResolvedBy.Address, reminder.ResolvedBy.At));
        Assert.Equal("complete", rig.FlagStatus("s1"));
    }

    [Theory, OnSqlite]
    public async Task A_colleagues_reply_resolves_it_by_route_colleague_for_the_person_asked(StorageProvider provider)
    {
        await using var rig = await SweepRig.CreateAsync(provider);
        var start = rig.Time.GetUtcNow();
        rig.Sent("s1", start.AddHours(-1));
        var id = await rig.RemindAsync("s1", start.AddHours(24));
        rig.Mailbox.Put("inbox", Messages.Message("r1", start.AddHours(2), "jonas@fabrikam.com") with { ConversationId = "conv-s1", From = new InMemoryAddress("jonas@fabrikam.com", "Jonas") });
        rig.Time.Advance(TimeSpan.FromHours(25));

        await Sweep(rig).RunOnceAsync(Ct);
        var by = rig.Reminder(await rig.RowAsync(id)).ResolvedBy!;

        Assert.Equal((AnswerRoute.Colleague, "jonas@fabrikam.com", Ana), (by.Route, by.Address, by.For!.Address));
        Assert.Equal("Jonas answered for Ana", by.Note);
    }

    [Theory, OnSqlite]
    public async Task A_reply_by_the_person_asked_is_route_mail(StorageProvider provider)
    {
        await using var rig = await SweepRig.CreateAsync(provider);
        var start = rig.Time.GetUtcNow();
        rig.Sent("s1", start.AddHours(-1));
        var id = await rig.RemindAsync("s1", start.AddHours(24));
        rig.Reply("r1", "s1", start.AddHours(2));
        rig.Time.Advance(TimeSpan.FromHours(25));

        await Sweep(rig).RunOnceAsync(Ct);
        var by = rig.Reminder(await rig.RowAsync(id)).ResolvedBy!;

        Assert.Equal((AnswerRoute.Mail, null, null), (by.Route, by.For, by.Note));
    }
}
