using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;

namespace OutlookFollowUp.GraphSimulator;

public sealed partial class InMemoryGraphHandler
{
    /// <summary>The person properties of Graph v1.0 (the CSDL); $select of anything else is a 400, as Graph answers.</summary>
    internal static readonly HashSet<string> PersonProperties = new(StringComparer.OrdinalIgnoreCase)
    {
        "id", "birthday", "companyName", "department", "displayName", "givenName", "imAddress", "isFavorite", "jobTitle",
        "officeLocation", "personNotes", "personType", "phones", "postalAddresses", "profession", "scoredEmailAddresses",
        "surname", "userPrincipalName", "websites", "yomiCompany",
    };

    /// <summary>
    /// GET /me/people with <c>$search</c>, <c>$select</c> and <c>$top</c>: the people of <see cref="InMemoryMailbox.AddPerson"/>
    /// in the order they were added. The search is fuzzy as Graph's is: a person matches when one of their addresses starts
    /// with the term, or a word of their name with the term's first word, so "ana@fabrikam.com" finds every Ana. Without
    /// People.Read (<see cref="InMemoryMailbox.PeopleReadGranted"/>) the answer is Graph's 403.
    /// </summary>
    private HttpResponseMessage People(GraphRequest request)
    {
        if (!Mailbox.PeopleReadGranted)
        {
            return Error(HttpStatusCode.Forbidden, "ErrorAccessDenied", "Access is denied. Check credentials and try again.");
        }

        if (request.Query.Keys.FirstOrDefault(k => k.StartsWith('$') && k is not ("$search" or "$select" or "$top")) is { } option)
        {
            return Refuse(request, HttpStatusCode.BadRequest, "BadRequest", $"The query option '{option}' is not supported on people by the in-memory mailbox.");
        }

        var select = request.QueryValue("$select")?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (select?.FirstOrDefault(p => !PersonProperties.Contains(p)) is { } unknown)
        {
            return Refuse(request, HttpStatusCode.BadRequest, "BadRequest", $"Could not find a property named '{unknown}' on type 'microsoft.graph.person'.");
        }

        var top = int.TryParse(request.QueryValue("$top"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 10;
        var term = request.QueryValue("$search")?.Trim().Trim('"') ?? "";
        var firstWord = Words(term).FirstOrDefault();
        var value = new JsonArray();
        var index = 0;
        foreach (var person in Mailbox.People)
        {
            index++;
            if (firstWord is not null && !person.Addresses.Any(a => a.StartsWith(term, StringComparison.OrdinalIgnoreCase))
                && !Words(person.DisplayName).Any(w => w.StartsWith(firstWord, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            if (value.Count == top)
            {
                break;
            }

            var json = new JsonObject
            {
                ["id"] = $"person-{index}",
                ["displayName"] = person.DisplayName,
                ["scoredEmailAddresses"] = new JsonArray([.. person.Addresses.Select(a => new JsonObject { ["address"] = a, ["relevanceScore"] = 8.0 })]),
                ["phones"] = new JsonArray([.. person.Phones.Select(p => new JsonObject { ["type"] = p.Type, ["number"] = p.Number })]),
            };
            if (select is not null)
            {
                foreach (var key in json.Select(p => p.Key).Where(k => k != "id" && !select.Contains(k, StringComparer.OrdinalIgnoreCase)).ToList())
                {
                    json.Remove(key);
                }
            }

            value.Add(json);
        }

        return Json(request, new JsonObject { ["value"] = value });
    }

    private static IEnumerable<string> Words(string text) =>
        text.Split([' ', '.', '@', '-', '_', '+', '\''], StringSplitOptions.RemoveEmptyEntries);
}
