using System.Text.Json.Nodes;
using Microsoft.Playwright;
using OutlookFollowUp.Local;

namespace OutlookFollowUp.Tests.Pane;

/// <summary>
/// Each reminder's state in the pane (scheduled, due now, answered by whom, done by you or in Outlook), due ones first,
/// and the background-access problems GET /api/threads reports. Fields the API adds later (dueAt, resolvedBy, closedBy)
/// are served here through the browser's network layer, so that the pane is held to their shape before they land.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Needs", "Browser")]
public class PaneReminderTests(BrowserFixture browser)
{
    private static readonly DateTimeOffset Now = PaneListTests.Now;
    private const string Contract = "Contract draft for the Q1 review";

    [BrowserFact]
    public async Task EveryState_InWords_DueFirst_ClosedOnesOfTheLastWeekOnly()
    {
        using var host = new PaneHost(SampleMailbox.Create(Now), Now);
        await using var pane = await PanePage.OpenAsync(browser, host, path: "/support.html");
        await pane.Page.RouteAsync("**/api/reminders", route => route.FulfillAsync(new() { ContentType = "application/json", Body = PaneReminderTestsData.AllStates(Now) }));
        await pane.Page.GotoAsync(new Uri(host.BaseUrl, "/taskpane.html").ToString());
        await pane.ReadyAsync();

        var toggle = pane.Page.Locator(".reminders-toggle");
        Assert.Equal("true", await toggle.GetAttributeAsync("aria-expanded")); // something is due: open by itself
        await pane.ScreenshotAsync("reminders-states");
        var items = await pane.Page.Locator(".reminder").EvaluateAllAsync<string[][]>(
            "els => els.map(e => [e.querySelector('.subject').textContent, e.querySelector('.reminder-state').textContent])");

        Assert.Equal(
            [
                ["Due one", "Due now, since Mon, Nov 23, 7:00 AM: no reply yet."],
                ["Scheduled one", "I'll remind you Tue, Nov 24, 9:00 AM if no one replies."],
                ["Answered with a name", "Answered by Ana Silva, Mon, Nov 23, 4:00 AM."],
                ["Answered without a name", "Answered Sun, Nov 22, 3:00 AM."],
                ["Done in Outlook", "Done in Outlook, Sat, Nov 21, 5:00 PM."],
                ["Done by me", "Done by you, Sat, Nov 21, 7:00 AM."],
            ],
            items);
        Assert.Equal("1 due now", await pane.Page.Locator(".reminders-summary").TextContentAsync());
        await pane.AssertAccessibleAsync("reminder states");
    }

    [BrowserFact]
    public async Task CounterpartsWhoAreAway_AreSaid_HeldUntilTheyAreBack_OrTheirAutomaticReplyIsOn()
    {
        using var host = new PaneHost(SampleMailbox.Create(Now), Now);
        await using var pane = await PanePage.OpenAsync(browser, host, path: "/support.html");
        await pane.Page.RouteAsync("**/api/reminders", route => route.FulfillAsync(new() { ContentType = "application/json", Body = PaneReminderTestsData.Away(Now) }));
        await pane.Page.GotoAsync(new Uri(host.BaseUrl, "/taskpane.html").ToString());
        await pane.ReadyAsync();

        await pane.Page.Locator(".reminders-toggle").ClickAsync(); // nothing is due: the section starts closed
        var items = await pane.Page.Locator(".reminder").EvaluateAllAsync<string[][]>(
            "els => els.map(e => [e.querySelector('.subject').textContent, e.querySelector('.reminder-away')?.textContent ?? ''])");
        await pane.ScreenshotAsync("reminders-away");

        Assert.Equal(
            [
                ["Automatic reply on", "Automatic replies are on for Bob Nguyen and Carla Jones."],
                ["Held while away", "Ana Silva is away until Wed, Nov 25, 9:00 AM; reminder moved to Thu, Nov 26, 9:00 AM."],
                ["Nobody away", ""],
            ],
            items);
        await pane.AssertAccessibleAsync("reminders away");
    }

