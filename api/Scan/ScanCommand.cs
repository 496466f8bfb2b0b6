using System.CommandLine;
using OutlookFollowUp.Cli;
using OutlookFollowUp.FollowUps;
using OutlookFollowUp.Mail.Mime;

namespace OutlookFollowUp.Scan;

/// <summary>`scan`: the detection rules over an mbox file, a folder of .eml files or a Maildir, with no tenant (docs/detection-rules.md).</summary>
public static class ScanCommand
{
    public const int BadArguments = CliCommands.BadArguments;

    public static Command Create(TimeProvider time)
    {
        var arguments = new ScanArguments();
        var command = arguments.Command();
        command.SetAction((result, cancellationToken) =>
            RunAsync(arguments.Read(result), result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, time, cancellationToken));
        return command;
    }

    /// <summary>`scan ARGS` on its own, as the program runs it.</summary>
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, TimeProvider time, CancellationToken cancellationToken) =>
        CliCommands.InvokeAsync(Create(time), args, stdout, stderr, cancellationToken);

    private static async Task<int> RunAsync(ScanRequest request, TextWriter stdout, TextWriter stderr, TimeProvider time, CancellationToken cancellationToken)
    {
        var validation = await new ScanRequestValidator().ValidateAsync(request, cancellationToken);
        if (!validation.IsValid)
        {
            await stderr.WriteLineAsync($"scan: {validation.Errors[0].ErrorMessage}");
            return BadArguments;
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
        }

        return 0;
    }

    public static ScanReport Run(ScanRequest request, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var mail = MimeMailSource.Read(request.Path!, cancellationToken);
        var result = FollowUpEngine.Detect(mail.Messages, request.ToOptions(now));
        return new ScanReport(result.Threads.Select(ScanThread.From).ToList(), result.Skipped + mail.Unreadable)
        {
            MessagesRead = mail.Messages.Count + mail.Unreadable,
        };
    }
}
