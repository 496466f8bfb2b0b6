using System.Net;
using System.Net.Http.Json;

namespace OutlookFollowUp.Tests.Web;

/// <summary>Every 404 of the reminder and dismissal routes is ProblemDetails that says what was not found, and what to do.</summary>
public sealed class NotFoundDetailTests(ApiApplication app) : IClassFixture<ApiApplication>
{
    private readonly HttpClient _client = app.CreateClient(TestTokens.UserA);

    public static TheoryData<string, string, string> Requests => new()
    {
        { "GET", "/api/reminders/0123456789abcdef", "reminder" },
        { "PATCH", "/api/reminders/0123456789abcdef", "reminder" },
        { "POST", "/api/reminders/0123456789abcdef/done", "reminder" },
        { "DELETE", "/api/reminders/0123456789abcdef", "reminder" },
        { "POST", "/api/threads/AAQkNoSuchThread%3D/dismiss", "conversation" },
        { "DELETE", "/api/threads/AAQkNoSuchThread%3D/dismiss", "conversation" },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task A_404_names_what_was_not_found_in_its_detail(string method, string path, string what)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        if (method == "PATCH")
        {
            request.Content = JsonContent.Create(new { remindAt = ApiApplication.Start.AddDays(2) });
        }

        using var response = await _client.SendAsync(request);
        var problem = await response.ReadJsonAsync();

        Assert.Equal((HttpStatusCode.NotFound, "application/problem+json"), (response.StatusCode, response.Content.Headers.ContentType?.MediaType));
        Assert.True(problem.TryGetProperty("detail", out var detail) && detail.GetString() is { Length: > 20 } text
            && text.Contains(what, StringComparison.OrdinalIgnoreCase), problem.ToString());
    }
}
