using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace OutlookFollowUp.Tests.Local;

/// <summary>Local mode answers no web page but its own: loopback Host names only, no foreign Origin, JSON bodies only.</summary>
public sealed class LocalModeProtectionTests
{
    [Theory]
    [InlineData("/api/threads")]
    [InlineData("/taskpane.html")]
    [InlineData("/health/live")]
    public async Task A_DNS_rebinding_Host_is_421_ProblemDetails(string path)
    {
        using var host = new HardeningHost(Base64Mailbox.Create(), kestrel: false);
        using var client = host.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = "rebinding.example";

        using var response = await client.SendAsync(request);

        await AssertProblemAsync(response, HttpStatusCode.MisdirectedRequest);
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("localhost:5000")]
    [InlineData("127.0.0.1:8080")]
    [InlineData("[::1]:5000")]
    [InlineData("LOCALHOST")]
    public async Task Loopback_Host_names_with_any_port_are_served(string hostHeader)
    {
        using var host = new HardeningHost(Base64Mailbox.Create(), kestrel: false);
        using var client = host.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/threads");
        request.Headers.Host = hostHeader;

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("application/x-www-form-urlencoded", "a=b")]
    [InlineData("text/plain", "")]
    [InlineData("application/json", "{}")]
    public async Task A_cross_site_POST_is_403_and_dismisses_nothing(string contentType, string body)
    {
        using var host = new HardeningHost(Base64Mailbox.Create(), kestrel: false);
        using var client = host.Client();
        var key = Base64Mailbox.Keys[0];
        Assert.Contains(key, await KeysAsync(client)); // indexed, so that a dismiss that got through would hide it
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/threads/{Uri.EscapeDataString(key)}/dismiss")
        {
            Content = new StringContent(body, Encoding.UTF8, contentType),
        };
        request.Headers.Add("Origin", "https://evil.example");

        using var response = await client.SendAsync(request);

        await AssertProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Contains(key, await KeysAsync(client));
    }

    [Theory]
    [InlineData("GET", "/api/threads")]
    [InlineData("POST", "/api/threads/sync")]
    public async Task A_foreign_origin_is_403_on_reads_and_syncs_too(string method, string path)
    {
        using var host = new HardeningHost(Base64Mailbox.Create(), kestrel: false);
        using var client = host.Client();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Add("Origin", "null");

        using var response = await client.SendAsync(request);

        await AssertProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("application/x-www-form-urlencoded", "a=b")]
    [InlineData("multipart/form-data; boundary=x", "--x--")]
    [InlineData("text/plain", "{\"windowHours\":24}")]
    public async Task A_write_with_a_non_JSON_body_is_415_even_from_the_apps_own_origin(string contentType, string body)
    {
        using var host = new HardeningHost(Base64Mailbox.Create(), kestrel: false);
        using var client = host.Client();
        var key = Base64Mailbox.Keys[0];
        Assert.Contains(key, await KeysAsync(client)); // indexed, so that a dismiss that got through would hide it
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/threads/{Uri.EscapeDataString(key)}/dismiss")
        {
            Content = new StringContent(body, Encoding.UTF8),
        };
        request.Content.Headers.Remove("Content-Type");
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        request.Headers.Add("Origin", "http://localhost");

        using var response = await client.SendAsync(request);

        await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Contains(key, await KeysAsync(client));
    }

    [Fact]
    public async Task The_apps_own_pages_still_work_from_the_same_origin_on_Kestrel()
    {
        using var host = new HardeningHost(Base64Mailbox.Create(), kestrel: true);
        using var client = host.Client();
        var key = Base64Mailbox.Keys[0];
        Assert.Contains(key, await KeysAsync(client)); // indexed, so that a dismiss that got through would hide it
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/threads/{Uri.EscapeDataString(key)}/dismiss");
        request.Headers.Add("Origin", host.BaseUrl!.GetLeftPart(UriPartial.Authority));

        using var response = await client.SendAsync(request);

        Assert.Equal((HttpStatusCode.OK, false), (response.StatusCode, (await KeysAsync(client)).Contains(key)));
    }

    [Theory]
    [InlineData("/api/graph/notifications")]
    [InlineData("/api/graph/lifecycle")]
    public async Task Graph_notification_routes_are_exempt_from_the_Origin_and_JSON_rules(string path)
    {
        using var host = new HardeningHost(Base64Mailbox.Create(), kestrel: false);
        using var client = host.Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, path + "?validationToken=abc") { Content = new StringContent("", Encoding.UTF8, "text/plain") };
        request.Headers.Add("Origin", "https://graph.microsoft.com");

        using var response = await client.SendAsync(request);

        Assert.DoesNotContain(response.StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.UnsupportedMediaType, HttpStatusCode.MisdirectedRequest });
    }

    [Fact]
    public async Task Entra_mode_keeps_its_bearer_token_rules_and_has_no_host_check()
    {
        using var app = new ApiApplication();
        using var client = app.CreateClient(TestTokens.UserA);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/settings");
        request.Headers.Host = "followup.contoso.com";

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task<List<string>> KeysAsync(HttpClient client) =>
        [.. (await client.GetFromJsonAsync<JsonElement>("/api/threads")).GetProperty("threads").EnumerateArray().Select(t => t.GetProperty("threadKey").GetString()!)];

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        var problem = response.Content.Headers.ContentType?.MediaType == "application/problem+json"
            ? JsonSerializer.Deserialize<JsonElement>(text).GetProperty("status").GetInt32() : 0;
        Assert.True(response.StatusCode == expected && problem == (int)expected, $"{(int)response.StatusCode} {text}");
    }
}
