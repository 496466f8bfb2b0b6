namespace OutlookFollowUp.Web;

/// <summary>
/// Headers on every response: nosniff everywhere; for the pane's HTML a CSP that allows office.js from Microsoft's CDN,
/// sign-in, and framing by Outlook only; for the API a CSP that allows nothing. HSTS comes from UseHsts outside Development.
/// </summary>
internal static class SecurityHeaders
{
    public const string PaneCsp =
        "default-src 'self'; script-src 'self' https://appsforoffice.microsoft.com; style-src 'self'; img-src 'self' data:; "
        + "connect-src 'self' https://login.microsoftonline.com; frame-src https://login.microsoftonline.com; object-src 'none'; base-uri 'self'; "
        + "frame-ancestors https://outlook.office.com https://outlook.office365.com https://outlook.live.com https://*.officeapps.live.com https://*.office.com";

    public const string ApiCsp = "default-src 'none'; frame-ancestors 'none'";

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                var html = context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true;
                headers.ContentSecurityPolicy = html ? PaneCsp : ApiCsp;
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }
}
