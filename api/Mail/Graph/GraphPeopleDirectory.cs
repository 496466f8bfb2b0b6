using Microsoft.Graph.Models;
using Microsoft.Kiota.Abstractions.Serialization;

namespace OutlookFollowUp.Mail.Graph;

/// <summary>
/// Phone numbers from the user's people data: <c>GET /me/people?$search="address"&amp;$select=displayName,scoredEmailAddresses,phones</c>,
/// one search per address, all of them as parts of one <c>$batch</c> (20 to a request; see <see cref="GraphBatch"/>).
/// The search is fuzzy (it matches names and address prefixes), so only a person whose <c>scoredEmailAddresses</c>
/// hold the address itself counts. Needs the delegated <c>People.Read</c>; an application has no <c>/me/people</c>
/// (and the product asks for no <c>People.Read.All</c>), so in app-only access the answer is "unknown".
/// </summary>
public sealed partial class GraphMailReader : IPeopleDirectory
{
    /// <summary>What the people API needs; named in the product's 403.</summary>
    public const string PeoplePermission = "People.Read";

    /// <summary>Voice numbers in the order they are chosen; fax and pager numbers are never offered.</summary>
    internal static readonly PhoneType[] PhonePreference =
        [PhoneType.Mobile, PhoneType.Business, PhoneType.Home, PhoneType.Other, PhoneType.Assistant, PhoneType.Radio];

    /// <summary>What a search asks of each person.</summary>
    internal static readonly string[] PeopleSelect = ["displayName", "scoredEmailAddresses", "phones"];

    /// <summary>Set for a reader that acts with the application's own token at <c>/users/{id}</c> (no people data there).</summary>
    internal bool AppOnly { get; init; }

    public async Task<PhoneLookup> GetPhonesAsync(IReadOnlyCollection<string> addresses, CancellationToken cancellationToken)
    {
        if (AppOnly)
        {
            return PhoneLookup.Unknown;
        }

        var wanted = addresses.Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim().ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList();
        var parts = wanted.Select(address => new GraphBatchPart(address, () => client.Me.People.ToGetRequestInformation(c =>
        {
            // Graph's $search takes the term in double quotes; a quote inside an address would end it, so it goes.
            c.QueryParameters.Search = $"\"{address.Replace("\"", "", StringComparison.Ordinal)}\"";
            c.QueryParameters.Select = PeopleSelect;
            AddPreferences(c.Headers);
        }))).ToList();
        var outcomes = await new GraphBatch(client, time, options).SendAsync(parts, PeoplePermission, cancellationToken);
        var answers = new Dictionary<string, PersonPhone?>(StringComparer.Ordinal);
        MailException? failure = null;
        foreach (var (address, outcome) in outcomes)
        {
            if (outcome.Failure is MailAccessDeniedException or MailConsentRequiredException)
            {
                throw outcome.Failure; // the token's, not this part's: every other part says the same
            }

            if (outcome.Failure is not null)
            {
                failure ??= outcome.Failure;
                continue; // absent: asked again next time
            }

            try
            {
                var page = outcome.Body is null ? null
                    : await KiotaJsonSerializer.DeserializeAsync(outcome.Body, PersonCollectionResponse.CreateFromDiscriminatorValue, cancellationToken);
                answers[address] = BestPhone(address, page?.Value ?? []);
            }
            catch (Exception ex) when (GraphFailures.Translate(ex, PeoplePermission, cancellationToken) is { } unreadable)
            {
                failure ??= unreadable;
            }
        }

        if (answers.Count == 0 && failure is not null)
        {
            throw failure;
        }

        return new PhoneLookup(answers);
    }

    /// <summary>The best voice number among the people that hold this very address, the most relevant person first.</summary>
    internal static PersonPhone? BestPhone(string address, IEnumerable<Person> people)
    {
        var candidates =
            from person in people
            where person.ScoredEmailAddresses?.Any(e => string.Equals(e.Address?.Trim(), address, StringComparison.OrdinalIgnoreCase)) == true
            from phone in person.Phones ?? []
            let rank = Array.IndexOf(PhonePreference, phone.Type ?? PhoneType.Other)
            where rank >= 0 && !string.IsNullOrWhiteSpace(phone.Number)
            select (Rank: rank, Person: person, Phone: phone);
        var best = candidates.OrderBy(c => c.Rank).FirstOrDefault(); // stable: the more relevant person wins a tie
        if (best.Phone is null)
        {
            return null;
        }

        var type = System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName((best.Phone.Type ?? PhoneType.Other).ToString());
        var name = string.IsNullOrWhiteSpace(best.Person.DisplayName) ? null : best.Person.DisplayName.Trim();
        return new PersonPhone(address, name, best.Phone.Number!.Trim(), type);
    }
}
