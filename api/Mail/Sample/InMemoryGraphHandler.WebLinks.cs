using System.Net;
using System.Text.Json.Nodes;

namespace OutlookFollowUp.Mail.Sample;

public sealed partial class InMemoryGraphHandler
{
    /// <summary>
    /// GET /me/messages/{id}?$select=webLink, as Graph answers it: the message's id and its Outlook on the web link
    /// (<c>https://outlook.office365.com/owa/?ItemID=…&amp;exvsurl=1&amp;viewmodel=ReadMessageItem</c>); 404 for an id the
    /// mailbox does not hold. Only <c>webLink</c> is served: the product reads nothing else one message at a time.
    /// </summary>
    private HttpResponseMessage WebLink(GraphRequest request, string id)
    {
        var select = request.QueryValue("$select")?.Split(',', StringSplitOptions.TrimEntries) ?? [];
        if (select is not ["webLink"])
        {
            return Refuse(request, HttpStatusCode.BadRequest, "BadRequest", "The in-memory mailbox serves a single message with $select=webLink only.");
        }

        if (Mailbox.Find(id) is null)
        {
            // Deleted since the sync: Graph's own answer, which the product handles (not a request it should not send).
            return Error(HttpStatusCode.NotFound, "ErrorItemNotFound", "The specified object was not found in the store.");
        }

        return Json(request, new JsonObject
        {
            ["id"] = id,
            ["webLink"] = $"https://outlook.office365.com/owa/?ItemID={Uri.EscapeDataString(id)}&exvsurl=1&viewmodel=ReadMessageItem",
        });
    }
}
