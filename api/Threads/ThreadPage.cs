using System.Buffers.Text;
using System.Globalization;
using System.Text;
using OutlookFollowUp.FollowUps;
using OutlookFollowUp.Reminders;
using OutlookFollowUp.Settings;

namespace OutlookFollowUp.Threads;

/// <summary>One page of the pane's list: dismissed and excluded threads dropped, each thread's reminder attached.</summary>
public sealed record ThreadPage(IReadOnlyList<(FollowUp Thread, ReminderState? Reminder)> Items, string? NextCursor);

/// <summary>
/// Composes GET /api/threads from the index's threads (oldest first) and the user's reminders, dismissals and
/// exclusions. Pure, so the paging rules are tested without a database.
/// </summary>
public static class ThreadPaging
{
    public const int DefaultTop = 50;
    public const int MaxTop = 200;

    public static ThreadPage Page(
        IReadOnlyList<FollowUp> threads,
        IReadOnlyList<Reminder> reminders,
        IReadOnlyDictionary<string, DateTimeOffset> dismissedUpTo,
        UserSettings settings,
        int top,
        Cursor? after)
    {
        var open = reminders.Where(r => r.Status != ReminderStatus.Done).ToArray();
        var visible = threads
            // Rule 8: hidden until a message newer than the one it was dismissed at.
            .Where(t => !(dismissedUpTo.TryGetValue(t.ThreadKey, out var upTo) && t.Since <= upTo))
            .Where(t => !settings.Excludes(t))
            .Where(t => after is null || after.IsBefore(t))
            .Take(top + 1)
            .ToArray();
        var items = visible.Take(top).Select(t => (t, ReminderFor(t, open))).ToArray();
        return new ThreadPage(items, visible.Length > top ? Cursor.After(visible[top - 1]).Encode() : null);
    }

    private static ReminderState? ReminderFor(FollowUp thread, Reminder[] open) =>
        open.Where(r => (r.MessageId is not null && r.MessageId == thread.MessageId)
                || (r.InternetMessageId is not null && r.InternetMessageId == thread.InternetMessageId)
                || (r.ThreadKey is not null && r.ThreadKey == thread.ThreadKey))
            .OrderBy(r => r.RemindAt)
            .Select(r => new ReminderState(r.Id, r.RemindAt, r.Status))
            .FirstOrDefault();
}

/// <summary>Where a page ends, in the list's order (since, then thread key). Opaque to clients: base64url text.</summary>
public sealed record Cursor(long SinceTicks, string ThreadKey)
{
    private const int MaxLength = 2048;

    public static Cursor After(FollowUp thread) => new(thread.Since.UtcTicks, thread.ThreadKey);

    public bool IsBefore(FollowUp thread) =>
        thread.Since.UtcTicks > SinceTicks || (thread.Since.UtcTicks == SinceTicks && string.CompareOrdinal(thread.ThreadKey, ThreadKey) > 0);

    public string Encode() =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(SinceTicks.ToString(CultureInfo.InvariantCulture) + "|" + ThreadKey));

    public static bool TryDecode(string? text, out Cursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (text.Length > MaxLength || !Base64Url.IsValid(text))
        {
            return false;
        }

        var plain = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(text));
        var bar = plain.IndexOf('|', StringComparison.Ordinal);
        if (bar <= 0 || !long.TryParse(plain.AsSpan(0, bar), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks > DateTimeOffset.MaxValue.UtcTicks)
        {
            return false;
        }

        cursor = new Cursor(ticks, plain[(bar + 1)..]);
        return true;
    }
}
