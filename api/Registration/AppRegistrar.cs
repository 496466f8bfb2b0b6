using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;

namespace OutlookFollowUp.Registration;

/// <param name="Changed">False when Entra ID already held everything ("no change").</param>
public sealed record RegistrationResult(string? ApplicationId, string? ClientId, bool Changed, string ConsentUrl);

/// <summary>
/// Creates or updates the API's Entra ID registration: reads first, then sends only what differs (one POST for a new
/// application, then one PATCH; nothing at all when it is already right), and the service principal when missing.
/// </summary>
public sealed class AppRegistrar(DirectoryClient directory, TextWriter output)
{
    public const string NewApplicationId = "<new-application-id>";
    public const string NewClientId = "<new-client-id>";

    public async Task<RegistrationResult> RegisterAsync(RegistrationRequest request, CancellationToken ct)
    {
        using var certificate = request.CertificatePath is null ? null : LoadCertificate(request.CertificatePath);
        var existing = directory.CanRead ? await FindAsync(request, ct) : null;
        var changed = false;
        string? id, appId;
        if (existing is null)
        {
            var body = ApplicationShape.ForCreate(request);
            var created = await directory.WriteAsync(HttpMethod.Post, "applications", body, ct);
            await SayPermissionsAsync(body);
            (id, appId, existing) = created is null
                ? (NewApplicationId, NewClientId, body)
                : ((string?)created["id"], (string?)created["appId"], created);
            changed = true;
        }
        else
        {
            (id, appId) = ((string?)existing["id"], (string?)existing["appId"]);
            await output.WriteLineAsync($"Found the application '{existing["displayName"]}' (client id {appId}).");
        }

        var patch = ApplicationShape.Differences(existing, ApplicationShape.Desired(request, existing, appId, certificate));
        if (patch.Count > 0)
        {
            await directory.WriteAsync(HttpMethod.Patch, $"applications/{id}", patch, ct);
            await SayPermissionsAsync(patch);
            changed = true;
        }

        var principal = directory.CanRead && appId != NewClientId
            ? await directory.FirstAsync($"servicePrincipals?$filter=appId eq '{appId}'&$select=id,appId", ct)
            : null;
        if (principal is null)
        {
            await directory.WriteAsync(HttpMethod.Post, "servicePrincipals", new JsonObject { ["appId"] = appId }, ct);
            changed = true;
        }

        var tenant = request.TenantId ?? (directory.CanRead ? await TenantIdAsync(ct) : null) ?? "<tenant-id>";
        var consent = $"https://login.microsoftonline.com/{tenant}/adminconsent?client_id={appId}";
        await output.WriteLineAsync(changed
            ? directory.DryRun ? "Dry run: the requests above were not sent." : "The registration is up to date now."
            : "No change: the registration already has everything.");
        await output.WriteLineAsync($"AzureAd:ClientId={appId}  AzureAd:TenantId={tenant}  AzureAd:Audience=api://{request.Authority}/{appId}");
        await output.WriteLineAsync($"Grant admin consent (again after any permission change): {consent}");
        await output.WriteLineAsync(OptionalPermissions.Line);
        return new RegistrationResult(id, appId, changed, consent);
    }

    private async Task SayPermissionsAsync(JsonObject body)
    {
        if (PermissionNames.Describe(body) is { } names)
        {
            await output.WriteLineAsync(names);
        }
    }

    private async Task<JsonObject?> FindAsync(RegistrationRequest request, CancellationToken ct)
    {
        if (request.ClientId is not null)
        {
            return await directory.GetAsync($"applications(appId='{request.ClientId}')", ct)
                ?? throw new RegistrationException($"No application with client id {request.ClientId} in this tenant.");
        }

        var name = request.DisplayName.Replace("'", "''", StringComparison.Ordinal);
        var found = await directory.GetAsync($"applications?$filter=displayName eq '{Uri.EscapeDataString(name)}'", ct);
        var matches = found?["value"]?.AsArray() ?? [];
        return matches.Count switch
        {
            0 => null,
            1 => matches[0]!.AsObject(),
            _ => throw new RegistrationException(
                $"{matches.Count} applications are named '{request.DisplayName}': pass --client-id to say which one."),
        };
    }

    private async Task<string?> TenantIdAsync(CancellationToken ct) =>
        (string?)(await directory.FirstAsync("organization?$select=id", ct))?["id"];

    private static X509Certificate2 LoadCertificate(string path)
    {
        try
        {
            return X509CertificateLoader.LoadCertificateFromFile(path);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            throw new RegistrationException($"'{path}' is not a certificate (DER .cer or PEM, public part only).");
        }
    }
}
