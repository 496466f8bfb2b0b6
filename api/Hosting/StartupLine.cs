using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using OutlookFollowUp.Local;

namespace OutlookFollowUp.Hosting;

/// <summary>
/// The one line the web host prints once it listens: which mailbox it serves and where to open the pane (local mode),
/// or where it listens (Entra ID). ASP.NET Core's own start lines and EF Core's SQL are quiet by default
/// (appsettings.json), so this is what a person running <c>dotnet run</c> sees.
/// </summary>
public static class StartupLine
{
    /// <summary>
    /// The API protects nothing with ASP.NET Core's data protection (bearer tokens, no cookies), so its notice on the
    /// first start, that the keys it made are stored unencrypted, would be the console's first line for nothing.
    /// </summary>
    public static WebApplicationBuilder QuietStart(this WebApplicationBuilder builder)
    {
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
        return builder;
    }

    public static WebApplication PrintStartupLine(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            // A pasted token that cannot work is said now, not at the first request.
            if (app.Services.GetService<PastedTokenSource>()?.StartProblem() is { } problem)
            {
                Console.Error.WriteLine(problem);
            }

            Console.Out.WriteLine(Text(app.Configuration, [.. addresses]));
        });
        return app;
    }

    public static string Text(IConfiguration configuration, IReadOnlyList<string> addresses)
    {
        if (!LocalMode.IsEnabled(configuration))
        {
            return $"OutlookFollowUp (Entra ID) — listening on {(addresses.Count == 0 ? "no address" : string.Join(", ", addresses))}; the pane is /taskpane.html";
        }

        var mailbox = LocalMode.UsesRealGraph(configuration) ? "Your mailbox (pasted token)" : "Sample mailbox";
        var pane = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ?? addresses.FirstOrDefault();
        return pane is null ? $"{mailbox} — no address to open" : $"{mailbox} — open {pane.TrimEnd('/')}/taskpane.html";
    }

    /// <summary><c>/</c> leads to the pane.</summary>
    public static IEndpointRouteBuilder MapPaneRedirect(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/", () => TypedResults.Redirect("/taskpane.html")).ExcludeFromDescription().AllowAnonymous();
        return routes;
    }
}
