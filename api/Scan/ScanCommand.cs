using System.CommandLine;
using OutlookFollowUp.FollowUps;
using OutlookFollowUp.Mail.Mime;

namespace OutlookFollowUp.Scan;

/// <summary>`scan`: the detection rules over an mbox file, a folder of .eml files or a Maildir, with no tenant (docs/detection-rules.md).</summary>
public static class ScanCommand
{
    /// <summary>Bad arguments: every command's exit code for them (one clear line on stderr).</summary>
    public const int BadArguments = 2;

    public static Command Create(TimeProvider time)
    {
        var arguments = new ScanArguments();
        var command = arguments.Command();
        command.SetAction((result, cancellationToken) =>
            RunAsync(arguments.Read(result), result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, time, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ScanRequest request, TextWriter stdout, TextWriter stderr, TimeProvider time, CancellationToken cancellationToken)
    {
        var validation = await new ScanRequestValidator().ValidateAsync(request, cancellationToken);
        if (!validation.IsValid)
        {
            await stderr.WriteLineAsync($"scan: {validation.Errors[0].ErrorMessage}");
            return BadArguments;
        }

        if (request.Labels is not null)
        {
            return await EvaluateAsync(request, stdout, stderr, cancellationToken);
        }

        var report = Run(request, time.GetUtcNow(), cancellationToken);
        if (request.Format == ScanFormat.Table)
        {
            await stdout.WriteAsync(ScanOutput.Table(report, request.ToOptions(time.GetUtcNow()).TimeZone));
        }
        else
        {
            await stdout.WriteAsync(ScanOutput.Json(report) + "\n");
            await stderr.WriteLineAsync($"scan: {ScanOutput.Summary(report)}");
            if (ScanOutput.Hint(report) is { } hint)
            {
                await stderr.WriteLineAsync($"scan: {hint}");
            }
        }

        return 0;
    }

    public static ScanReport Run(ScanRequest request, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var mail = MimeMailSource.Read(request.Path!, request.Me, cancellationToken);
        var options = request.ToOptions(now);
        var result = FollowUpEngine.Detect(mail.Messages, options);
        var dates = mail.Messages.Select(m => m.Date).OfType<DateTimeOffset>().ToList();
        var from = options.Now.AddDays(-options.LookbackDays);
        DateTimeOffset? newest = dates.Count > 0 ? dates.Max() : null;
        return new ScanReport(result.Threads.Select(ScanThread.From).ToList(), result.Skipped + mail.Unreadable)
        {
            MessagesRead = mail.Messages.Count + mail.Unreadable,
            LookbackDays = options.LookbackDays,
            OutsideLookback = dates.Count(d => d < from || d > options.Now),
            Newest = newest,
            // An archive that ended before the lookback began: scanned as of its end, it shows what was waiting then.
            SuggestedNow = request.Now is null && newest < from ? AsOfEnd(newest.Value, options.WindowHours) : null,
        };
    }

    /// <summary>The newest message's time plus the window, to the next whole hour: every thread in the archive is then old enough to count.</summary>
    private static DateTimeOffset AsOfEnd(DateTimeOffset newest, int windowHours)
    {
        var at = newest.ToUniversalTime().AddHours(windowHours);
        var hour = new DateTimeOffset(at.Year, at.Month, at.Day, at.Hour, 0, 0, TimeSpan.Zero);
        return hour == at ? hour : hour.AddHours(1);
    }

    /// <summary>`scan --labels FILE`: rule 9 against labels (a table unless --format json); a bad labels file is exit code 2.</summary>
    private static async Task<int> EvaluateAsync(ScanRequest request, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        LabelResult result;
        try
        {
            result = Evaluate(request.Labels!, request.Split, cancellationToken);
        }
        catch (LabelsFileException ex)
        {
            await stderr.WriteLineAsync($"scan: {ex.Message}");
            return BadArguments;
        }

        await stdout.WriteAsync(request.FormatGiven && request.Format == ScanFormat.Json ? LabelOutput.Json(result) + "\n" : LabelOutput.Table(result));
        return 0;
    }

    /// <exception cref="LabelsFileException">The labels file cannot be read as one.</exception>
    public static LabelResult Evaluate(string labels, ScanSplit split, CancellationToken cancellationToken)
    {
        var rows = LabelsFile.Read(labels);
        var report = LabelEvaluation.Run(labels, rows, cancellationToken);
        var missed = report.Judged.Where(r => r.Listed != r.Row.Asks && (split == ScanSplit.All || r.Row.Split == split)).ToList();
        var excerpts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in missed.GroupBy(r => r.Row.Source))
        {
            foreach (var (id, text) in NewTexts.Of(source.Key, source.Select(r => r.Row.MessageId).ToHashSet(StringComparer.Ordinal), cancellationToken))
            {
                excerpts.TryAdd(id, text);
            }
        }

        return LabelOutput.Result(report, split, excerpts);
    }
}
