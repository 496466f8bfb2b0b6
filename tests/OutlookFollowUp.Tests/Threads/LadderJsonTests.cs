using System.Net.Http.Json;
using static OutlookFollowUp.Tests.Threads.LadderMailbox;

namespace OutlookFollowUp.Tests.Threads;

/// <summary>GET /api/threads: nudges, escalation, recipients, replied and waitingOn on the rows (local mode, fake Graph).</summary>
public sealed class LadderJsonTests(LadderHost host) : IClassFixture<LadderHost>
{
    [Theory]
    [InlineData("Ladder", 3)]
    [InlineData("Twice", 2)]
    [InlineData("Offsite", 0)]
    [InlineData("Single", 0)]
    [InlineData("Question", 0)]
    public async Task EveryRow_CarriesNudges(string subject, int nudges) =>
        Assert.Equal(nudges, (await RowAsync(host.Client, subject)).GetProperty("nudges").GetInt32());

    [Fact]
    public async Task TwoNudges_OfferAnotherChannel_ATeamsChatWithTheCounterpart()
    {
        var escalation = (await RowAsync(host.Client, "Twice")).GetProperty("escalation");

        Assert.Equal(["otherChannel"], escalation.GetProperty("offers").EnumerateArray().Select(o => o.GetString()));
        var link = new Uri(escalation.GetProperty("teamsChatUrl").GetString()!);
        var query = Query(link);
        Assert.Equal(("https://teams.microsoft.com/l/chat/0/0", "bob@tailspin.example"), (link.GetLeftPart(UriPartial.Path), query["users"]));
        Assert.Contains("\"Twice\"", query["message"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("de", "Hallo, ich wollte noch einmal auf meine E-Mail „Twice“ zurückkommen. Könnten Sie einen Blick darauf werfen?")]
    [InlineData("it", "Ciao, ti scrivo per riprendere la mia email «Twice». Potresti darci un'occhiata?")]
    [InlineData("en", "Hi, I'm following up on my email \"Twice\". Could you have a look?")]
    public async Task TheTeamsChatOpensWithAMessageInTheUsersLanguage(string language, string message)
    {
        // A host of its own: the shared one's user stays in English.
        using var own = new LadderHost();
        using var patch = await own.Client.PatchAsJsonAsync("/api/settings", new { language });
        patch.EnsureSuccessStatusCode();

        var link = new Uri((await RowAsync(own.Client, "Twice")).GetProperty("escalation").GetProperty("teamsChatUrl").GetString()!);

        Assert.Equal(message, Query(link)["message"]);
    }

    [Fact]
    public async Task ThreeNudges_OfferMovingOnToo()
    {
        var row = await RowAsync(host.Client, "Ladder");

        Assert.Equal(["otherChannel", "moveOn"], row.GetProperty("escalation").GetProperty("offers").EnumerateArray().Select(o => o.GetString()));
        Assert.Contains("That was your 3rd follow-up.", row.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Offsite")]
    [InlineData("Single")]
    [InlineData("Question")]
    public async Task BelowTwoNudges_NoEscalation(string subject) =>
        Assert.False((await RowAsync(host.Client, subject)).TryGetProperty("escalation", out _));

    [Fact]
    public async Task GroupThread_SaysWhoRepliedAndWhoHasNot()
    {
        var row = await RowAsync(host.Client, "Offsite");

        Assert.Equal(4, row.GetProperty("recipients").GetInt32());
        Assert.Equal(["Ana Silva <ana@fabrikam.com>"], People(row.GetProperty("replied")));
        Assert.Equal(["Bob Nguyen <bob@tailspin.example>", "Carla Jones <carla@contoso.com>", "Dan Park <dan@contoso.com>"], People(row.GetProperty("waitingOn")));
        Assert.Equal("theirs", row.GetProperty("direction").GetString());
    }

    [Theory]
    [InlineData("Single")]
    [InlineData("Question")]
    [InlineData("Ladder")]
    public async Task NotAGroupThread_HasNoGroupFields(string subject)
    {
        var row = await RowAsync(host.Client, subject);

        Assert.Equal((false, false, false),
            (row.TryGetProperty("recipients", out _), row.TryGetProperty("replied", out _), row.TryGetProperty("waitingOn", out _)));
    }

    [Fact]
    public async Task TheFieldsSurviveTheIndex_ASecondReadIsTheSame()
    {
        var first = (await RowAsync(host.Client, "Offsite")).GetRawText();
        await host.Api.SyncAsync();

        Assert.Equal(first, (await RowAsync(host.Client, "Offsite")).GetRawText());
    }

    [Fact]
    public async Task ExistingFields_AreUnchanged_NewOnesComeAfter()
    {
        var names = (await RowAsync(host.Client, "Offsite")).EnumerateObject().Select(p => p.Name).ToArray();

        Assert.Equal(
            ["direction", "internetMessageId", "threadKey", "since", "subject", "counterparts", "reason", "messageId", "reminder", "people",
             "nudges", "recipients", "replied", "waitingOn"],
            names);
    }

    private static Dictionary<string, string> Query(Uri link) =>
        link.Query.TrimStart('?').Split('&').Select(p => p.Split('=', 2))
            .ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1]), StringComparer.Ordinal);
}
