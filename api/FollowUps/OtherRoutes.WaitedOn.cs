namespace OutlookFollowUp.FollowUps;

/// <summary>Who the other routes are checked for.</summary>
public static partial class OtherRoutes
{
    /// <summary>
    /// Everyone an answer could matter for, window or not (a reminder's thread may be younger than the window): in each
    /// thread whose last counted message lies in the lookback, its recipients when the user wrote it, else its sender;
    /// and the oldest such message, from which a chat or a meeting can answer. Cheap: no reason is written.
    /// </summary>
    public static WaitedOn WaitedOnIn(IReadOnlyList<MailThread> threads, DetectionOptions options)
    {
        var rules = new ThreadRules(options);
        var people = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        DateTimeOffset? oldest = null;
        var from = options.Now.AddDays(-options.LookbackDays);
        foreach (var thread in threads)
        {
            if (rules.LastMessage(thread) is not { Date: { } date } last || date < from || date > options.Now)
            {
                continue;
            }

            var waiting = rules.IsMe(last.From)
                ? last.To.Concat(last.Cc).Select(a => a.Address).Where(a => a.Length > 0 && !rules.IsMe(a)).ToList()
                : last.From.Length > 0 ? [last.From] : [];
            if (waiting.Count > 0)
            {
                people.UnionWith(waiting);
                oldest = oldest is null || date < oldest ? date : oldest;
            }
        }

        return new WaitedOn(people, oldest);
    }
}

/// <summary>The people answers are looked for, and the oldest message they could answer (null: nobody).</summary>
public sealed record WaitedOn(IReadOnlySet<string> People, DateTimeOffset? Since);
