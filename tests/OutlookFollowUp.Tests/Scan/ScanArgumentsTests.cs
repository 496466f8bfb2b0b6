using OutlookFollowUp.Scan;

namespace OutlookFollowUp.Tests.Scan;

public sealed class ScanArgumentsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("scan-args-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("--window-hours", "23", "between 24 and 48")]
    [InlineData("--window-hours", "49", "between 24 and 48")]
    [InlineData("--window-hours", "0", "between 24 and 48")]
    [InlineData("--window-hours", "-1", "whole number")]
    [InlineData("--window-hours", "abc", "whole number")]
    [InlineData("--window-hours", "1e309", "whole number")]
    [InlineData("--window-hours", "99999999999", "whole number")]
    [InlineData("--lookback-days", "0", "lookback")]
    [InlineData("--lookback-days", "366", "lookback")]
    [InlineData("--time-zone", "Mars/Olympus_Mons", "Unknown time zone")]
    [InlineData("--time-zone", "", "Unknown time zone")]
    [InlineData("--now", "yesterday", "ISO-8601")]
    [InlineData("--now", "12:00", "ISO-8601")]
    [InlineData("--format", "xml", "json or table")]
    [InlineData("--format", "1", "json or table")]
    [InlineData("--colour", "red", "Unknown option")]
    [InlineData("--me", "not-an-address", "not an email address")]
    public async Task BadArgument_ExitsWithCode2AndOneLine(string option, string value, string expected)
    {
        var (code, stdout, stderr) = await Scan([_folder, "--me", "me@contoso.com", option, value]);

        Assert.Equal((2, "", 1), (code, stdout, stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length));
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingPath_ExitsWithCode2() =>
        Assert.Equal(2, (await Scan(["--me", "me@contoso.com"])).Code);

    [Fact]
    public async Task NonexistentPath_ExitsWithCode2AndNamesIt()
    {
        var (code, _, stderr) = await Scan([Path.Combine(_folder, "nope.mbox"), "--me", "me@contoso.com"]);

        Assert.Equal((2, true), (code, stderr.Contains("nope.mbox", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task NoMe_ExitsWithCode2() =>
        Assert.Contains("--me", (await Scan([_folder])).Stderr, StringComparison.Ordinal);

    [Fact]
    public async Task OptionWithoutValue_ExitsWithCode2() =>
        Assert.Equal(2, (await Scan([_folder, "--me"])).Code);

    [Fact]
    public async Task TwoPaths_ExitWithCode2() =>
        Assert.Equal(2, (await Scan([_folder, _folder, "--me", "me@contoso.com"])).Code);

    [Fact]
    public void Parse_ReadsEveryOption()
    {
        Assert.True(ScanArguments.TryParse(
            ["x.mbox", "--me", "a@b.c", "--me", "d@e.f", "--now", "2012-02-15T10:00:00+01:00", "--window-hours", "24",
             "--lookback-days", "30", "--business-days", "--time-zone", "Europe/Berlin", "--format", "table"], out var request, out _));

        Assert.Equal(
            ("x.mbox", "a@b.c,d@e.f", new DateTimeOffset(2012, 2, 15, 9, 0, 0, TimeSpan.Zero), 24, 30, true, "Europe/Berlin", ScanFormat.Table),
            (request.Path, string.Join(',', request.Me), request.Now!.Value.ToUniversalTime(), request.WindowHours, request.LookbackDays,
             request.BusinessDays, request.TimeZone, request.Format));
    }

    [Fact]
    public void Parse_Defaults_FollowDesign()
    {
        Assert.True(ScanArguments.TryParse(["x.mbox", "--me", "a@b.c"], out var request, out _));

        Assert.Equal((48, 14, false, "UTC", ScanFormat.Json, (DateTimeOffset?)null),
            (request.WindowHours, request.LookbackDays, request.BusinessDays, request.TimeZone, request.Format, request.Now));
    }

    [Fact]
    public void Parse_NowWithoutOffset_IsUtc()
    {
        Assert.True(ScanArguments.TryParse(["x", "--now", "2012-02-15T10:00:00"], out var request, out _));

        Assert.Equal(TimeSpan.Zero, request.Now!.Value.Offset);
    }

    [Theory]
    [InlineData("Europe/Berlin")]
    [InlineData("W. Europe Standard Time")]
    [InlineData("UTC")]
    public void WindowsAndIanaTimeZones_AreAccepted(string zone) =>
        Assert.True(new ScanRequestValidator().Validate(new ScanRequest { Path = _folder, Me = ["a@b.c"], TimeZone = zone }).IsValid);

    internal static async Task<(int Code, string Stdout, string Stderr)> Scan(string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await OutlookFollowUp.Cli.CliCommands.InvokeAsync(ScanCommand.Create(Support.TestMail.Clock), args, stdout, stderr, CancellationToken.None);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
