using System.Text.Json.Nodes;

namespace OutlookFollowUp.Registration;

/// <summary>Graph's permissions in a registration body by name: the body itself holds their ids, which say nothing to a person.</summary>
public static class PermissionNames
{
    /// <summary>"Microsoft Graph permissions: delegated Mail.ReadWrite, …; application …", or null when the body asks for none.</summary>
    public static string? Describe(JsonObject body)
    {
        var graph = body["requiredResourceAccess"]?.AsArray().OfType<JsonObject>()
            .FirstOrDefault(r => (string?)r["resourceAppId"] == ApplicationShape.GraphAppId);
        var access = graph?["resourceAccess"]?.AsArray().OfType<JsonObject>().ToList() ?? [];
        if (access.Count == 0)
        {
            return null;
        }

        var delegated = Names(access, "Scope", ApplicationShape.DelegatedGraphPermissions);
        var application = Names(access, "Role", ApplicationShape.ApplicationGraphPermissions);
        var parts = new[] { delegated.Count > 0 ? $"delegated {string.Join(", ", delegated)}" : null, application.Count > 0 ? $"application {string.Join(", ", application)}" : null };
        return $"Microsoft Graph permissions: {string.Join("; ", parts.OfType<string>())}";
    }

    // In the body's order; an id this product does not ask for (an admin added it) stays an id.
    private static List<string> Names(List<JsonObject> access, string type, IReadOnlyDictionary<string, string> known) =>
        [.. access.Where(a => (string?)a["type"] == type).Select(a => (string?)a["id"] ?? "")
            .Select(id => known.FirstOrDefault(k => string.Equals(k.Value, id, StringComparison.OrdinalIgnoreCase)).Key ?? id)];
}
