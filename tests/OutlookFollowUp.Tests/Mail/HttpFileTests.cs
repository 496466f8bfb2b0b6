using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using OutlookFollowUp.Local;

namespace OutlookFollowUp.Tests.Mail;

/// <summary>
/// Every example in api/OutlookFollowUp.Api.http succeeds against a fresh local run (the sample mailbox), in the
/// file's order, with its variables substituted as Visual Studio and VS Code's REST Client do: file variables,
/// <c>{{name.response.body.$.field}}</c> from a request named with <c># @name</c>, and <c>{{$datetime iso8601 N d}}</c>.
/// </summary>
public partial class HttpFileTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task EveryExample_SucceedsAgainstAFreshLocalRun()
    {
        var requests = Parse(await File.ReadAllTextAsync(RepositoryFiles.Path("api", "OutlookFollowUp.Api.http")));
        using var host = new LocalApiHost(SampleMailbox.Create(Now), Now);
        using var client = host.CreateClient();
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        var responses = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var failures = new List<string>();

        foreach (var example in requests)
        {
            foreach (var (name, value) in example.Variables)
            {
                variables[name] = value;
            }

            string Substitute(string text) => Placeholder().Replace(text, m => Resolve(m.Groups[1].Value.Trim(), variables, responses, host.Clock.GetUtcNow()));
            var url = Substitute(example.Url);
            using var request = new HttpRequestMessage(new HttpMethod(example.Method), new Uri(url, UriKind.RelativeOrAbsolute));
            string? contentType = null;
            foreach (var (name, value) in example.Headers)
            {
                if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
                {
                    contentType = Substitute(value);
                }
                else
                {
                    request.Headers.TryAddWithoutValidation(name, Substitute(value));
                }
            }

            if (example.Body.Length > 0)
            {
                request.Content = new StringContent(Substitute(example.Body), Encoding.UTF8);
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType ?? "application/json");
            }

            using var response = await client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode)
            {
                failures.Add($"{example.Method} {url}: {(int)response.StatusCode} {text}");
            }

            if (example.Name is { } named && text.Length > 0 && response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.Ordinal) == true)
            {
                responses[named] = JsonDocument.Parse(text).RootElement.Clone();
            }
        }

        Assert.True(requests.Count >= 15, $"only {requests.Count} requests were read from the .http file");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static string Resolve(string expression, Dictionary<string, string> variables, Dictionary<string, JsonElement> responses, DateTimeOffset now)
    {
        if (expression == "host")
        {
            return ""; // the test server: every path is relative
        }

        if (DateTimeVariable().Match(expression) is { Success: true } datetime)
        {
            var amount = datetime.Groups[1].Success ? int.Parse(datetime.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
            var at = datetime.Groups[2].Value switch
            {
                "d" => now.AddDays(amount),
                "h" => now.AddHours(amount),
                "m" => now.AddMinutes(amount),
                _ => now,
            };
            return at.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        }

        if (ResponseVariable().Match(expression) is { Success: true } fromResponse)
        {
            Assert.True(responses.TryGetValue(fromResponse.Groups[1].Value, out var body), $"no response named {fromResponse.Groups[1].Value} before its use");
            return body.GetProperty(fromResponse.Groups[2].Value).ToString();
        }

        Assert.True(variables.TryGetValue(expression, out var value), $"the .http file uses {{{{{expression}}}}} without defining it");
        return Placeholder().Replace(value, m => Resolve(m.Groups[1].Value.Trim(), variables, responses, now));
    }

    private sealed record Example(string? Name, string Method, string Url, List<(string Name, string Value)> Headers, string Body, List<(string Name, string Value)> Variables);

    /// <summary>Blocks separated by "###"; in each, variables and comments, the request line, headers, a blank line, the body.</summary>
    private static List<Example> Parse(string file)
    {
        var examples = new List<Example>();
        var pendingVariables = new List<(string, string)>();
        foreach (var block in Regex.Split(file.Replace("\r\n", "\n", StringComparison.Ordinal), @"^###.*$", RegexOptions.Multiline))
        {
            string? name = null, method = null, url = null;
            var headers = new List<(string, string)>();
            var body = new StringBuilder();
            var inBody = false;
            foreach (var line in block.Split('\n'))
            {
                if (inBody)
                {
                    body.AppendLine(line);
                    continue;
                }

                var trimmed = line.Trim();
                if (method is null)
                {
                    if (NameComment().Match(trimmed) is { Success: true } n)
                    {
                        name = n.Groups[1].Value;
                    }
                    else if (VariableLine().Match(trimmed) is { Success: true } v)
                    {
                        pendingVariables.Add((v.Groups[1].Value, v.Groups[2].Value.Trim()));
                    }
                    else if (trimmed.Length > 0 && !trimmed.StartsWith('#') && !trimmed.StartsWith("//", StringComparison.Ordinal))
                    {
                        var parts = trimmed.Split(' ', 3);
                        (method, url) = (parts[0], parts[1]);
                    }
                }
                else if (trimmed.Length == 0)
                {
                    inBody = true;
                }
                else if (!trimmed.StartsWith('#'))
                {
                    var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
                    headers.Add((trimmed[..colon].Trim(), trimmed[(colon + 1)..].Trim()));
                }
            }

            if (method is not null)
            {
                examples.Add(new Example(name, method, url!, headers, body.ToString().Trim(), [.. pendingVariables]));
                pendingVariables.Clear();
            }
        }

        return examples;
    }

    [GeneratedRegex(@"\{\{(.+?)\}\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^\$datetime\s+iso8601(?:\s+(-?\d+)\s+(\w+))?$")]
    private static partial Regex DateTimeVariable();

    [GeneratedRegex(@"^(\w+)\.response\.body\.\$\.(\w+)$")]
    private static partial Regex ResponseVariable();

    [GeneratedRegex(@"^#\s*@name\s+(\w+)")]
    private static partial Regex NameComment();

    [GeneratedRegex(@"^@(\w+)\s*=(.*)$")]
    private static partial Regex VariableLine();
}
