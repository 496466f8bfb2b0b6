using System.Diagnostics;
using System.Text.Json;
using OutlookFollowUp.Cli;
using static OutlookFollowUp.Tests.Support.TestMail;

namespace OutlookFollowUp.Tests.Scan;

/// <summary>The program's commands as a user types them: help, unknown options, paths relative to where they stand, Maildir, the counts.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("scan-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData(new[] { "--help" }, "manifest")]
    [InlineData(new[] { "scan", "--help" }, "--window-hours")]
    [InlineData(new[] { "scan", "-h" }, "--business-days")]
    [InlineData(new[] { "manifest", "--help" }, "--client-id")]
    public async Task Help_OnTheProgramAndEachCommand_ExitsZero(string[] args, string expected)
    {
        var (code, stdout, stderr) = await Run(args);

        Assert.Equal((0, ""), (code, stderr));
        Assert.Contains(expected, stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--help" }, true)]
    [InlineData(new[] { "scan", "x" }, true)]
    [InlineData(new[] { "--contentRoot", "/app", "--environment", "Development", "--urls", "http://localhost:5000", "--help" }, true)]
    [InlineData(new[] { "--contentRoot", "/app", "--environment", "Development", "--urls", "http://localhost:5000" }, false)]
    [InlineData(new string[0], false)]
    [InlineData(new[] { "--Graph:AccessToken", "eyJ" }, false)]
    [InlineData(new[] { "Graph:AccessToken=eyJ" }, false)]
    [InlineData(new[] { "scna", "x" }, true)]
    public void Handles_CommandsAndHelp_LeavesEverythingElseToTheWebHost(string[] args, bool handled) =>
        Assert.Equal(handled, CliCommands.Handles(args));

    [Theory]
    [InlineData("scan", "--colour")]
    [InlineData("manifest", "--help-me")]
    public async Task UnknownOption_ExitsTwoNamingIt(string command, string option)
    {
        string[] known = command == "scan" ? [_folder, "--me", Me] : ["--host", "https://x.example", "--client-id", "6f1a2b3c-4d5e-6f70-8192-a3b4c5d6e7f8"];
        var (code, stdout, stderr) = await Run([command, .. known, option, "red"]);

        Assert.Equal((2, ""), (code, stdout));
        Assert.Contains($"'{option}'", Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MistypedCommand_ExitsTwoNamingIt()
    {
        var (code, _, stderr) = await Run(["scna", "mail"]);

        Assert.Equal(2, code);
        Assert.Contains("'scna'", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MaildirPartGivenDirectly_IsRead_AndTheCountIsSaid()
    {
        var cur = Directory.CreateDirectory(Path.Combine(_folder, "Maildir", "new")).FullName;
        await File.WriteAllTextAsync(Path.Combine(cur, "1529425590.M1P2.host"),
            "Message-ID: <a@x>\r\nFrom: ana@fabrikam.com\r\nTo: me@contoso.com\r\nDate: Mon, 16 Nov 2026 09:00:00 +0000\r\nSubject: Contract\r\n\r\nCould you sign the contract?\r\n");

        var (code, stdout, stderr) = await Run(["scan", cur, "--me", Me, "--format", "table", "--time-zone", "Europe/Berlin"]);

        Assert.True(code == 0, stderr);
        Assert.Contains("2026-11-16 10:00 UTC+01:00", stdout, StringComparison.Ordinal);
        Assert.EndsWith("1 message read, 0 skipped (no date or unreadable); 1 thread waiting.\n", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_StaysAloneOnStdout_TheCountGoesToStderr()
    {
        await File.WriteAllTextAsync(Path.Combine(_folder, "a.eml"),
            "Message-ID: <a@x>\r\nFrom: ana@fabrikam.com\r\nTo: me@contoso.com\r\nDate: Mon, 16 Nov 2026 09:00:00 +0000\r\nSubject: Contract\r\n\r\nCould you sign the contract?\r\n");

        var (code, stdout, stderr) = await Run(["scan", _folder, "--me", Me]);

        Assert.Equal(0, code);
        Assert.Equal(1, JsonDocument.Parse(stdout).RootElement.GetProperty("threads").GetArrayLength());
        Assert.Equal("scan: 1 message read, 0 skipped (no date or unreadable); 1 thread waiting.\n", stderr.ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData("json")]
    [InlineData("table")]
    public async Task OldArchiveWithoutNow_SaysHowManyFellOutsideTheLookback_AndSuggestsNow(string format)
    {
        await WriteOldArchiveAsync();

        var (code, stdout, stderr) = await Run(["scan", _folder, "--me", Me, "--format", format]);
        var said = format == "json" ? stderr : stdout;

        Assert.Equal(0, code);
        if (format == "json")
        {
            // The contract on stdout is unchanged: the hint goes to stderr only.
            Assert.Equal("{\n  \"threads\": [],\n  \"skipped\": 0\n}\n", stdout.ReplaceLineEndings("\n"));
        }

        Assert.Contains("2 messages read, 0 skipped (no date or unreadable), 2 outside the 14-day lookback; 0 threads waiting.", said, StringComparison.Ordinal);
        Assert.Contains("The newest message is from 2012-03-20; to scan the archive as of then, add --now 2012-03-22T09:00:00Z.", said, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OldArchiveWithNow_ListsItsThreads_AndSuggestsNothing()
    {
        await WriteOldArchiveAsync();

        var (code, stdout, stderr) = await Run(["scan", _folder, "--me", Me, "--now", "2012-03-22T09:00:00Z", "--all-unanswered"]);

        Assert.Equal(0, code);
        Assert.Equal(2, JsonDocument.Parse(stdout).RootElement.GetProperty("threads").GetArrayLength());
        Assert.Equal("scan: 2 messages read, 0 skipped (no date or unreadable); 2 threads waiting.\n", stderr.ReplaceLineEndings("\n"));
    }

    private async Task WriteOldArchiveAsync()
    {
        await File.WriteAllTextAsync(Path.Combine(_folder, "a.eml"),
            "Message-ID: <a@x>\r\nFrom: ana@fabrikam.com\r\nTo: me@contoso.com\r\nDate: Mon, 19 Mar 2012 09:00:00 +0000\r\nSubject: Contract\r\n\r\nHi\r\n");
        await File.WriteAllTextAsync(Path.Combine(_folder, "b.eml"),
            "Message-ID: <b@x>\r\nFrom: bob@fabrikam.com\r\nTo: me@contoso.com\r\nDate: Tue, 20 Mar 2012 09:00:00 +0000\r\nSubject: Quote\r\n\r\nHi\r\n");
    }

    [Fact]
    public async Task DotnetRun_FromAnotherFolder_ResolvesPathsThereAndPrintsCleanJson()
    {
        // The README's command as typed, run from the folder that holds the mail: paths resolve there, stdout is JSON only.
        Directory.CreateDirectory(Path.Combine(_folder, "mail"));
        await File.WriteAllTextAsync(Path.Combine(_folder, "mail", "a.eml"),
            "Message-ID: <a@x>\r\nFrom: ana@fabrikam.com\r\nTo: me@contoso.com\r\nDate: Mon, 16 Nov 2026 09:00:00 +0000\r\nSubject: Contract\r\n\r\nCould you sign the contract?\r\n");
        var project = Path.Combine(RepositoryRoot(), "api");

        var (code, stdout, stderr) = await Process(_folder, "run", "--no-build", "--project", project, "--",
            "scan", "mail", "--me", Me, "--now", "2026-11-18T12:00:00Z");

        Assert.True(code == 0, stderr);
        Assert.Equal("<a@x>", JsonDocument.Parse(stdout).RootElement.GetProperty("threads")[0].GetProperty("internetMessageId").GetString());
    }

    [Fact]
    public async Task Manifest_OutRelative_WritesWhereTheUserStands()
    {
        var project = Path.Combine(RepositoryRoot(), "api");

        var (code, _, stderr) = await Process(_folder, "run", "--no-build", "--project", project, "--",
            "manifest", "--host", "https://followup.contoso.com", "--client-id", "6f1a2b3c-4d5e-6f70-8192-a3b4c5d6e7f8", "--out", "dist");

        Assert.True(code == 0, stderr);
        Assert.True(File.Exists(Path.Combine(_folder, "dist", "manifest.xml")));
    }

    private static async Task<(int Code, string Stdout, string Stderr)> Run(string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliCommands.RunAsync(args, stdout, stderr, Clock, CancellationToken.None);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static async Task<(int Code, string Stdout, string Stderr)> Process(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        args.ToList().ForEach(start.ArgumentList.Add);
        using var process = System.Diagnostics.Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await stdout, await stderr);
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "OutlookFollowUp.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("OutlookFollowUp.sln not found above the test folder.");
    }
}
