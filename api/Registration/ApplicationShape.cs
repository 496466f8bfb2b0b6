using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;

namespace OutlookFollowUp.Registration;

/// <summary>
/// The application object the product needs, merged into what Entra ID already holds: existing ids and anything an
/// admin added are kept, so a second run finds nothing to change.
/// </summary>
public static class ApplicationShape
{
    public const string GraphAppId = "00000003-0000-0000-c000-000000000000";
    public const string ScopeName = "access_as_user";
    public const string AdminRole = "FollowUp.Admin";

    /// <summary>Delegated Graph permissions (Scope) the API asks for on behalf of the signed-in user.</summary>
    public static readonly IReadOnlyDictionary<string, string> DelegatedGraphPermissions = new Dictionary<string, string>
    {
        ["Mail.ReadWrite"] = "024d486e-b451-40bb-833d-3e66d98c5c73",
        ["MailboxSettings.Read"] = "87f447af-9fa4-4c32-9dfa-4a57a73d18ce",
        ["Mail.Send"] = "e383f46e-2787-4529-855e-0e479a3ffac0", // the morning digest, a mail to oneself
        ["People.Read"] = "ba47897c-39ec-4d83-8086-ee8256fa737d", // phone numbers on the escalation ladder (optional)
        ["Chat.Read"] = "f501c180-9344-439a-bca0-6cbf209fd270", // answers in Teams one-on-one chats (optional)
        ["Calendars.ReadBasic"] = "662d75ba-a364-42ad-adee-f5f880ea4878", // answers in meetings (optional)
        ["offline_access"] = "7427e0e9-2fba-42fe-b0c0-848c9e6a8182",
        ["openid"] = "37f7f235-527c-4136-accd-4a02d197296e",
        ["profile"] = "14dad69e-099b-42c9-810b-d002981feec1",
    };

    /// <summary>Application Graph permissions (Role) for app-only mode, to be scoped with Exchange RBAC for Applications.</summary>
    public static readonly IReadOnlyDictionary<string, string> ApplicationGraphPermissions = new Dictionary<string, string>
    {
        ["Mail.ReadWrite"] = "e2a3a72e-5f79-4c64-b1b1-878b674786c9",
        ["MailboxSettings.Read"] = "40f97065-369a-49f4-947c-6a255697ae91",
        ["Mail.Send"] = "b633e1c5-b582-4048-a93e-9f11b44c7e96",
        ["Calendars.Read"] = "798ee544-9d2d-430c-a058-570e29e34338", // meetings while the user is away (optional; Exchange's role "Application Calendars.Read")
    };

    /// <summary>Office clients allowed to get a token for the API without a consent prompt (legacy Office SSO).</summary>
    public static readonly IReadOnlyDictionary<string, string> OfficeClients = new Dictionary<string, string>
    {
        ["ea5a67f6-b6f3-4338-b240-c655ddc3cc8e"] = "all Microsoft Office application endpoints",
        ["d3590ed6-52b3-4102-aeff-aad2292ab01c"] = "Microsoft Office",
        ["93d53678-613d-4013-afc1-62e9e444a0a5"] = "Office on the web",
        ["bc59ab01-8403-45c6-8796-ac3ef710b3e3"] = "Outlook on the web",
    };

    /// <summary>The properties sent when the application is created (those that need its app id come after).</summary>
    public static JsonObject ForCreate(RegistrationRequest request)
    {
        var desired = Desired(request, new JsonObject(), appId: null, certificate: null);
        desired.Remove("identifierUris");
        desired["api"]!.AsObject().Remove("preAuthorizedApplications");
        desired.Remove("keyCredentials");
        desired["displayName"] = request.DisplayName;
        return desired;
    }

    /// <summary>Every managed property, as it should be given what <paramref name="existing"/> holds.</summary>
    public static JsonObject Desired(RegistrationRequest request, JsonObject existing, string? appId, X509Certificate2? certificate)
    {
        var scopes = Merge(existing["api"]?["oauth2PermissionScopes"], "value", ScopeName, Scope);
        var scopeId = scopes.OfType<JsonObject>().First(s => (string?)s["value"] == ScopeName)["id"]!.GetValue<string>();
        var preAuthorized = Array(existing["api"]?["preAuthorizedApplications"]);
        foreach (var client in OfficeClients.Keys)
        {
            var entry = preAuthorized.OfType<JsonObject>().FirstOrDefault(p => (string?)p["appId"] == client);
            if (entry is null)
            {
                preAuthorized.Add(new JsonObject { ["appId"] = client, ["delegatedPermissionIds"] = new JsonArray(scopeId) });
            }
            else if (!Array(entry["delegatedPermissionIds"]).Any(id => (string?)id == scopeId))
            {
                var ids = Array(entry["delegatedPermissionIds"]);
                ids.Add(scopeId);
                entry["delegatedPermissionIds"] = ids;
            }
        }

        var desired = new JsonObject
        {
            ["signInAudience"] = request.MultiTenant ? "AzureADMultipleOrgs" : "AzureADMyOrg",
            ["identifierUris"] = Union(existing["identifierUris"], $"api://{request.Authority}/{appId ?? "<client-id>"}"),
            ["api"] = Overlay(existing["api"], new JsonObject
            {
                ["requestedAccessTokenVersion"] = 2,
                ["oauth2PermissionScopes"] = scopes,
                ["preAuthorizedApplications"] = preAuthorized,
            }),
            ["spa"] = Overlay(existing["spa"], new JsonObject { ["redirectUris"] = Union(existing["spa"]?["redirectUris"], $"brk-multihub://{request.Authority}") }),
            ["appRoles"] = Merge(existing["appRoles"], "value", AdminRole, AdminAppRole),
            ["requiredResourceAccess"] = ResourceAccess(existing["requiredResourceAccess"], request.AppOnly),
        };
        if (certificate is not null)
        {
            desired["keyCredentials"] = KeyCredentials(existing["keyCredentials"], certificate);
        }

        return desired;
    }