    /// <summary>A reminder on a message the index never saw ("(no subject)", no thread row) can be deleted from the section, like any other.</summary>
    [BrowserFact(ApiFeature.Reminders)]
    public async Task AnyReminder_CanBeDeletedFromTheSection_EvenOneWithNoThread()
    {
        using var host = new PaneHost(SampleMailbox.Create(Now), Now);
        await host.SendJsonAsync(HttpMethod.Post, "/api/reminders", new { internetMessageId = "<ghost-1@fabrikam.example>", afterHours = 24 });
        await using var pane = await PanePage.OpenAsync(browser, host);
        await pane.ReadyAsync();
        await pane.Page.Locator(".reminders-toggle").ClickAsync();
        var ghost = pane.Page.Locator(".reminder").Filter(new() { HasText = "(no subject)" });
        await pane.ScreenshotAsync("reminders-delete");

        await ghost.GetByRole(AriaRole.Button, new() { Name = "Delete the reminder: \"(no subject)\"" }).ClickAsync();
        await pane.Page.Locator("#reminders").WaitForAsync(new() { State = WaitForSelectorState.Hidden });

        Assert.Empty((await host.GetJsonAsync("/api/reminders"))["reminders"]!.AsArray());
        Assert.Contains("Reminder deleted", await pane.Page.Locator("#toast").InnerTextAsync(), StringComparison.Ordinal);
        await pane.AssertAccessibleAsync("reminder deleted");
    }

    [BrowserFact(ApiFeature.Reminders)]
    public async Task AScheduledReminder_FromTheApi_ShowsWhen_AndTheSectionStartsClosed()
    {
        using var host = new PaneHost(SampleMailbox.Create(Now), Now);
        var thread = (await host.ThreadsAsync("theirs")).First(t => (string?)t!["subject"] == Contract)!;
        await host.SendJsonAsync(HttpMethod.Post, "/api/reminders", new { messageId = (string?)thread["messageId"], afterHours = 24 });
        await using var pane = await PanePage.OpenAsync(browser, host);
        await pane.ReadyAsync();
        var toggle = pane.Page.Locator(".reminders-toggle");

        Assert.Equal(("false", "1 scheduled"), (await toggle.GetAttributeAsync("aria-expanded"), await pane.Page.Locator(".reminders-summary").TextContentAsync()));
        await toggle.ClickAsync();
        Assert.Equal("I'll remind you Tue, Nov 24, 9:00 AM if no one replies.", await pane.Page.Locator(".reminder .reminder-state").TextContentAsync());
    }

    [BrowserFact]
    public async Task ARowWhoseReminderIsDue_ComesFirst_WithADueBadge()
    {
        using var host = new PaneHost(SampleMailbox.Create(Now), Now);
        var theirs = PaneListTests.Subjects(await host.ThreadsAsync("theirs"));
        var last = theirs[^1];
        await using var pane = await PanePage.OpenAsync(browser, host, path: "/support.html");
        await pane.Page.RouteAsync("**/api/threads?*", async route =>
        {
            var response = await route.FetchAsync();
            var body = JsonNode.Parse(await response.TextAsync())!;
            foreach (var t in body["threads"]!.AsArray().Where(t => (string?)t!["subject"] == last))
            {
                t!["reminder"] = new JsonObject { ["id"] = "r1", ["remindAt"] = Now.AddHours(-1), ["status"] = "due" };
            }

            await route.FulfillAsync(new() { Response = response, Body = body.ToJsonString() });
        });
        await pane.Page.GotoAsync(new Uri(host.BaseUrl, "/taskpane.html").ToString());
        await pane.ReadyAsync();

        var rows = await PaneListTests.RowSubjectsAsync(pane.Page);
        Assert.True(theirs.Count > 1, "the sample has several threads waiting on them");
        Assert.Equal([last, .. theirs.Take(theirs.Count - 1)], rows);
        Assert.Equal("Reminder due now", await pane.Page.Locator(".row").First.Locator(".badge").TextContentAsync());
    }

