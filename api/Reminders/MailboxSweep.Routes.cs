using Microsoft.EntityFrameworkCore;
using OutlookFollowUp.FollowUps;

namespace OutlookFollowUp.Reminders;

/// <summary>The due sweep and the other routes of an answer: a chat or a meeting answers, a meeting ahead holds.</summary>
internal sealed partial class MailboxSweep
{
    /// <summary>The tracked message in its conversation; null when it left the mailbox.</summary>
    private static MailRecord? Tracked(ReminderRow row, IReadOnlyList<MailRecord> conversation) =>
        conversation.FirstOrDefault(m => m.Id == row.MessageId || (row.InternetMessageId is not null && m.InternetMessageId == row.InternetMessageId));

    /// <summary>A counterpart of the tracked message answered in Teams or in a meeting after it (the last route check's facts).</summary>
    private static RouteAnswer? RouteAnswer(ReminderRow row, IReadOnlyList<MailRecord> conversation, IReadOnlyList<string> me, RouteFacts facts, DetectionOptions options)
    {
        if (Tracked(row, conversation) is not { Date: { } sent } tracked)
        {
            return null;
        }

        var (people, direction) = OtherRoutes.Counterparts(tracked, me);
        return OtherRoutes.AnswerOfAny(people, direction, sent, facts, options);
    }

    /// <summary>
    /// Reminders coming due with a small meeting ahead with a counterpart (starting within a week, or under way): their
    /// time moves to the meeting's end, with a note; at that time the meeting has answered them. A series holds a
    /// reminder once (one occurrence at a time), so a weekly one-on-one cannot hold it for ever.
    /// </summary>
    /// <returns>The ids of the reminders held.</returns>
    private async Task<HashSet<string>> HoldForMeetingsAsync(
        string userKey, IReadOnlyList<(ReminderRow Row, IReadOnlyList<MailRecord> Conversation)> waiting, IReadOnlyList<string> me,
        RouteFacts facts, DetectionOptions options, RouteNoteTexts notes, string claimId, CancellationToken ct)
    {
        var held = new HashSet<string>(StringComparer.Ordinal);
        if (facts.Meetings.Count == 0)
        {
            return held;
        }

        foreach (var (row, conversation) in waiting)
        {
            var before = MeetingHoldNote.FromStored(row.RouteHold)?.SeriesId;
            if (Tracked(row, conversation) is not { Date: { } sent } tracked
                || OtherRoutes.HoldOfAny(OtherRoutes.Counterparts(tracked, me).People, sent, facts, options, before) is not { } hold)
            {
                continue;
            }

            var (texts, zone) = await notes.GetAsync(ct);
            var meeting = hold.Meetings[0];
            var note = new MeetingHoldNote([.. meeting.With.Select(ReasonText.Name)], meeting.Start, hold.Until,
                texts.MeetingHeld(hold, zone, options.Now), meeting.SeriesId ?? meeting.MeetingId).ToStored();
            var until = hold.Until;
            var changed = await db.Set<ReminderRow>()
                .Where(r => r.UserKey == userKey && r.Id == row.Id && r.ClaimId == claimId && r.DoneAt == null && r.ResolvedAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.RemindAt, until).SetProperty(r => r.SweepAt, (DateTimeOffset?)until)
                    .SetProperty(r => r.ClaimId, (string?)null).SetProperty(r => r.SweepAttempts, 0).SetProperty(r => r.RouteHold, note), ct);
            if (changed > 0)
            {
                held.Add(row.Id);
            }
        }

        if (held.Count > 0)
        {
            Telemetry.FollowUpTelemetry.Reminders("held_meeting", held.Count);
        }

        return held;
    }
}
