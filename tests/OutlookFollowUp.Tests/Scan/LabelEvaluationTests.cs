using System.Text.Json;

namespace OutlookFollowUp.Tests.Scan;

/// <summary>
/// `scan --labels`: rule 9 scored against labels, on the small fixture in Scan/Labels (hand-written mail, not the real
/// corpus): 8 rows judged (4 tune, 4 held out), one miss each way, one row whose thread was answered.
/// </summary>
public sealed class LabelEvaluationTests : IDisposable
{
    private static readonly string Fixture = Path.Combine(RepositoryRoot(), "tests", "OutlookFollowUp.Tests", "Scan", "Labels", "labels.tsv");
    private readonly string _temp = Directory.CreateTempSubdirectory("scan-labels-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Fact]
    public async Task Table_GivesFiguresPerSplitDirectionAndLanguage_ThenTheMisses()
    {
        var (code, stdout, stderr) = await ScanArgumentsTests.Scan(["--labels", Fixture]);

        Assert.True(code == 0, stderr);
        Assert.Contains("8 rows judged, 1 not a candidate.", stdout, StringComparison.Ordinal);
        Assert.Contains("all           8     4     1     1     2       0.80    0.80", stdout, StringComparison.Ordinal);
        Assert.Contains("mine          5     3     0     1     1       1.00    0.75", stdout, StringComparison.Ordinal);
        Assert.Contains("de            1     0     0     1     0          -    0.00", stdout, StringComparison.Ordinal);
        Assert.Contains("<rechnung-1@fabrikam.de>  heldout mine de: expected asks, got none (none)", stdout, StringComparison.Ordinal);
        Assert.Contains("\"Hallo, die angehängte Rechnung trägt noch die alte Anschrift. Viele Grüße\"", stdout, StringComparison.Ordinal);
        Assert.Contains("<game-1@contoso.com>  heldout theirs en: expected none, got asks (question)", stdout, StringComparison.Ordinal);
        Assert.Contains("line 10  <plan-1@contoso.com>: not the thread's last message", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_CarriesTheSameFigures()
    {
        var (code, stdout, _) = await ScanArgumentsTests.Scan(["--labels", Fixture, "--format", "json"]);

        var root = JsonDocument.Parse(stdout).RootElement;
        var all = root.GetProperty("splits").EnumerateArray().Single(s => s.GetProperty("split").GetString() == "all").GetProperty("groups")[0];
        Assert.Equal(
            (0, 8, 4, 1, 1, 2, 0.8, 0.8, 2, 1),
            (code, all.GetProperty("rows").GetInt32(), all.GetProperty("truePositives").GetInt32(), all.GetProperty("falsePositives").GetInt32(),
             all.GetProperty("falseNegatives").GetInt32(), all.GetProperty("trueNegatives").GetInt32(), all.GetProperty("precision").GetDouble(),
             all.GetProperty("recall").GetDouble(), root.GetProperty("misses").GetArrayLength(), root.GetProperty("notCandidates").GetArrayLength()));
    }

    [Fact]
    public async Task Split_ScoresOnlyThatPart()
    {
        var (_, stdout, _) = await ScanArgumentsTests.Scan(["--labels", Fixture, "--split", "tune", "--format", "json"]);

        var root = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(("tune", 4, 0, 1),
            (string.Join(',', root.GetProperty("splits").EnumerateArray().Select(s => s.GetProperty("split").GetString())),
             root.GetProperty("splits")[0].GetProperty("groups")[0].GetProperty("rows").GetInt32(),
             root.GetProperty("misses").GetArrayLength(), root.GetProperty("notCandidates").GetArrayLength()));
    }

    [Fact]
    public async Task AttachmentOnlyMessage_CountsAsAsking_SoItIsNoMiss()
    {
        var (_, stdout, _) = await ScanArgumentsTests.Scan(["--labels", Fixture, "--format", "json"]);

        Assert.DoesNotContain("scan-1@fabrikam.com", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SharedSource_IsFoundBesideTheRepository()
    {
        var repo = Directory.CreateDirectory(Path.Combine(_temp, "repo", "labels")).Parent!.FullName;
        File.WriteAllText(Path.Combine(repo, "OutlookFollowUp.sln"), "");
        var mail = Directory.CreateDirectory(Path.Combine(_temp, "shared", "corpus")).FullName;
        File.Copy(Path.Combine(Path.GetDirectoryName(Fixture)!, "mail", "03-slot.eml"), Path.Combine(mail, "slot.eml"));
        var labels = Labels(Path.Combine(repo, "labels", "l.tsv"), "<slot-1@fabrikam.com>\tshared/corpus\tme@contoso.com\tmine\ten\tasks\tdate\ttune\t");

        var (code, stdout, stderr) = await ScanArgumentsTests.Scan(["--labels", labels]);

        Assert.True(code == 0, stderr);
        Assert.Contains("1 row judged, 0 not candidates.", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("message_id\tsource\tme\tdirection\tlanguage\tlabel\tkind\tsplit\n", "no 'note' column")]
    [InlineData(Header + "<a@b>\tnowhere\tme@contoso.com\tmine\ten\tasks\t\ttune\t\n", "line 2: unknown source 'nowhere'")]
    [InlineData(Header + "<a@b>\tmail\tme@contoso.com\tours\ten\tasks\t\ttune\t\n", "line 2: direction 'ours' is not theirs or mine")]
    [InlineData(Header + "<a@b>\tmail\tme@contoso.com\tmine\tpt\tasks\t\ttune\t\n", "language 'pt' is not en, it, de, fr, es")]
    [InlineData(Header + "<a@b>\tmail\tme@contoso.com\tmine\ten\tmaybe\t\ttune\t\n", "label 'maybe' is not asks or none")]
    [InlineData(Header + "a@b\tmail\tme@contoso.com\tmine\ten\tasks\t\ttune\t\n", "message_id 'a@b' is not a Message-ID in angle brackets")]
    [InlineData(Header + "<a@b>\tmail\tme@contoso.com\tmine\ten\tasks\t\ttest\t\n", "split 'test' is not tune or heldout")]
    public async Task BadLabelsFile_ExitsTwoWithOneLine(string content, string expected)
    {
        Directory.CreateDirectory(Path.Combine(_temp, "mail"));
        var labels = Path.Combine(_temp, "labels.tsv");
        File.WriteAllText(labels, content);

        var (code, stdout, stderr) = await ScanArgumentsTests.Scan(["--labels", labels]);

        Assert.Equal((2, "", 1), (code, stdout, stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length));
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--labels", "missing.tsv", "No such labels file")]
    [InlineData("--split", "later", "--split must be tune, heldout or all")]
    public async Task BadOptions_ExitTwo(string option, string value, string expected)
    {
        string[] args = option == "--labels" ? ["--labels", Path.Combine(_temp, value)] : ["--labels", Fixture, option, value];
        var (code, _, stderr) = await ScanArgumentsTests.Scan(args);

        Assert.Equal((2, true), (code, stderr.Contains(expected, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Labels_WithAPathOrMe_ExitsTwo() =>
        Assert.Contains("leave out the path", (await ScanArgumentsTests.Scan(["--labels", Fixture, _temp, "--me", "me@contoso.com"])).Stderr, StringComparison.Ordinal);

    [Fact]
    public async Task Split_WithoutLabels_ExitsTwo() =>
        Assert.Equal(2, (await ScanArgumentsTests.Scan([_temp, "--me", "me@contoso.com", "--split", "tune"])).Code);

    private const string Header = "message_id\tsource\tme\tdirection\tlanguage\tlabel\tkind\tsplit\tnote\n";

    private static string Labels(string path, string row)
    {
        File.WriteAllText(path, Header + row + "\n");
        return path;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OutlookFollowUp.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("OutlookFollowUp.sln not found above the test folder.");
    }
}
