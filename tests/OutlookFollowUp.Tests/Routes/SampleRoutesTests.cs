using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OutlookFollowUp.Local;

namespace OutlookFollowUp.Tests.Routes;

/// <summary>The built-in sample mailbox shows each route in local mode, with no tenant.</summary>
public sealed class SampleRoutesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Teams_a_meeting_a_hold_and_a_colleague_each_show()
    {
        using var host = new LocalApiHost(SampleMailbox.Create(Now), Now);
        using var client = host.CreateClient();

        var rows = (await client.GetFromJsonAsync<JsonObject>("/api/threads"))!["threads"]!.AsArray()
            .ToDictionary(t => (string)t!["subject"]!, t => t!);

        Assert.DoesNotContain("Accessibility audit findings", rows.Keys); // Lena answered in Teams
        Assert.DoesNotContain("Hiring plan for the spring", rows.Keys); // the meeting with George answered it
        Assert.Contains("Fatima Haddad answered in Teams; still waiting on Kenji Sato.", (string?)rows["Agenda for the all-hands"]["reason"], StringComparison.Ordinal);
        Assert.Equal("2026-11-24T10:30:00Z", (string?)rows["Q1 roadmap priorities"]["hold"]!["until"]);
        Assert.EndsWith("You meet Dana Kim on Tue 10:00.", (string?)rows["Q1 roadmap priorities"]["reason"], StringComparison.Ordinal);
        Assert.Contains("Bob Nguyen answered for Ana Silva; still waiting on Erik Lund.", (string?)rows["RE: Logistics for the partner summit"]["reason"], StringComparison.Ordinal);
    }
}