    [BrowserFact]
    public async Task AnExpiredPastedToken_SaysWhatToDo()
    {
        await using var problem = await OpenWithErrorCodeAsync("token_expired");

        var banner = problem.Pane.Page.Locator("#banner");
        Assert.Contains("The pasted token has expired.", await banner.TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal("alert", await banner.GetAttributeAsync("role"));
        await problem.Pane.ScreenshotAsync("background-token-expired");
        await problem.Pane.AssertAccessibleAsync("token expired");
    }

    [BrowserFact]
    public async Task AnUnknownCode_StillSaysRemindersMayBeLate_AndNamesTheCode()
    {
        await using var problem = await OpenWithErrorCodeAsync("mailbox_moved_to_mars");

        var banner = await problem.Pane.Page.Locator("#banner").TextContentAsync();
        Assert.Contains("Follow-ups could not check your mail in the background.", banner, StringComparison.Ordinal);
        Assert.Contains("Code: mailbox_moved_to_mars", banner, StringComparison.Ordinal);
    }

    private sealed class Problem(PaneHost host, PanePage pane) : IAsyncDisposable
    {
        public PanePage Pane { get; } = pane;

        public async ValueTask DisposeAsync()
        {
            await Pane.DisposeAsync();
            host.Dispose();
        }
    }

    /// <summary>The pane with GET /api/threads reporting a failed background sync (stale, with the code).</summary>
    private async Task<Problem> OpenWithErrorCodeAsync(string code)
    {
        var host = new PaneHost(SampleMailbox.Create(Now), Now);
        var pane = await PanePage.OpenAsync(browser, host, path: "/support.html");
        await pane.Page.RouteAsync("**/api/threads?*", async route =>
        {
            var response = await route.FetchAsync();
            var body = JsonNode.Parse(await response.TextAsync())!;
            body["stale"] = true;
            body["lastErrorCode"] = code;
            await route.FulfillAsync(new() { Response = response, Body = body.ToJsonString() });
        });
        await pane.Page.GotoAsync(new Uri(host.BaseUrl, "/taskpane.html").ToString());
        await pane.ReadyAsync();
        await pane.Page.Locator("#banner").WaitForAsync();
        return new Problem(host, pane);
    }
}

/// <summary>GET /api/reminders with one reminder in each state, the API's later fields (dueAt, resolvedBy, closedBy) included.</summary>
internal static class PaneReminderTestsData
{
    private static JsonObject Reminder(DateTimeOffset now, string id, string subject, string status, DateTimeOffset remindAt, object? extra = null)
    {
        var r = new JsonObject
        {
            ["id"] = id, ["messageId"] = $"m-{id}", ["internetMessageId"] = $"<{id}@x>", ["threadKey"] = $"t-{id}", ["subject"] = subject,
            ["remindAt"] = remindAt, ["createdAt"] = now.AddDays(-3), ["status"] = status, ["doneAt"] = null, ["resolvedAt"] = null,
        };
        foreach (var (key, value) in JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(extra ?? new { }, PaneHost.Json))!.AsObject())
        {
            r[key] = value?.DeepClone();
        }

        return r;
    }

    /// <summary>The due sweep's <c>away</c> note: held until the counterpart is back, or an automatic reply with no end.</summary>
    public static string Away(DateTimeOffset Now) => new JsonObject
    {
        ["reminders"] = new JsonArray(
            Reminder(Now, "h", "Held while away", "scheduled", Now.AddDays(3), new
            {
                away = new { names = new[] { "Ana Silva" }, until = Now.AddDays(2), movedTo = Now.AddDays(3), note = "Ana Silva is away until Wed 25 Nov; reminder moved to Thu 09:00" },
            }),
            Reminder(Now, "o", "Automatic reply on", "scheduled", Now.AddDays(1), new
            {
                away = new { names = new[] { "Bob Nguyen", "Carla Jones" }, note = "Bob Nguyen's and Carla Jones's automatic replies are on" },
            }),
            Reminder(Now, "n", "Nobody away", "scheduled", Now.AddDays(4))),
    }.ToJsonString();

    public static string AllStates(DateTimeOffset Now) => new JsonObject
    {
        ["reminders"] = new JsonArray(
            Reminder(Now, "a", "Scheduled one", "scheduled", Now.AddDays(1)),
            Reminder(Now, "b", "Answered with a name", "resolved", Now.AddDays(-1), new { resolvedAt = Now.AddHours(-5), resolvedBy = new { name = "Ana Silva", address = "ana@fabrikam.com" } }),
            Reminder(Now, "c", "Due one", "due", Now.AddHours(-2), new { dueAt = Now.AddHours(-2) }),
            Reminder(Now, "d", "Answered without a name", "resolved", Now.AddDays(-1), new { resolvedAt = Now.AddHours(-30) }),
            Reminder(Now, "e", "Done in Outlook", "done", Now.AddDays(-1), new { doneAt = Now.AddHours(-40), closedBy = "outlook" }),
            Reminder(Now, "f", "Done by me", "done", Now.AddDays(-1), new { doneAt = Now.AddHours(-50), closedBy = "user" }),
            Reminder(Now, "g", "Closed long ago", "done", Now.AddDays(-30), new { doneAt = Now.AddDays(-20) })),
    }.ToJsonString();
}
