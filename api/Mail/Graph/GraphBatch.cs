using System.Globalization;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions;

namespace OutlookFollowUp.Mail.Graph;

/// <summary>One request of a batch, under the caller's key (a conversation id, a message id).</summary>
/// <param name="Request">Builds the request afresh for each attempt: a sent body stream cannot be read twice.</param>
internal sealed record GraphBatchPart(string Key, Func<RequestInformation> Request);

/// <summary>How one part ended: its JSON body when it succeeded (null for 204), else the product's failure.</summary>
/// <param name="WholeBatch">The batch request itself failed (after the SDK's own retries): no part is retried again.</param>
internal sealed record GraphPartOutcome(string? Body, MailException? Failure, bool WholeBatch = false);

/// <summary>
/// JSON <c>$batch</c>: parts go 20 to a POST (one HTTP request through the mailbox's pipeline, so one slot of the
/// concurrency limit), each part answers with its own status. Throttled parts (429/503/504) are sent again alone, each
/// after its own Retry-After, for at most <see cref="GraphOptions.MaxRetries"/> rounds and within half of
/// <see cref="GraphOptions.InteractiveBudget"/> of waiting, the same bounds as the SDK's RetryHandler; a part that is
/// still throttled then, or refused for good (404, 403…), comes back as a failure. One part never fails the others. A
/// throttled batch request as a whole is the SDK's RetryHandler's to retry (the one retry layer for requests), not this.
/// </summary>
internal sealed class GraphBatch(GraphServiceClient client, TimeProvider time, GraphOptions options)
{
    public const int MaxParts = 20;

    public async Task<IReadOnlyDictionary<string, GraphPartOutcome>> SendAsync(
        IReadOnlyList<GraphBatchPart> parts, string permission, CancellationToken cancellationToken)
    {
        var outcomes = new Dictionary<string, GraphPartOutcome>(StringComparer.Ordinal);
        var started = time.GetUtcNow();
        var pending = parts.DistinctBy(p => p.Key, StringComparer.Ordinal).Select(p => new Pending(p, 0, started)).ToList();
        while (pending.Count > 0)
        {
            var wait = pending.Min(p => p.Due) - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, cancellationToken);
            }

            var now = time.GetUtcNow();
            var ready = pending.Where(p => p.Due <= now).ToList();
            pending.RemoveAll(p => p.Due <= now);
            var answers = await Task.WhenAll(ready.Chunk(MaxParts).Select(chunk => PostAsync(chunk, permission, cancellationToken)));
            // One instant for the round: parts throttled alike come due together and go back in one POST.
            var answeredAt = time.GetUtcNow();
            foreach (var (part, answer) in answers.SelectMany(a => a))
            {
                // What Graph's own retry advice covers (429, 503, 504), as the SDK's RetryHandler does for whole requests.
                if (answer.Failure is MailUnavailableException { Status: 429 or 503 or 504 } busy
                    && !answer.WholeBatch
                    && RetryDue(part, busy.RetryAfter, started, answeredAt) is { } due)
                {
                    pending.Add(part with { Attempt = part.Attempt + 1, Due = due });
                    continue;
                }

                outcomes[part.Part.Key] = answer;
            }
        }

        return outcomes;
    }

    /// <summary>When to send a throttled part again, or null when the rounds or the waiting budget are spent.</summary>
    private DateTimeOffset? RetryDue(Pending part, TimeSpan? retryAfter, DateTimeOffset started, DateTimeOffset answeredAt)
    {
        var delay = retryAfter ?? TimeSpan.FromSeconds(Math.Pow(2, part.Attempt));
        var due = answeredAt + delay;
        return part.Attempt < options.MaxRetries && due - started <= options.InteractiveBudget / 2 ? due : null;
    }

    /// <summary>
    /// One POST of up to 20 parts, numbered within the batch (Graph's ids are long and full of '/', '+' and '='); a
    /// failure of the POST itself, or an answer that cannot be read, is every part's failure.
    /// </summary>
    private async Task<List<(Pending Part, GraphPartOutcome Outcome)>> PostAsync(Pending[] chunk, string permission, CancellationToken cancellationToken)
    {
        try
        {
            // At most 20 parts, so the collection is one batch: one POST.
            var content = new BatchRequestContentCollection(client, MaxParts);
            for (var i = 0; i < chunk.Length; i++)
            {
                var request = await client.RequestAdapter.ConvertToNativeRequestAsync<HttpRequestMessage>(chunk[i].Part.Request(), cancellationToken)
                    ?? throw new InvalidOperationException("The Graph SDK built no request for a batch part.");
                request.RequestUri = KeptEncoded(request.RequestUri!);
                content.AddBatchRequestStep(new BatchRequestStep(StepId(i), request));
            }

            var response = await client.Batch.PostAsync(content, cancellationToken);
            var statuses = await response.GetResponsesStatusCodesAsync();
            var results = new List<(Pending, GraphPartOutcome)>(chunk.Length);
            for (var i = 0; i < chunk.Length; i++)
            {
                if (!statuses.ContainsKey(StepId(i)))
                {
                    results.Add((chunk[i], new GraphPartOutcome(null, new MailResponseException("Microsoft Graph's batch answer left out a request."))));
                    continue;
                }

                using var answer = await response.GetResponseByIdAsync(StepId(i));
                results.Add((chunk[i], await OutcomeAsync(answer, permission, cancellationToken)));
            }

            return results;
        }
        catch (Exception ex) when (GraphFailures.Translate(ex, permission, cancellationToken) is { } failure)
        {
            return [.. chunk.Select(p => (p, new GraphPartOutcome(null, failure, WholeBatch: true)))];
        }
    }

    /// <summary>
    /// The SDK unescapes a part's URL once as it writes the batch (msgraph-sdk-dotnet #914), which would send query values
    /// raw, and Graph reads a raw '+' as a space. Escaping each '%' once more leaves the URL percent-encoded after that.
    /// </summary>
    internal static Uri KeptEncoded(Uri uri) =>
        new(uri.GetLeftPart(UriPartial.Authority) + uri.PathAndQuery.Replace("%", "%25", StringComparison.Ordinal));

    private static string StepId(int index) => (index + 1).ToString(CultureInfo.InvariantCulture);

    private static async Task<GraphPartOutcome> OutcomeAsync(HttpResponseMessage answer, string permission, CancellationToken cancellationToken)
    {
        var body = answer.Content is null ? "" : await answer.Content.ReadAsStringAsync(cancellationToken);
        if (answer.IsSuccessStatusCode)
        {
            return new GraphPartOutcome(body.Length == 0 ? null : body, null);
        }

        var status = (int)answer.StatusCode;
        var failure = GraphFailures.FromPart(status, RetryAfter(answer), Header(answer, "WWW-Authenticate"), permission);
        return new GraphPartOutcome(null, failure);
    }

    /// <summary>A part's Retry-After in seconds, as Graph sends it; without one the part backs off exponentially.</summary>
    private static TimeSpan? RetryAfter(HttpResponseMessage answer)
    {
        if (answer.Headers.RetryAfter?.Delta is { } delta)
        {
            return delta;
        }

        return int.TryParse(Header(answer, "Retry-After"), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ? TimeSpan.FromSeconds(seconds) : null;
    }

    private static string? Header(HttpResponseMessage answer, string name) =>
        answer.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault()
        : answer.Content?.Headers.TryGetValues(name, out var content) == true ? content.FirstOrDefault() : null;

    private sealed record Pending(GraphBatchPart Part, int Attempt, DateTimeOffset Due);
}
