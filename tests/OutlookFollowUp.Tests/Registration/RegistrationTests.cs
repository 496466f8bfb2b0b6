using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OutlookFollowUp.Registration;

namespace OutlookFollowUp.Tests.Registration;

/// <summary><c>register</c> against a Graph test server: what it sends, and that a second run changes nothing.</summary>
public sealed partial class RegistrationTests : IDisposable
{
    private const string GraphBase = "https://graph.test/v1.0/";
    private static readonly RegistrationRequest Request = new(new Uri("https://followup.contoso.com"), TenantId: GraphDirectoryServer.TenantId);

    private readonly GraphDirectoryServer graph = new();
    private readonly List<string> tempFiles = [];

    [Fact]
    public async Task DryRun_NewRegistration_PrintsWellFormedRequestsWithEveryPermissionAndSendsNoWrite()
    {
        var (output, _) = await RegisterAsync(Request, dryRun: true);

        var requests = PrintedRequests(output);
        Assert.Equal(["POST https://graph.test/v1.0/applications", "PATCH https://graph.test/v1.0/applications/<new-application-id>",
            "POST https://graph.test/v1.0/servicePrincipals"], requests.Select(r => r.Line));
        var created = requests[0].Body;
        var graphAccess = created["requiredResourceAccess"]!.AsArray().Single(r => (string?)r!["resourceAppId"] == ApplicationShape.GraphAppId)!;
        Assert.Equal(ApplicationShape.DelegatedGraphPermissions.Values.Order(), graphAccess["resourceAccess"]!.AsArray()
            .Where(a => (string?)a!["type"] == "Scope").Select(a => (string)a!["id"]!).Order());
        Assert.Equal("brk-multihub://followup.contoso.com", (string?)created["spa"]!["redirectUris"]![0]);
        Assert.Contains(created["appRoles"]!.AsArray(), r => (string?)r!["value"] == "FollowUp.Admin" && (string?)r["allowedMemberTypes"]![0] == "User");
        var scopeId = (string)created["api"]!["oauth2PermissionScopes"]!.AsArray().Single(s => (string?)s!["value"] == "access_as_user")!["id"]!;

        var patch = requests[1].Body;
        Assert.Equal("api://followup.contoso.com/<new-client-id>", (string?)patch["identifierUris"]![0]);
        var preAuthorized = patch["api"]!["preAuthorizedApplications"]!.AsArray();
        Assert.Equal(ApplicationShape.OfficeClients.Keys.Order(), preAuthorized.Select(p => (string)p!["appId"]!).Order());
        Assert.All(preAuthorized, p => Assert.Equal(scopeId, (string?)p!["delegatedPermissionIds"]![0]));
        Assert.Equal(0, graph.Writes);
        Assert.Empty(graph.Applications);
    }

    [Fact]
    public async Task Register_RunTwice_CreatesOnceThenSaysNoChange()
    {
        await RegisterAsync(Request, dryRun: false);
        var writesAfterFirst = graph.Writes;

        var (output, result) = await RegisterAsync(Request, dryRun: false);

        var app = Assert.Single(graph.Applications);
        Assert.Equal($"api://followup.contoso.com/{app["appId"]}", (string?)app["identifierUris"]![0]);
        Assert.Single(graph.ServicePrincipals);
        Assert.Equal(3, writesAfterFirst);
        Assert.Equal(writesAfterFirst, graph.Writes);
        Assert.False(result.Changed);
        Assert.Contains("No change", output, StringComparison.Ordinal);
        Assert.Empty(graph.Unexpected);
    }

