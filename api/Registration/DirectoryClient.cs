using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OutlookFollowUp.Registration;

/// <summary>
/// The few Graph directory calls <c>register</c> makes, over plain HTTP. Reads always go out (they change nothing);
/// writes are printed, and only sent when this is not a dry run. Tokens are never printed.
/// </summary>
public sealed class DirectoryClient(HttpClient http, TextWriter output, bool dryRun)
{
    // Printed for people: apostrophes and angle brackets as they are (the body sent is the compact, escaped form).
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public bool DryRun => dryRun;

    public int WritesSent { get; private set; }

    /// <summary>False when a dry run has no token: reads are then skipped and the registration treated as new.</summary>
    public bool CanRead { get; init; } = true;

    public async Task<JsonObject?> GetAsync(string relativeUrl, CancellationToken ct)
    {
        using var response = await http.GetAsync(relativeUrl, ct);
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }

        await EnsureSuccessAsync(response, "GET", relativeUrl, ct);
        return await response.Content.ReadFromJsonAsync<JsonObject>(ct);
    }

    /// <summary>The first item of a collection answer (<c>value</c>), or null.</summary>
    public async Task<JsonObject?> FirstAsync(string relativeUrl, CancellationToken ct) =>
        (await GetAsync(relativeUrl, ct))?["value"]?.AsArray().FirstOrDefault()?.AsObject();

    /// <summary>Sends (or, in a dry run, prints only) a write; returns Graph's answer, or null for a dry run or a 204.</summary>
    public async Task<JsonObject?> WriteAsync(HttpMethod method, string relativeUrl, JsonObject body, CancellationToken ct)
    {
        await output.WriteLineAsync($"{method} {new Uri(http.BaseAddress!, relativeUrl)}");
        await output.WriteLineAsync(body.ToJsonString(Indented));
        if (dryRun)
        {
            return null;
        }

        using var request = new HttpRequestMessage(method, relativeUrl)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        using var response = await http.SendAsync(request, ct);
        WritesSent++;
        await EnsureSuccessAsync(response, method.Method, relativeUrl, ct);
        return response.Content.Headers.ContentLength is 0 || response.StatusCode == System.Net.HttpStatusCode.NoContent
            ? null
            : await response.Content.ReadFromJsonAsync<JsonObject>(ct);
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, string method, string url, CancellationToken ct)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        // Graph's error code and message say what to fix (a missing permission, a bad value); they carry no secrets.
        var text = await response.Content.ReadAsStringAsync(ct);
        string? detail = null;
        try
        {
            var error = JsonNode.Parse(text)?["error"];
            detail = error is null ? null : $"{error["code"]}: {error["message"]}";
        }
        catch (JsonException)
        {
        }

        throw new RegistrationException($"{method} {url} failed with {(int)response.StatusCode} {response.ReasonPhrase}{(detail is null ? "" : $" ({detail})")}.");
    }
}

/// <summary>A Graph call the registration needed failed; the message is the one line to print.</summary>
public sealed class RegistrationException(string message) : Exception(message);
