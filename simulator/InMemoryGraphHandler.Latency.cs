using System.Text.Json;

namespace OutlookFollowUp.GraphSimulator;

public sealed partial class InMemoryGraphHandler
{
    /// <summary>
    /// How long each request takes on the wire and at the server, in real time (figures at Graph's pace; zero by
    /// default). A <c>$batch</c> takes it once per four parts: Graph runs up to four parts of a batch at once.
    /// </summary>
    public TimeSpan Latency { get; set; }

    private async Task LatencyAsync(HttpRequestMessage request, string? body, CancellationToken ct)
    {
        if (Latency <= TimeSpan.Zero)
        {
            return;
        }

        var rounds = 1;
        if (request.Method == HttpMethod.Post && body is not null && request.RequestUri?.AbsolutePath.EndsWith("/$batch", StringComparison.Ordinal) == true)
        {
            try
            {
                using var json = JsonDocument.Parse(body);
                if (json.RootElement.TryGetProperty("requests", out var parts) && parts.ValueKind == JsonValueKind.Array)
                {
                    rounds = Math.Max(1, (parts.GetArrayLength() + 3) / 4);
                }
            }
            catch (JsonException)
            {
                // The batch route answers it with a 400; one round trip.
            }
        }

        await Task.Delay(Latency * rounds, ct);
    }
}
