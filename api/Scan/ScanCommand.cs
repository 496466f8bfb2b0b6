using OutlookFollowUp.FollowUps;
using OutlookFollowUp.Mail.Mime;

namespace OutlookFollowUp.Scan;

/// <summary>`scan`: the detection rules over an mbox file or a folder of .eml files, with no tenant (docs/detection-rules.md).</summary>
public static class ScanCommand
{
    public const int BadArguments = 2;

    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken) =>
        RunAsync(args, stdout, stderr, TimeProvider.System, cancellationToken);

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!ScanArguments.TryParse(args, out var request, out var error))
        {
            await stderr.WriteLineAsync($"scan: {error}");
            return BadArguments;
        }

        var validation = await new ScanRequestValidator().ValidateAsync(request, cancellationToken);
        if (!validation.IsValid)
        {
            await stderr.WriteLineAsync($"scan: {validation.Errors[0].ErrorMessage}");
            return BadArguments;
        }

        var report = Run(request, time.GetUtcNow(), cancellationToken);
        await stdout.WriteAsync(request.Format == ScanFormat.Table ? ScanOutput.Table(report) : ScanOutput.Json(report) + "\n");
        return 0;
    }

    public static ScanReport Run(ScanRequest request, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var mail = MimeMailSource.Read(request.Path!, cancellationToken);
        var result = FollowUpEngine.Detect(mail.Messages, request.ToOptions(now));
        return new ScanReport(result.Threads.Select(ScanThread.From).ToList(), result.Skipped + mail.Unreadable);
    }
}
