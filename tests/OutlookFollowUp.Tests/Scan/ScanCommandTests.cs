using System.Text;
using System.Text.Json;

namespace OutlookFollowUp.Tests.Scan;

/// <summary>The scan contract (JSON, table, hostile input) in all-unanswered mode: rule 9 off, every quiet thread listed.</summary>
public sealed class ScanCommandTests : IDisposable
{
    private const string Now = "2026-11-18T12:00:00Z";
    private readonly string _folder = Directory.CreateTempSubdirectory("scan-").FullName;

    public ScanCommandTests()
    {
        Write("sent.eml", Eml("<sent-1@contoso.com>", "Me <me@contoso.com>", "Ana <ana@fabrikam.com>", "Mon, 16 Nov 2026 09:00:00 +0000", "Contract draft"));
        Write("ooo.eml", Eml("<ooo-1@fabrikam.com>", "ana@fabrikam.com", "me@contoso.com", "Mon, 16 Nov 2026 09:01:00 +0000",
            "Automatic reply: Contract draft", "In-Reply-To: <sent-1@contoso.com>\r\nAuto-Submitted: auto-replied\r\n"));
        Write("ask.eml", Eml("<ask-1@fabrikam.com>", "Bob <bob@fabrikam.com>", "me@contoso.com", "Sun, 15 Nov 2026 08:00:00 +0000", "=?UTF-8?B?UHLDvGZ1bmc=?="));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Json_FollowsTheContract()
    {
        var (code, stdout, _) = await ScanArgumentsTests.Scan([_folder, "--me", "me@contoso.com", "--now", Now, "--all-unanswered"]);

        using var json = JsonDocument.Parse(stdout);
        var threads = json.RootElement.GetProperty("threads");
        Assert.Equal((0, 2, 0), (code, threads.GetArrayLength(), json.RootElement.GetProperty("skipped").GetInt32()));
        Assert.Equal(
            ["direction", "internetMessageId", "threadKey", "since", "subject", "counterparts", "reason", "nudges"],
            threads[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(
            ("mine", "<ask-1@fabrikam.com>", "2026-11-15T08:00:00Z", "Prüfung", "bob@fabrikam.com"),
            (threads[0].GetProperty("direction").GetString(), threads[0].GetProperty("internetMessageId").GetString(),
             threads[0].GetProperty("since").GetString(), threads[0].GetProperty("subject").GetString(),
             threads[0].GetProperty("counterparts")[0].GetString()));
    }

    [Fact]
    public async Task Json_AutoReplyIsNotAnAnswer_AndTheReasonSaysSo()
    {
        var (_, stdout, _) = await ScanArgumentsTests.Scan([_folder, "--me", "me@contoso.com", "--now", Now, "--all-unanswered"]);

        var theirs = JsonDocument.Parse(stdout).RootElement.GetProperty("threads")[1];
        Assert.Equal(
            ("theirs", "<sent-1@contoso.com>", "You wrote to Ana 2 days ago; no reply since. 1 automatic reply (such as out-of-office) did not count as an answer."),
            (theirs.GetProperty("direction").GetString(), theirs.GetProperty("internetMessageId").GetString(), theirs.GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task Table_ListsBothDirectionsForPeople()
    {
        var (code, stdout, _) = await ScanArgumentsTests.Scan([_folder, "--me", "me@contoso.com", "--now", Now, "--all-unanswered", "--format", "table"]);

        Assert.Equal(0, code);
        Assert.Contains("Waiting on them (1)", stdout, StringComparison.Ordinal);
        Assert.Contains("Waiting on you (1)", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HostileInput_IsSkippedAndCounted_ResultsUnchanged()
    {
        var before = await Threads();
        Write("empty.eml", "");
        File.WriteAllBytes(Path.Combine(_folder, "garbage.eml"), Enumerable.Range(0, 4096).Select(i => (byte)(i * 7919 % 256)).ToArray());
        Write("no-date.eml", Eml("<nodate@x>", "carl@fabrikam.com", "me@contoso.com", null, "No date here"));
        Write("no-id.eml", Eml(null, "dora@fabrikam.com", "team@fabrikam.com", "Mon, 16 Nov 2026 10:00:00 +0000", "No id, not to me"));
        Write("zz-duplicate.eml", Eml("<sent-1@contoso.com>", "ana@fabrikam.com", "me@contoso.com", "Tue, 17 Nov 2026 10:00:00 +0000", "Same id, ignored"));
        Write("huge-header.eml", Eml("<huge@x>", "eve@fabrikam.com", "list@fabrikam.com", "Mon, 16 Nov 2026 10:00:00 +0000", "Big", "X-Big: " + new string('a', 10_000_000) + "\r\n"));
        Write("truncated.mbox", "From a@b Mon Nov 16 09:00:00 2026\nMessage-ID: <t1@x>\nFrom: fay@fabrikam.com\nTo: team@fabrikam.com\nDate: Mon, 16 Nov 2026 09:00:00 +0000\nSubject: cut\n\nbody\n\nFrom b@c Mon Nov 16 09:00:00 2026\nMessage-ID: <t2@x>\nFro");

        var (after, skipped) = await ThreadsAndSkipped();

        Assert.Equal(before, after);
        Assert.Equal(3, skipped);
    }

    private async Task<string> Threads() => (await ThreadsAndSkipped()).Threads;

    private async Task<(string Threads, int Skipped)> ThreadsAndSkipped()
    {
        var (code, stdout, stderr) = await ScanArgumentsTests.Scan([_folder, "--me", "me@contoso.com", "--now", Now, "--all-unanswered"]);
        Assert.True(code == 0, stderr);
        var root = JsonDocument.Parse(stdout).RootElement;
        return (root.GetProperty("threads").GetRawText(), root.GetProperty("skipped").GetInt32());
    }

    private void Write(string name, string content) => File.WriteAllText(Path.Combine(_folder, name), content, new UTF8Encoding(false));

    private static string Eml(string? id, string from, string to, string? date, string subject, string extra = "") =>
        (id is null ? "" : $"Message-ID: {id}\r\n") + $"From: {from}\r\nTo: {to}\r\n" + (date is null ? "" : $"Date: {date}\r\n") +
        $"Subject: {subject}\r\n{extra}MIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\nHello.\r\n";
}
