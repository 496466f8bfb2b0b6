using Microsoft.Graph.Models;
using Microsoft.Kiota.Abstractions.Serialization;
using OutlookFollowUp.FollowUps;
using OutlookFollowUp.FollowUps.Asks;

namespace OutlookFollowUp.Mail.Graph;

/// <summary>
/// Rule 9 for the messages whose preview did not decide: <c>GET /me/messages/{id}?$select=uniqueBody</c> with
/// <c>Prefer: outlook.body-content-type="text"</c>, 20 to a <c>$batch</c> (throttled parts retried alone, see
/// <see cref="GraphBatch"/>). Each text is classified as it arrives and dropped: never stored, logged or cached.
/// </summary>
public sealed partial class GraphMailReader
{
    public async Task<IReadOnlyDictionary<string, AskVerdict>> ReadAsksAsync(
        IReadOnlyList<MailRecord> messages, AskContext asks, CancellationToken cancellationToken)
    {
        var records = messages.Where(m => !string.IsNullOrWhiteSpace(m.Id)).DistinctBy(m => m.Id, StringComparer.Ordinal).ToDictionary(m => m.Id, StringComparer.Ordinal);
        var verdicts = new Dictionary<string, AskVerdict>(StringComparer.Ordinal);
        if (records.Count == 0)
        {
            return verdicts;
        }

        var parts = records.Keys.Select(id => new GraphBatchPart(id, () => client.Me.Messages[id].ToGetRequestInformation(c =>
        {
            c.QueryParameters.Select = GraphQuery.UniqueBodySelect;
            GraphQuery.AddTextBodyPartPreferences(c.Headers);
        }))).ToList();
        foreach (var (id, outcome) in await new GraphBatch(client, time, options).SendAsync(parts, ReadPermission, cancellationToken))
        {
            if (await VerdictAsync(outcome, records[id], asks, cancellationToken) is { } verdict)
            {
                verdicts[id] = verdict;
            }
        }

        return verdicts;
    }

    /// <summary>The part's verdict; null when it failed for now (throttled, Graph down, an unreadable answer): a later sync asks again.</summary>
    private static async Task<AskVerdict?> VerdictAsync(GraphPartOutcome outcome, MailRecord record, AskContext asks, CancellationToken cancellationToken)
    {
        if (outcome.Failure is not null)
        {
            // Refused for good (403, 404, …): no text can be had, which counts as asking.
            return outcome.WholeBatch || outcome.Failure is MailUnavailableException ? null : AskVerdict.Unreadable;
        }

        Message? message;
        try
        {
            message = outcome.Body is null ? null : await KiotaJsonSerializer.DeserializeAsync(outcome.Body, Message.CreateFromDiscriminatorValue, cancellationToken);
        }
        catch (Exception ex) when (GraphFailures.Translate(ex, ReadPermission, cancellationToken) is not null)
        {
            return null;
        }

        var body = message?.UniqueBody;
        return AskClassifier.ClassifyBody(body?.Content, isHtml: body?.ContentType == BodyType.Html, asks.FactsOf(record, message is null ? null : GraphAsks.Inference(message)));
    }
}
