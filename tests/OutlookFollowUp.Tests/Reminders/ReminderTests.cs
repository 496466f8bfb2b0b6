using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using OutlookFollowUp.FollowUps;
using OutlookFollowUp.Reminders;
using static OutlookFollowUp.Tests.Support.ApiTestKit;

namespace OutlookFollowUp.Tests.Reminders;

public sealed class ReminderTests(ApiApplication app) : IClassFixture<ApiApplication>
{
    private const string Me = "me@contoso.com";
    private readonly HttpClient _client = app.CreateClient(TestTokens.UserA);

    [Fact]
    public async Task Create_answers_201_with_its_location_and_afterHours_counts_from_now()
    {
        using var response = await _client.PostAsJsonAsync("/api/reminders", new { messageId = "create-1", afterHours = 48 });
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/api/reminders/{body.GetProperty("id").GetString()}", response.Headers.Location?.OriginalString);
        Assert.Equal(app.Time.GetUtcNow().AddHours(48), body.GetProperty("remindAt").GetDateTimeOffset());
        Assert.Equal("scheduled", body.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Create_for_a_message_already_tracked_answers_200_with_the_same_reminder()
    {
        var first = await _client.PostJsonAsync("/api/reminders", new { messageId = "twice", afterHours = 24 }, HttpStatusCode.Created);
        var second = await _client.PostJsonAsync("/api/reminders", new { messageId = "twice", afterHours = 48 }, HttpStatusCode.OK);

        Assert.Equal(first.GetProperty("id").GetString(), second.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Creates_racing_for_one_message_make_one_reminder()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => _client.PostAsJsonAsync("/api/reminders", new { messageId = "race", afterHours = 24 })));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.Single((await Task.WhenAll(responses.Select(r => r.ReadJsonAsync()))).Select(b => b.GetProperty("id").GetString()).Distinct());
    }

    [Fact]
    public async Task A_message_known_to_the_index_is_tracked_under_both_ids_with_its_subject_and_thread()
    {
        await app.SeedMessagesAsync(UserAKey, [Me], Message("graph-id-7", "<seven@contoso.com>", Me, 30, "Contract"));

        var created = await _client.PostJsonAsync("/api/reminders", new { internetMessageId = "<seven@contoso.com>", afterHours = 24 }, HttpStatusCode.Created);
        var again = await _client.PostJsonAsync("/api/reminders", new { messageId = "graph-id-7", afterHours = 24 }, HttpStatusCode.OK);

        Assert.Equal(("graph-id-7", "Contract", "conv-graph-id-7"),
            (created.GetProperty("messageId").GetString(), created.GetProperty("subject").GetString(), created.GetProperty("threadKey").GetString()));
        Assert.Equal(created.GetProperty("id").GetString(), again.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Ninety_days_ahead_is_the_latest_allowed()
    {
        await _client.PostJsonAsync("/api/reminders", new { messageId = "far", remindAt = app.Time.GetUtcNow().AddDays(90) }, HttpStatusCode.Created);
    }

    [Theory]
    [InlineData("not-a-message-id")]
    [InlineData("<no-at-sign>")]
    [InlineData("left@right.example")]
    [InlineData("<@right.example>")]
    [InlineData("<left@>")]
    [InlineData("<a@b.example> <c@d.example>")]
    public async Task An_internetMessageId_not_in_the_msg_id_form_is_a_400_and_makes_no_reminder(string internetMessageId)
    {
        using var response = await _client.PostAsJsonAsync("/api/reminders", new { internetMessageId, afterHours = 24 });
        var problem = await response.ReadJsonAsync();
        var stored = (await _client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/reminders")).GetProperty("reminders").EnumerateArray();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<left@right>", problem.GetProperty("errors").GetProperty("internetMessageId")[0].GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(stored, r => r.GetProperty("internetMessageId").GetString() == internetMessageId);
    }

    [Theory]
    [InlineData("<AM6PR05MB4357A1B2C3D4E5F6A7B8C9D0E1F2A3B4C5@AM6PR05MB4357.eurprd05.prod.outlook.com>")]
    [InlineData("<CAH+w=7a9b_XYZ-1@mail.gmail.com>")]
    [InlineData("<\"quoted left\"@example.com>")]
    [InlineData("<1234.5678@[192.0.2.1]>")]
    public async Task Message_ids_as_Graph_and_RFC_5322_write_them_are_accepted(string internetMessageId)
    {
        using var response = await _client.PostAsJsonAsync("/api/reminders", new { internetMessageId, afterHours = 24 });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(internetMessageId, (await response.ReadJsonAsync()).GetProperty("internetMessageId").GetString());
    }

    [Theory]
    [InlineData("yyyy-MM-ddTHH:mm:ssZ", 0)]
    [InlineData("yyyy-MM-ddTHH:mm:ss.fffzzz", 1)]
    [InlineData("yyyy-MM-ddTHH:mmzzz", -5)]
    public async Task A_remindAt_with_Z_or_an_offset_is_taken_as_that_instant(string format, int offsetHours)
    {
        var at = app.Time.GetUtcNow().AddDays(2);
        at = new DateTimeOffset(at.Year, at.Month, at.Day, at.Hour, at.Minute, 0, TimeSpan.Zero).ToOffset(TimeSpan.FromHours(offsetHours));
        var body = $$"""{"messageId":"offset-{{offsetHours}}","remindAt":"{{at.ToString(format, System.Globalization.CultureInfo.InvariantCulture)}}"}""";

        using var response = await _client.PostAsync("/api/reminders", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var created = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(at.UtcDateTime, created.GetProperty("remindAt").GetDateTimeOffset().UtcDateTime);
    }

    [Fact]
    public async Task Snooze_done_and_delete_follow_the_reminder_through_its_life()
    {
        var id = (await _client.PostJsonAsync("/api/reminders", new { messageId = "life", afterHours = 24 }, HttpStatusCode.Created)).GetProperty("id").GetString();
        var later = app.Time.GetUtcNow().AddDays(3);

        using var snooze = await _client.PatchAsJsonAsync($"/api/reminders/{id}", new { remindAt = later });
        var snoozed = await snooze.ReadJsonAsync();
        var done = await _client.PostJsonAsync($"/api/reminders/{id}/done", new { }, HttpStatusCode.OK);
        using var snoozeDone = await _client.PatchAsJsonAsync($"/api/reminders/{id}", new { remindAt = later.AddDays(1) });
        using var delete = await _client.DeleteAsync($"/api/reminders/{id}");
        using var gone = await _client.GetAsync($"/api/reminders/{id}");

        Assert.Equal(later, snoozed.GetProperty("remindAt").GetDateTimeOffset());
        Assert.Equal("done", done.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, snoozeDone.StatusCode);
        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.NotFound), (delete.StatusCode, gone.StatusCode));
    }

    [Fact]
    public async Task A_reply_from_someone_else_resolves_the_reminder_but_an_auto_reply_or_my_own_mail_does_not()
    {
        const string user = TestTokens.TenantA + ":resolver-user";
        var client = app.CreateClient(TestTokens.Mint(new TestTokens.Spec { ObjectId = "resolver-user" }));
        await app.SeedMessagesAsync(user, [Me],
            Message("r-sent", "<sent@contoso.com>", Me, 50, conversation: "conv-r"),
            Message("r-reply", "<reply@fabrikam.com>", "ana@fabrikam.com", 10, conversation: "conv-r"),
            Message("q-sent", "<q@contoso.com>", Me, 50, conversation: "conv-q"),
            Message("q-ooo", "<ooo@fabrikam.com>", "bob@fabrikam.com", 10, "Automatic reply: Quote", conversation: "conv-q"),
            Message("q-mine", "<q2@contoso.com>", Me, 5, conversation: "conv-q"));
        var answered = (await client.PostJsonAsync("/api/reminders", new { messageId = "r-sent", afterHours = 24 }, HttpStatusCode.Created)).GetProperty("id").GetString();
        var waiting = (await client.PostJsonAsync("/api/reminders", new { messageId = "q-sent", afterHours = 24 }, HttpStatusCode.Created)).GetProperty("id").GetString();

        // The reply was already indexed, so creating the reminder resolved it; a later pass has nothing left to do.
        await using var scope = app.Services.CreateAsyncScope();
        var resolvedLater = await scope.ServiceProvider.GetRequiredService<IReminderResolver>().ResolveAsync(user, CancellationToken.None);

        Assert.Equal(0, resolvedLater);
        Assert.Equal("resolved", (await (await client.GetAsync($"/api/reminders/{answered}")).ReadJsonAsync()).GetProperty("status").GetString());
        Assert.Equal("scheduled", (await (await client.GetAsync($"/api/reminders/{waiting}")).ReadJsonAsync()).GetProperty("status").GetString());
    }

    private MailRecord Message(string id, string internetId, string from, double hoursAgo, string subject = "Contract", string? conversation = null) => new()
    {
        Id = id,
        InternetMessageId = internetId,
        ConversationId = conversation ?? "conv-" + id,
        From = from,
        To = [new MailAddress(from == Me ? "ana@fabrikam.com" : Me)],
        Date = app.Time.GetUtcNow().AddHours(-hoursAgo),
        Subject = subject,
    };
}
