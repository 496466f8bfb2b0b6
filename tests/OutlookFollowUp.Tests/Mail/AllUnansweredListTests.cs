using System.Net;
using System.Net.Http.Json;
using OutlookFollowUp.GraphSimulator;
using OutlookFollowUp.Local;

namespace OutlookFollowUp.Tests.Mail;

/// <summary>
/// The thread list in both modes of rule 9 on the sample mailbox: by default only threads whose last message asks
/// (Lena's thanks is left out); with <c>allUnanswered</c> every unanswered thread, exactly as before rule 9. Switching
/// shows the other list at once, from the index, without asking Graph.
/// </summary>
public sealed class AllUnansweredListTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private const string Thanks = "RE: Notes from the design review";

    [Fact]
    public async Task By_default_the_thanks_is_left_out_and_switching_brings_it_back_at_once_without_graph()
    {
        using var host = new LocalApiHost(SampleMailbox.Create(Now), Now);
        using var client = host.CreateClient();
        var asking = await host.ThreadsAsync();
        var requests = host.Graph.Requests.Count;

        await PatchAsync(client, allUnanswered: true);
        var all = await host.ThreadsAsync();
        await PatchAsync(client, allUnanswered: false);
        var again = await host.ThreadsAsync();

        Assert.DoesNotContain(asking.Threads, t => t.Subject == Thanks);
        Assert.Equal([.. asking.Threads.Select(t => t.Subject), Thanks], all.Threads.Select(t => t.Subject).OrderBy(s => s == Thanks));
        Assert.Equal(asking.Threads.Select(t => t.Subject), again.Threads.Select(t => t.Subject));
        Assert.Equal(requests, host.Graph.Requests.Count);
    }

    [Fact]
    public async Task Every_unanswered_thread_reads_exactly_as_when_no_text_was_read()
    {
        var withText = SampleMailbox.Create(Now);
        var withoutText = SampleMailbox.Create(Now);
        foreach (var entry in withoutText.Changes(null, 0, withoutText.Version, _ => true, int.MaxValue))
        {
            withoutText.Update(entry.Id, json =>
            {
                json["body"] = InMemoryBody.Stored(null);
                json["uniqueBody"] = InMemoryBody.Stored(null);
                json["bodyPreview"] = "";
            });
        }

        using var read = new LocalApiHost(withText, Now);
        using var unread = new LocalApiHost(withoutText, Now);
        using (var client = read.CreateClient())
        {
            await PatchAsync(client, allUnanswered: true);
        }

        var all = await read.ThreadsAsync();
        var before = await unread.ThreadsAsync();

        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(before), System.Text.Json.JsonSerializer.Serialize(all));
    }

    [Fact]
    public async Task Reminders_track_whatever_the_classifier_says_and_a_thanks_still_answers()
    {
        using var host = new LocalApiHost(SampleMailbox.Create(Now), Now);
        using var client = host.CreateClient();
        await host.ThreadsAsync();
        const string notes = "AAMkSample025="; // "Notes from the design review": Lena answered "Thanks Alex, that is everything."
        const string thanks = "AAMkSample026="; // Lena's thanks itself: it asks nothing, and nobody wrote since

        using var onNotes = await client.PostAsJsonAsync("/api/reminders", new { messageId = notes, afterHours = 24 });
        using var onThanks = await client.PostAsJsonAsync("/api/reminders", new { messageId = thanks, afterHours = 24 });

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (onNotes.StatusCode, onThanks.StatusCode));
        Assert.Equal("resolved", (await onNotes.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("status").GetString());
        Assert.Equal("scheduled", (await onThanks.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("status").GetString());
    }

    private static async Task PatchAsync(HttpClient client, bool allUnanswered)
    {
        using var patch = await client.PatchAsJsonAsync("/api/settings", new { allUnanswered });
        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
    }
}