    [Fact]
    public async Task Register_DryRunOnAnUpToDateRegistration_PrintsNoRequest()
    {
        await RegisterAsync(Request, dryRun: false);

        var (output, _) = await RegisterAsync(Request, dryRun: true);

        Assert.Empty(PrintedRequests(output));
        Assert.Contains("No change", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_AppOnlyLater_PatchesOnlyTheRequiredResourceAccess()
    {
        await RegisterAsync(Request, dryRun: false);

        var (output, _) = await RegisterAsync(Request with { AppOnly = true }, dryRun: false);

        var patch = Assert.Single(PrintedRequests(output));
        Assert.StartsWith("PATCH ", patch.Line, StringComparison.Ordinal);
        Assert.Equal(["requiredResourceAccess"], patch.Body.Select(p => p.Key));
        var roles = graph.Applications[0]["requiredResourceAccess"]![0]!["resourceAccess"]!.AsArray()
            .Where(a => (string?)a!["type"] == "Role").Select(a => (string)a!["id"]!);
        Assert.Equal(ApplicationShape.ApplicationGraphPermissions.Values.Order(), roles.Order());
    }

    [Fact]
    public async Task Register_ExistingRegistrationWithAnAdminsAdditions_KeepsThemAndTheScopeId()
    {
        await RegisterAsync(Request, dryRun: false);
        var app = graph.Applications[0];
        var scopeId = (string?)app["api"]!["oauth2PermissionScopes"]![0]!["id"];
        app["spa"]!["redirectUris"]!.AsArray().Add("https://followup.contoso.com/taskpane.html");
        app["requiredResourceAccess"]!.AsArray().Add(new JsonObject { ["resourceAppId"] = "00000002-0000-0ff1-ce00-000000000000", ["resourceAccess"] = new JsonArray() });
        app["spa"]!["redirectUris"]!.AsArray().RemoveAt(0);

        var (output, _) = await RegisterAsync(Request with { ClientId = (string?)app["appId"] }, dryRun: false);

        var patch = Assert.Single(PrintedRequests(output));
        Assert.Equal(["spa"], patch.Body.Select(p => p.Key));
        var redirects = graph.Applications[0]["spa"]!["redirectUris"]!.AsArray().Select(u => (string?)u);
        Assert.Equal(["https://followup.contoso.com/taskpane.html", "brk-multihub://followup.contoso.com"], redirects);
        Assert.Equal(2, graph.Applications[0]["requiredResourceAccess"]!.AsArray().Count);
        Assert.Equal(scopeId, (string?)graph.Applications[0]["api"]!["oauth2PermissionScopes"]![0]!["id"]);
    }

    [Fact]
    public async Task Register_WithTheKeyVaultCertificate_AddsItOnceAsTheCredential()
    {
        using var certificate = SelfSigned();
        var path = Path.Combine(Path.GetTempPath(), $"followup-{Guid.NewGuid():N}.cer");
        tempFiles.Add(path);
        await File.WriteAllBytesAsync(path, certificate.Export(X509ContentType.Cert));

        await RegisterAsync(Request with { CertificatePath = path }, dryRun: false);
        var (output, result) = await RegisterAsync(Request with { CertificatePath = path }, dryRun: false);

        var key = Assert.Single(graph.Applications[0]["keyCredentials"]!.AsArray())!;
        Assert.Equal(Convert.ToBase64String(certificate.GetCertHash()), (string?)key["customKeyIdentifier"]);
        Assert.Equal("AsymmetricX509Cert", (string?)key["type"]);
        Assert.False(result.Changed);
        Assert.DoesNotContain("PRIVATE KEY", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_Always_PrintsTheAdminConsentUrlAndNeverTheToken()
    {
        var (output, result) = await RegisterAsync(Request with { TenantId = null }, dryRun: false);

        var appId = (string?)graph.Applications[0]["appId"];
        Assert.Equal($"https://login.microsoftonline.com/{GraphDirectoryServer.TenantId}/adminconsent?client_id={appId}", result.ConsentUrl);
        Assert.Contains(result.ConsentUrl, output, StringComparison.Ordinal);
        Assert.DoesNotContain(GraphDirectoryServer.Token, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Command_AgainstTheGraphTestServer_RegistersWithTheGivenToken()
    {
        var (code, stdout, stderr) = await InvokeAsync(graph,
            "--host", "https://followup.contoso.com", "--token", GraphDirectoryServer.Token, "--graph-base-url", GraphBase, "--tenant-id", GraphDirectoryServer.TenantId);

        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        Assert.Single(graph.Applications);
        Assert.Contains("adminconsent?client_id=", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(GraphDirectoryServer.Token, stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Command_DryRunWithoutAToken_SendsNothingAtAll()
    {
        var (code, stdout, _) = await InvokeAsync(graph, "--host", "https://followup.contoso.com", "--dry-run", "--graph-base-url", GraphBase);

        Assert.Equal(0, code);
        Assert.Equal(3, PrintedRequests(stdout).Count);
        Assert.Empty(graph.Requests);
    }

    [Fact]
    public async Task Command_DryRun_NamesTheGraphPermissionsItsRequestsCarry()
    {
        var (code, stdout, _) = await InvokeAsync(graph, "--host", "https://followup.contoso.com", "--dry-run", "--app-only", "--graph-base-url", GraphBase);

        Assert.Equal(0, code);
        Assert.Contains("Microsoft Graph permissions: delegated Mail.ReadWrite, MailboxSettings.Read, Mail.Send, People.Read, Chat.Read, Calendars.ReadBasic, "
            + "offline_access, openid, profile; application Mail.ReadWrite, MailboxSettings.Read, Mail.Send, Calendars.Read", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Command_WithoutASignIn_NamesAzLoginTheTokenOptionAndTheVariable(bool failed)
    {
        // What the Azure CLI-then-environment chain says when nobody ran az login and no identity is around.
        var signedOut = new Azure.Identity.ChainedTokenCredential(new SignedOutCredential(failed));
        var (stdout, stderr) = (new StringWriter(), new StringWriter());

        var code = await RegisterCommand.InvokeAsync(RegisterCommand.Create(graph, signedOut),
            ["--host", "https://followup.contoso.com", "--graph-base-url", GraphBase], stdout, stderr, CancellationToken.None);

        Assert.True(code == 1 && stderr.ToString().TrimEnd().Split('\n') is [var line]
            && new[] { "az login", "--token", RegisterCommand.TokenVariable }.All(n => line.Contains(n, StringComparison.Ordinal)), $"{code}: {stderr}");
        Assert.Empty(graph.Requests);
    }

    [Fact]
    public async Task Command_Help_ListsEveryOptionAndSendsNothing()
    {
        var (code, stdout, _) = await InvokeAsync(graph, "--help");

        Assert.Equal(0, code);
        Assert.All(new[] { "--host", "--dry-run", "--app-only", "--certificate", "--graph-base-url", "--token" },
            option => Assert.Contains(option, stdout, StringComparison.Ordinal));
        Assert.Empty(graph.Requests);
    }

    [Theory]
    [InlineData("--host", "http://followup.contoso.com", "--host must be the API's https origin")]
    [InlineData("--host", "https://followup.contoso.com/app", "--host must be the API's https origin")]
    [InlineData("--client-id", "not-a-guid", "--client-id 'not-a-guid' is not a GUID.")]
    public async Task Command_BadArguments_ExitTwoWithOneLine(string option, string value, string expected)
    {
        string[] args = option == "--host" ? [option, value, "--dry-run"] : ["--host", "https://a.example", option, value, "--dry-run"];

        var (code, _, stderr) = await InvokeAsync(graph, args);

        Assert.Equal(2, code);
        Assert.StartsWith(expected, stderr, StringComparison.Ordinal);
        Assert.Single(stderr.TrimEnd().Split('\n'));
        Assert.Empty(graph.Requests);
    }

    [Fact]
    public async Task Command_GraphRefusesTheToken_ExitsOneWithGraphsReason()
    {
        var (code, _, stderr) = await InvokeAsync(graph, "--host", "https://followup.contoso.com", "--token", "wrong-token", "--graph-base-url", GraphBase);

        Assert.Equal(1, code);
        Assert.Contains("401", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-token", stderr, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        foreach (var file in tempFiles)
        {
            File.Delete(file);
        }
    }

    private async Task<(string Output, RegistrationResult Result)> RegisterAsync(RegistrationRequest request, bool dryRun)
    {
        using var http = new HttpClient(graph, disposeHandler: false) { BaseAddress = new Uri(GraphBase) };
        http.DefaultRequestHeaders.Authorization = new("Bearer", GraphDirectoryServer.Token);
        var output = new StringWriter();
        var result = await new AppRegistrar(new DirectoryClient(http, output, dryRun), output).RegisterAsync(request, CancellationToken.None);
        return (output.ToString(), result);
    }

    private static async Task<(int Code, string Stdout, string Stderr)> InvokeAsync(GraphDirectoryServer server, params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var code = await RegisterCommand.InvokeAsync(RegisterCommand.Create(server), args, stdout, stderr, CancellationToken.None);
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The "METHOD URL" lines and the JSON body printed under each.</summary>
    private static List<(string Line, JsonObject Body)> PrintedRequests(string output)
    {
        var requests = new List<(string, JsonObject)>();
        var lines = output.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (!RequestLine().IsMatch(lines[i]))
            {
                continue;
            }

            var end = Array.FindIndex(lines, i + 1, l => l == "}");
            requests.Add((lines[i], JsonNode.Parse(string.Join('\n', lines[(i + 1)..(end + 1)]))!.AsObject()));
            i = end;
        }

        return requests;
    }

    private static X509Certificate2 SelfSigned()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=followup-api", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return request.CreateSelfSigned(DateTimeOffset.UnixEpoch.AddYears(56), DateTimeOffset.UnixEpoch.AddYears(58));
    }

    /// <summary>A credential with no sign-in behind it: unavailable (no Azure CLI), or failed (a managed identity endpoint that refused).</summary>
    private sealed class SignedOutCredential(bool failed) : Azure.Core.TokenCredential
    {
        public override Azure.Core.AccessToken GetToken(Azure.Core.TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            throw (failed ? new Azure.Identity.AuthenticationFailedException("ManagedIdentityCredential authentication failed.")
                : new Azure.Identity.CredentialUnavailableException("Azure CLI not installed."));

        public override ValueTask<Azure.Core.AccessToken> GetTokenAsync(Azure.Core.TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }

    [GeneratedRegex(@"^(POST|PATCH|PUT|DELETE) https?://\S+$")]
    private static partial Regex RequestLine();
}
