using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Net.Http.Headers;

namespace OutlookFollowUp.Local;

/// <summary>
/// Local mode has no sign-in, so no web page the user visits may reach it: only loopback Host names (DNS rebinding),
/// no foreign Origin (cross-site forms and fetches), JSON bodies only on API writes, and a server bound to loopback.
/// Graph's notification routes (/api/graph/) come with no Origin and a text/plain validation body: they are exempt
/// from the Origin and JSON rules and authenticate with clientState instead.
/// </summary>
public static class LocalModeProtection
{
    private static readonly PathString GraphCallbacks = "/api/graph";

    public static WebApplication UseLocalModeProtection(this WebApplication app)
    {
        if (!LocalMode.IsEnabled(app.Configuration))
        {
            return app;
        }

        app.Lifetime.ApplicationStarted.Register(() => CheckBoundAddresses(app));
        app.Use(async (context, next) =>
        {
            if (Refusal(context.Request) is { } refusal)
            {
                await WriteAsync(context, refusal);
                return;
            }

            await next(context);
        });
        return app;
    }

    internal sealed record Problem(int Status, string Title, string Detail);

    internal static Problem? Refusal(HttpRequest request)
    {
        if (!LocalBinding.IsLoopbackHost(request.Host.Host))
        {
            return new(StatusCodes.Status421MisdirectedRequest, "This host name is not served.",
                "Local mode answers only requests addressed to localhost, 127.0.0.1 or [::1].");
        }

        if (request.Path.StartsWithSegments(GraphCallbacks))
        {
            return null;
        }

        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0 && !string.Equals(origin, $"{request.Scheme}://{request.Host.Value}", StringComparison.OrdinalIgnoreCase))
        {
            return new(StatusCodes.Status403Forbidden, "Cross-origin requests are refused.",
                "Local mode answers only its own pages: another site cannot read or change this mailbox.");
        }

        if (IsApiWrite(request) && HasBody(request) && !request.HasJsonContentType())
        {
            return new(StatusCodes.Status415UnsupportedMediaType, "Only JSON bodies are accepted.",
                "Send the request body as application/json.");
        }

        return null;
    }

    private static bool IsApiWrite(HttpRequest request) =>
        request.Path.StartsWithSegments("/api")
        && !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method));

    // A form posts a content type even with an empty body; a chunked body has no length.
    private static bool HasBody(HttpRequest request) =>
        request.ContentLength > 0 || request.Headers.ContentType.Count > 0 || request.Headers.ContainsKey(HeaderNames.TransferEncoding);

    private static async Task WriteAsync(HttpContext context, Problem problem)
    {
        context.Response.StatusCode = problem.Status;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = problem.Status, Title = problem.Title, Detail = problem.Detail },
        });
    }

    /// <summary>The server's own list of bound addresses: beyond loopback, stop unless allowed, and then warn once.</summary>
    private static void CheckBoundAddresses(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        if (LocalBinding.BeyondLoopback(addresses) is not [var first, ..] remote)
        {
            return;
        }

        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(LocalModeProtection));
        if (LocalBinding.AllowsRemote(app.Configuration))
        {
            logger.LogWarning("Local mode is listening beyond loopback on {Addresses} ({Setting}=true): anyone who can reach this machine can read the mailbox with no sign-in.",
                string.Join(", ", remote), LocalBinding.AllowRemoteKey);
            return;
        }

        logger.LogCritical("{Refusal}", LocalBinding.Refusal(first));
        Environment.ExitCode = 1;
        app.Lifetime.StopApplication();
    }
}
