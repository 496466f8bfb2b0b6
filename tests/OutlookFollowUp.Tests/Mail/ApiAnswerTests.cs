using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OutlookFollowUp.FollowUps;
using OutlookFollowUp.Local;

namespace OutlookFollowUp.Tests.Mail;

/// <summary>Requests the framework cannot bind answer like validation failures: the field named, the problem in a sentence.</summary>
public class ApiAnswerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    /// <summary>A time without its offset (or a date alone) is ambiguous: the API names the forms it takes.</summary>
    private const string RemindAtForm = "remindAt must be an ISO 8601 date and time ending in Z or ±hh:mm, such as 2026-12-01T09:00:00Z or 2026-12-01T10:00:00+01:00.";

    [Theory]
    [InlineData("POST", "/api/reminders", """{"messageId":"m1","remindAt":"tomorrow"}""", "remindAt", RemindAtForm)]
    [InlineData("POST", "/api/reminders", """{"messageId":"m1","remindAt":"2026-12-01T09:00:00"}""", "remindAt", RemindAtForm)]
    [InlineData("POST", "/api/reminders", """{"messageId":"m1","remindAt":"2026-12-01"}""", "remindAt", RemindAtForm)]
    [InlineData("PATCH", "/api/reminders/0123", """{"remindAt":"2026-12-01T09:00"}""", "remindAt", RemindAtForm)]
    [InlineData("PATCH", "/api/reminders/0123", """{"remindAt":"2026-12-01T09:00:00+0100"}""", "remindAt", RemindAtForm)]
    [InlineData("POST", "/api/reminders", """{"messageId":"m1","afterHours":"24"}""", "afterHours", "afterHours must be a whole number.")]
    [InlineData("POST", "/api/reminders", """{"messageId":"m1",""", "body", "The body is not valid JSON")]
    [InlineData("POST", "/api/reminders", """{"messageId":"m1","afterHours":24,"colour":"red"}""", "colour", "colour is not a field of this request.")]
    [InlineData("PUT", "/api/settings", """{"windowHours":36,"businessDays":"yes","lookbackDays":14,"setOutlookFlags":true}""", "businessDays", "businessDays must be true or false.")]
    [InlineData("GET", "/api/threads?top=abc", null, "top", "top must be a whole number; got 'abc'.")]
    [InlineData("PUT", "/api/settings", """{"windowHours":36,"businessDays":true,"setOutlookFlags":true}""", "lookbackDays", "lookbackDays is required.")]
    public async Task UnreadableOrInvalidInput_NamesTheFieldInASentence(string method, string path, string? body, string field, string message)
    {
        using var host = new LocalApiHost(SampleMailbox.Create(Now), Now);
        using var client = host.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = problem.GetProperty("errors").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(e => e.GetString()!).ToList());
        Assert.True(errors.TryGetValue(field, out var said) && said.Any(s => s.StartsWith(message, StringComparison.Ordinal)), problem.ToString());
    }

    [Fact]
    public async Task Settings_WithoutTheOptionalLists_AreSaved_AndTheLookbackBoundComesFromTheApi()
    {
        using var host = new LocalApiHost(SampleMailbox.Create(Now), Now);
        using var client = host.CreateClient();

        using var response = await client.PutAsJsonAsync("/api/settings", new { windowHours = 36, businessDays = false, lookbackDays = 200, setOutlookFlags = true });
        var settings = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((0, 200), (settings.GetProperty("excludedSenders").GetArrayLength(), settings.GetProperty("lookbackDays").GetInt32()));
        Assert.Equal((1, OptionRules.MaxLookbackDays),
            (settings.GetProperty("allowedLookbackDays").GetProperty("min").GetInt32(), settings.GetProperty("allowedLookbackDays").GetProperty("max").GetInt32()));
    }

    [Fact]
    public void ThePane_TakesTheLookbackBoundFromTheApi()
    {
        var settings = File.ReadAllText(OutlookFollowUp.Tests.Deploy.RepositoryFiles.Path("api", "wwwroot", "js", "settings.js"));
        var lookback = settings.Split('\n').Single(l => l.Contains("id: 'lookback'", StringComparison.Ordinal));

        Assert.Contains("max: s.allowedLookbackDays?.max", lookback, StringComparison.Ordinal);
    }
}
