using System.CommandLine;
using System.Net.Http.Headers;
using Azure.Core;
using Azure.Identity;

namespace OutlookFollowUp.Registration;

/// <summary>
/// <c>register --host https://… [--client-id GUID] [--tenant-id GUID] [--app-only] [--certificate FILE] [--dry-run]</c>:
/// creates or updates the API's Entra ID registration through Graph and prints the admin-consent URL.
/// </summary>
public static class RegisterCommand
{
    public const string TokenVariable = "FOLLOWUP_REGISTER_TOKEN";
    public const string DefaultGraphBaseUrl = "https://graph.microsoft.com/v1.0";

    public static Command Create() => Create(transport: null);

    /// <summary>Runs the command over plain arguments; a parse error is exit code 2 with one line, as for every command.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken ct) =>
        await InvokeAsync(Create(), args, stdout, stderr, ct);

    internal static async Task<int> InvokeAsync(Command command, string[] args, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        // Under a root command, as the CLI will hold it: --help and the parse errors come for free.
        var parse = new RootCommand("OutlookFollowUp") { command }.Parse([command.Name, .. args]);
        if (parse.Errors.Count > 0)
        {
            await stderr.WriteLineAsync(parse.Errors[0].Message);
            return 2;
        }

        return await parse.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr }, ct);
    }

    /// <param name="transport">Tests hand in the Graph test server's handler; null uses the network.</param>
    /// <param name="credential">Where a token comes from without --token; null is the Azure CLI's sign-in, then the environment's.</param>
    internal static Command Create(HttpMessageHandler? transport, TokenCredential? credential = null)
    {
        var host = new Option<string>("--host") { Description = "The API's public https origin, as in the manifests.", Required = true };
        var name = new Option<string>("--name") { Description = "The application's display name.", DefaultValueFactory = _ => RegistrationRequest.DefaultDisplayName };
        var clientId = new Option<string?>("--client-id") { Description = "Update this existing registration rather than looking it up by name." };
        var tenantId = new Option<string?>("--tenant-id") { Description = "The tenant, for the admin-consent URL (read from Graph when left out)." };
        var appOnly = new Option<bool>("--app-only") { Description = "Also request application permissions for app-only mode (Graph:Mode=Application)." };
        var multiTenant = new Option<bool>("--multi-tenant") { Description = "Accounts in any organizational directory (AzureAd:AllowedTenants lists them)." };
        var certificate = new Option<string?>("--certificate") { Description = "Public part (.cer or PEM) of the Key Vault certificate to add as the API's credential." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the requests that would change anything, and send none of them." };
        var graphBaseUrl = new Option<string?>("--graph-base-url") { Description = $"Graph's base URL (default Graph:BaseUrl, else {DefaultGraphBaseUrl})." };
        var token = new Option<string?>("--token") { Description = $"A Graph token (default ${TokenVariable}, else the Azure CLI's or the environment's credential)." };

        var command = new Command("register", "Create or update the API's Entra ID app registration (idempotent).")
        {
            host, name, clientId, tenantId, appOnly, multiTenant, certificate, dryRun, graphBaseUrl, token,
        };
        command.SetAction(async (parse, ct) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var hostValue = Uri.TryCreate(parse.GetValue(host), UriKind.Absolute, out var parsedHost) ? parsedHost : null;
            var problem = RegistrationRequest.Problem(hostValue, parse.GetValue(clientId), parse.GetValue(tenantId), parse.GetValue(certificate));
            if (problem is not null)
            {
                await stderr.WriteLineAsync(problem);
                return 2;
            }

            var request = new RegistrationRequest(hostValue!, parse.GetValue(name)!, parse.GetValue(clientId), parse.GetValue(tenantId),
                parse.GetValue(appOnly), parse.GetValue(multiTenant), parse.GetValue(certificate));
            var baseText = parse.GetValue(graphBaseUrl) ?? Environment.GetEnvironmentVariable("Graph__BaseUrl") ?? DefaultGraphBaseUrl;
            if (!Uri.TryCreate(baseText, UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not ("https" or "http"))
            {
                await stderr.WriteLineAsync($"--graph-base-url '{baseText}' is not an absolute http(s) URL.");
                return 2;
            }

            return await RunAsync(request, baseUrl, parse.GetValue(token) ?? Environment.GetEnvironmentVariable(TokenVariable),
                parse.GetValue(dryRun), transport, credential ?? SignedInCredential(), stdout, stderr, ct);
        });
        return command;
    }

    private static async Task<int> RunAsync(RegistrationRequest request, Uri graphBaseUrl, string? token, bool dryRun,
        HttpMessageHandler? transport, TokenCredential credential, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        using var http = transport is null ? new HttpClient() : new HttpClient(transport, disposeHandler: false);
        http.BaseAddress = new Uri(graphBaseUrl.ToString().TrimEnd('/') + "/");
        try
        {
            // A dry run with no token shows what a first run would send, without signing in anywhere.
            token ??= dryRun ? null : await AcquireTokenAsync(credential, graphBaseUrl, ct);
            if (token is not null)
            {
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }
            else
            {
                await stdout.WriteLineAsync("No token: nothing is read; these are the requests for a new registration.");
            }

            var directory = new DirectoryClient(http, stdout, dryRun) { CanRead = token is not null };
            await new AppRegistrar(directory, stdout).RegisterAsync(request, ct);
            return 0;
        }
        catch (Exception e) when (e is RegistrationException or HttpRequestException)
        {
            await stderr.WriteLineAsync(e is RegistrationException ? e.Message : $"register: {e.Message.Split('\n')[0]}");
            return 1;
        }
        catch (Exception e) when (e is AuthenticationFailedException or CredentialUnavailableException)
        {
            // The chain's own words ("ChainedTokenCredential failed…") say nothing of what to do.
            await stderr.WriteLineAsync(
                $"register: no Microsoft Graph token from an Azure sign-in: sign in with `az login` (an account that may register apps in the "
                + $"tenant), or pass a token with --token or the {TokenVariable} environment variable; --dry-run needs none.");
            return 1;
        }
    }

    // The Azure CLI's sign-in (az login) first, then whatever the environment offers; the token is never printed.
    private static ChainedTokenCredential SignedInCredential() => new(new AzureCliCredential(), new DefaultAzureCredential(
        new DefaultAzureCredentialOptions { ExcludeInteractiveBrowserCredential = true }));

    private static async Task<string> AcquireTokenAsync(TokenCredential credential, Uri graphBaseUrl, CancellationToken ct)
    {
        var scope = $"{graphBaseUrl.GetLeftPart(UriPartial.Authority)}/.default";
        return (await credential.GetTokenAsync(new TokenRequestContext([scope]), ct)).Token;
    }
}