    /// <summary>The managed properties whose desired value differs from what Entra ID holds: the body of the one PATCH.</summary>
    public static JsonObject Differences(JsonObject existing, JsonObject desired)
    {
        var patch = new JsonObject();
        foreach (var (name, value) in desired)
        {
            if (!JsonNode.DeepEquals(existing[name], value))
            {
                patch[name] = value?.DeepClone();
            }
        }

        return patch;
    }

    private static JsonObject Scope(string id) => new()
    {
        ["id"] = id,
        ["value"] = ScopeName,
        ["type"] = "User",
        ["isEnabled"] = true,
        ["adminConsentDisplayName"] = "Use Outlook Follow-up as the signed-in user",
        ["adminConsentDescription"] = "Lets Outlook Follow-up read the signed-in user's mail metadata and set follow-up flags on their behalf.",
        ["userConsentDisplayName"] = "Use Outlook Follow-up as you",
        ["userConsentDescription"] = "Lets Outlook Follow-up find the threads waiting on you or on others, and flag them in your mailbox.",
    };

    private static JsonObject AdminAppRole(string id) => new()
    {
        ["id"] = id,
        ["value"] = AdminRole,
        ["allowedMemberTypes"] = new JsonArray("User"),
        ["isEnabled"] = true,
        ["displayName"] = "Outlook Follow-up administrator",
        ["description"] = "Sets the tenant-wide follow-up policy (window, allowed range, excluded domains, retention).",
    };

    // The Graph entry gets every permission the product needs; other resources an admin added stay as they are.
    private static JsonArray ResourceAccess(JsonNode? existing, bool appOnly)
    {
        var all = Array(existing);
        var graph = all.OfType<JsonObject>().FirstOrDefault(r => (string?)r["resourceAppId"] == GraphAppId);
        if (graph is null)
        {
            graph = new JsonObject { ["resourceAppId"] = GraphAppId, ["resourceAccess"] = new JsonArray() };
            all.Add(graph);
        }

        var access = Array(graph["resourceAccess"]);
        var wanted = DelegatedGraphPermissions.Values.Select(id => (id, "Scope"))
            .Concat(appOnly ? ApplicationGraphPermissions.Values.Select(id => (id, "Role")) : []);
        foreach (var (id, type) in wanted)
        {
            if (!access.OfType<JsonObject>().Any(a => (string?)a["id"] == id && (string?)a["type"] == type))
            {
                access.Add(new JsonObject { ["id"] = id, ["type"] = type });
            }
        }

        graph["resourceAccess"] = access;
        return all;
    }

    private static JsonArray KeyCredentials(JsonNode? existing, X509Certificate2 certificate)
    {
        var keys = Array(existing);
        var thumbprint = Convert.ToBase64String(certificate.GetCertHash());
        if (keys.OfType<JsonObject>().Any(k => (string?)k["customKeyIdentifier"] == thumbprint))
        {
            return keys;
        }

        // Graph never returns the keys it holds, so a PATCH can only add a first one; rotation appends with the az CLI.
        if (keys.Count > 0)
        {
            throw new RegistrationException(
                "The application already has another certificate: append this one with "
                + "az ad app credential reset --id <client-id> --cert @<file> --append (see deploy/README.md).");
        }

        {
            keys.Add(new JsonObject
            {
                ["type"] = "AsymmetricX509Cert",
                ["usage"] = "Verify",
                ["customKeyIdentifier"] = thumbprint,
                ["displayName"] = certificate.Subject,
                ["key"] = Convert.ToBase64String(certificate.RawData),
            });
        }

        return keys;
    }

    // An array of objects keyed by one property: the product's entry is overlaid on the existing one (keeping its id), or added.
    private static JsonArray Merge(JsonNode? existing, string key, string keyValue, Func<string, JsonObject> create)
    {
        var items = Array(existing);
        var index = items.ToList().FindIndex(i => (string?)i?[key] == keyValue);
        if (index < 0)
        {
            items.Add(create(Guid.NewGuid().ToString()));
            return items;
        }

        var current = items[index]!.AsObject();
        items[index] = Overlay(current, create(current["id"]!.GetValue<string>()));
        return items;
    }

    private static JsonObject Overlay(JsonNode? existing, JsonObject wanted)
    {
        var result = existing is JsonObject o ? o.DeepClone().AsObject() : new JsonObject();
        foreach (var (name, value) in wanted)
        {
            result[name] = value?.DeepClone();
        }

        return result;
    }

    private static JsonArray Union(JsonNode? existing, string value)
    {
        var items = Array(existing);
        if (!items.Any(i => (string?)i == value))
        {
            items.Add(value);
        }

        return items;
    }

    private static JsonArray Array(JsonNode? node) => node is JsonArray a ? a.DeepClone().AsArray() : [];
}
