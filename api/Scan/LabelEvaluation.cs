using OutlookFollowUp.FollowUps;
using OutlookFollowUp.FollowUps.Asks;
using OutlookFollowUp.Mail.Mime;

namespace OutlookFollowUp.Scan;

/// <summary>What the product did with one labelled row: listed (predicted "asks") or not, with the verdict's kind.</summary>
public sealed record JudgedRow(LabelRow Row, bool Listed, AskKind? Kind);

/// <summary>A labelled row the product cannot judge, and why (it is left out of the figures).</summary>
public sealed record SkippedRow(LabelRow Row, string Reason);

/// <summary>The evaluation of a labels file: every row judged or skipped.</summary>
public sealed record LabelReport(string Labels, IReadOnlyList<JudgedRow> Judged, IReadOnlyList<SkippedRow> Skipped);

/// <summary>
/// `scan --labels`: each labelled thread through the product path. The source is read with the MIME reader (rule 9's
/// verdicts included) for the row's <i>me</i>; the thread holding the labelled message must be a candidate of rules
/// 5–6 in all-unanswered mode at <i>now</i> = its last message's date + 72 hours; it is "listed" when the default mode
/// lists it then.
/// </summary>
public static class LabelEvaluation
{
    public static readonly TimeSpan After = TimeSpan.FromHours(72);

    public static LabelReport Run(string labelsPath, IReadOnlyList<LabelRow> rows, CancellationToken cancellationToken)
    {
        var judged = new List<JudgedRow>();
        var skipped = new List<SkippedRow>();
        foreach (var group in rows.GroupBy(r => (r.Source, Me: string.Join(',', r.Me.Order(StringComparer.OrdinalIgnoreCase)))))
        {
            var me = group.First().Me;
            var set = ThreadBuilder.Build(MimeMailSource.Read(group.Key.Source, me, cancellationToken).Messages);
            var threads = ThreadsById(set);
            foreach (var row in group)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var (judgement, reason) = Judge(row, set, threads);
                if (judgement is not null)
                {
                    judged.Add(judgement);
                }
                else
                {
                    skipped.Add(new SkippedRow(row, reason));
                }
            }
        }

        judged.Sort((a, b) => a.Row.Line.CompareTo(b.Row.Line));
        skipped.Sort((a, b) => a.Row.Line.CompareTo(b.Row.Line));
        return new LabelReport(labelsPath, judged, skipped);
    }

    private static (JudgedRow? Judged, string Reason) Judge(LabelRow row, ThreadSet set, Dictionary<string, MailThread> threads)
    {
        if (!threads.TryGetValue(row.MessageId, out var thread))
        {
            return (null, "not found in the source");
        }

        var options = new DetectionOptions { Me = row.Me, Now = DateTimeOffset.UnixEpoch };
        if (new ThreadRules(options, set.Messages).LastMessage(thread) is not { Date: { } date } last
            || !string.Equals(last.InternetMessageId, row.MessageId, StringComparison.Ordinal))
        {
            return (null, "not the thread's last message");
        }

        options = options with { Now = date + After };
        var candidate = new ThreadRules(options with { AllUnanswered = true }, set.Messages).Evaluate(thread);
        if (candidate is null)
        {
            return (null, "not a candidate (rules 5-6 list nothing)");
        }

        if (candidate.Direction != row.Direction)
        {
            return (null, $"not a candidate as {Name(row.Direction)} (rules 5-6 say {Name(candidate.Direction)})");
        }

        var listed = new ThreadRules(options, set.Messages).Evaluate(thread) is not null;
        return (new JudgedRow(row, listed, last.Asks?.Kind), "");
    }

    private static Dictionary<string, MailThread> ThreadsById(ThreadSet set)
    {
        var byId = new Dictionary<string, MailThread>(StringComparer.Ordinal);
        foreach (var thread in set.Threads)
        {
            foreach (var message in thread.Messages)
            {
                if (message.InternetMessageId is { } id)
                {
                    byId.TryAdd(id, thread);
                }
            }
        }

        return byId;
    }

    public static string Name(FollowUpDirection direction) => direction == FollowUpDirection.Theirs ? "theirs" : "mine";
}
