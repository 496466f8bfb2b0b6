using System.Text;
using System.Text.Json;

namespace OutlookFollowUp.Tests.Scan;

/// <summary>Rule 9 in `scan`: by default only threads whose last message asks; --all-unanswered lists every quiet thread as before.</summary>
public sealed class ScanAsksTests : IDisposable
{
    private const string Now = "2026-11-18T12:00:00Z";
    private readonly string _folder = Directory.CreateTempSubdirectory("scan-asks-").FullName;

    public ScanAsksTests()
    {
        Write("1.eml", "<c1@contoso.com>", "Me <me@contoso.com>", "Ana <ana@fabrikam.com>", "Mon, 16 Nov 2026 09:00:00 +0000", "Contract",
            "Hi Ana,\n\nCould you send the signed contract back by Friday?\n\nThanks,\nMe");
        Write("2.eml", "<c2@contoso.com>", "Me <me@contoso.com>", "Ana <ana@fabrikam.com>", "Mon, 16 Nov 2026 08:00:00 +0000", "Re: Figures",
            "Thanks, that's all I needed.\n\nOn Sun, Ana wrote:\n> Do you need anything else?");
        Write("3.eml", "<b1@fabrikam.com>", "Bob <bob@fabrikam.com>", "me@contoso.com", "Sun, 15 Nov 2026 08:00:00 +0000", "Workshop",
            "Does Thursday 3pm work for you?");
        Write("4.eml", "<k1@fabrikam.it>", "Carla <carla@fabrikam.it>", "me@contoso.com", "Sun, 15 Nov 2026 07:00:00 +0000", "R: Preventivo",
            "Perfetto, grazie!");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Default_ListsOnlyThreadsThatAsk_AndTheReasonSaysWhat()
    {
        var threads = await Threads();

        Assert.Equal(
            [
                ("<b1@fabrikam.com>", "Bob asked you to pick a date 3 days ago; you have not replied."),
                ("<c1@contoso.com>", "You asked Ana for a signature 2 days ago; no reply since."),
            ],
            threads.Select(t => (t.GetProperty("internetMessageId").GetString()!, t.GetProperty("reason").GetString()!)));
    }

    [Fact]
    public async Task AllUnanswered_ListsEveryQuietThread_WithTodaysReasons()
    {
        var threads = await Threads("--all-unanswered");

        Assert.Equal(
            [
                "Carla wrote to you 3 days ago; you have not replied.",
                "Bob wrote to you 3 days ago; you have not replied.",
                "You wrote to Ana 2 days ago; no reply since.",
                "You wrote to Ana 2 days ago; no reply since.",
            ],
            threads.Select(t => t.GetProperty("reason").GetString()!));
    }

    [Fact]
    public async Task BothModes_KeepTheJsonFields()
    {
        var fields = (await Threads()).Concat(await Threads("--all-unanswered")).Select(t => string.Join(',', t.EnumerateObject().Select(p => p.Name))).Distinct();

        Assert.Equal(["direction,internetMessageId,threadKey,since,subject,counterparts,reason,nudges"], fields);
    }

    private async Task<List<JsonElement>> Threads(params string[] extra)
    {
        var (code, stdout, stderr) = await ScanArgumentsTests.Scan([_folder, "--me", "me@contoso.com", "--now", Now, .. extra]);
        Assert.True(code == 0, stderr);
        return [.. JsonDocument.Parse(stdout).RootElement.GetProperty("threads").EnumerateArray()];
    }

    private void Write(string name, string id, string from, string to, string date, string subject, string body) =>
        File.WriteAllText(Path.Combine(_folder, name),
            $"Message-ID: {id}\r\nFrom: {from}\r\nTo: {to}\r\nDate: {date}\r\nSubject: {subject}\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{body.Replace("\n", "\r\n", StringComparison.Ordinal)}\r\n",
            new UTF8Encoding(false));
}
