using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace OutlookFollowUp.Tests.Registration;

/// <summary>
/// A Graph test server for the directory calls <c>register</c> makes: it stores applications and service principals,
/// checks the bearer token and what Graph itself checks (pre-authorized ids must name an existing scope, the
/// identifier URI must carry the app id), and fails every request it does not know.
/// </summary>
internal sealed partial class GraphDirectoryServer(string token = GraphDirectoryServer.Token) : HttpMessageHandler
{
    public const string Token = "test-graph-token-7d1f";
    public const string TenantId = "6f0c4a5e-2f3b-4b7e-9d61-3a1e0f4c2b9d";

    public List<JsonObject> Applications { get; } = [];
    public List<JsonObject> ServicePrincipals { get; } = [];
    public List<string> Requests { get; } = [];
    public List<string> Unexpected { get; } = [];
    public int Writes => Requests.Count(r => !r.StartsWith("GET ", StringComparison.Ordinal));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var path = Uri.UnescapeDataString(request.RequestUri!.PathAndQuery);
        Requests.Add($"{request.Method} {path}");
        if (request.Headers.Authorization?.ToString() != $"Bearer {token}")
        {
            return Error(HttpStatusCode.Unauthorized, "InvalidAuthenticationToken", "Access token is empty or invalid.");
        }

        var body = request.Content is null ? null : JsonNode.Parse(await request.Content.ReadAsStringAsync(ct))?.AsObject();
        return (request.Method.Method, path) switch
        {
            ("GET", var p) when ByName().Match(p) is { Success: true } m => List(Applications.Where(a => (string?)a["displayName"] == m.Groups[1].Value.Replace("''", "'"))),
            ("GET", var p) when ByAppId().Match(p) is { Success: true } m => One(Applications.FirstOrDefault(a => (string?)a["appId"] == m.Groups[1].Value)),
            ("POST", "/v1.0/applications") => Create(body!),
            ("PATCH", var p) when ById().Match(p) is { Success: true } m => Patch(m.Groups[1].Value, body!),
            ("GET", var p) when PrincipalByAppId().Match(p) is { Success: true } m => List(ServicePrincipals.Where(s => (string?)s["appId"] == m.Groups[1].Value)),
            ("POST", "/v1.0/servicePrincipals") => AddPrincipal(body!),
            ("GET", "/v1.0/organization?$select=id") => List([new JsonObject { ["id"] = TenantId }]),
            _ => Unknown(request.Method, path),
        };
    }

    private HttpResponseMessage Create(JsonObject body)
    {
        if (body["displayName"] is null || body.ContainsKey("id") || body.ContainsKey("appId"))
        {
            return Error(HttpStatusCode.BadRequest, "Request_BadRequest", "displayName is required; id and appId are read-only.");
        }

        var app = body.DeepClone().AsObject();
        app["id"] = Guid.NewGuid().ToString();
        app["appId"] = Guid.NewGuid().ToString();
        app["identifierUris"] ??= new JsonArray();
        app["keyCredentials"] ??= new JsonArray();
        if (Invalid(app) is { } problem)
        {
            return problem;
        }

        Applications.Add(app);
        return Json(HttpStatusCode.Created, app);
    }

    private HttpResponseMessage Patch(string id, JsonObject body)
    {
        var index = Applications.FindIndex(a => (string?)a["id"] == id);
        if (index < 0)
        {
            return Error(HttpStatusCode.NotFound, "Request_ResourceNotFound", $"Resource '{id}' does not exist.");
        }

        var app = Applications[index].DeepClone().AsObject();
        foreach (var (name, value) in body)
        {
            app[name] = value?.DeepClone();
        }

        if (Invalid(app) is { } problem)
        {
            return problem;
        }

        // Graph keeps key credentials' public data to itself once stored.
        foreach (var key in app["keyCredentials"]?.AsArray().OfType<JsonObject>() ?? [])
        {
            key["key"] = null;
        }

        Applications[index] = app;
        return new HttpResponseMessage(HttpStatusCode.NoContent);
    }

    private static HttpResponseMessage? Invalid(JsonObject app)
    {
        var scopes = app["api"]?["oauth2PermissionScopes"]?.AsArray().Select(s => (string?)s!["id"]).ToHashSet() ?? [];
        var preAuthorized = app["api"]?["preAuthorizedApplications"]?.AsArray() ?? [];
        if (preAuthorized.SelectMany(p => p!["delegatedPermissionIds"]!.AsArray()).Any(id => !scopes.Contains((string?)id)))
        {
            return Error(HttpStatusCode.BadRequest, "InvalidValue", "Property preAuthorizedApplications references a permission that does not exist.");
        }

        var uris = app["identifierUris"]?.AsArray().Select(u => (string?)u) ?? [];
        return uris.Any(u => u is null || !u.StartsWith("api://", StringComparison.Ordinal) || !u.EndsWith((string)app["appId"]!, StringComparison.Ordinal))
            ? Error(HttpStatusCode.BadRequest, "HostNameNotOnVerifiedDomain", "Values of identifierUris must carry the application id.")
            : null;
    }

    private HttpResponseMessage AddPrincipal(JsonObject body)
    {
        if (!Applications.Any(a => (string?)a["appId"] == (string?)body["appId"]))
        {
            return Error(HttpStatusCode.BadRequest, "Request_BadRequest", "The appId of the service principal does not reference a valid application.");
        }

        var principal = new JsonObject { ["id"] = Guid.NewGuid().ToString(), ["appId"] = body["appId"]!.DeepClone() };
        ServicePrincipals.Add(principal);
        return Json(HttpStatusCode.Created, principal);
    }

    private HttpResponseMessage Unknown(HttpMethod method, string path)
    {
        Unexpected.Add($"{method} {path}");
        return Error(HttpStatusCode.NotImplemented, "NotRegistered", "The test server does not serve this request.");
    }

    private static HttpResponseMessage List(IEnumerable<JsonObject> items) =>
        Json(HttpStatusCode.OK, new JsonObject { ["value"] = new JsonArray([.. items.Select(i => i.DeepClone())]) });

    private static HttpResponseMessage One(JsonObject? item) => item is null
        ? Error(HttpStatusCode.NotFound, "Request_ResourceNotFound", "Resource does not exist.")
        : Json(HttpStatusCode.OK, item.DeepClone().AsObject());

    private static HttpResponseMessage Error(HttpStatusCode status, string code, string message) =>
        Json(status, new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } });

    private static HttpResponseMessage Json(HttpStatusCode status, JsonObject body) =>
        new(status) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };

    [GeneratedRegex(@"^/v1\.0/applications\?\$filter=displayName eq '(.*)'$")]
    private static partial Regex ByName();

    [GeneratedRegex(@"^/v1\.0/applications\(appId='([0-9a-f-]+)'\)$")]
    private static partial Regex ByAppId();

    [GeneratedRegex(@"^/v1\.0/applications/([0-9a-f-]+)$")]
    private static partial Regex ById();

    [GeneratedRegex(@"^/v1\.0/servicePrincipals\?\$filter=appId eq '([0-9a-f-]+)'&\$select=id,appId$")]
    private static partial Regex PrincipalByAppId();
}
