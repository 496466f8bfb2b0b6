namespace OutlookFollowUp.Auth;

/// <summary>
/// How the API reaches a mailbox when its user is not at the pane (setting <c>Graph:Mode</c>). Either way a signed-in
/// request acts with the user's own delegated token.
/// </summary>
public sealed class GraphModeOptions
{
    public const string Delegated = "Delegated";
    public const string Application = "Application";

    /// <summary><see cref="Delegated"/> (the default): a long-running on-behalf-of session per user; <see cref="Application"/>: client credentials.</summary>
    public string Mode { get; set; } = Delegated;

    public bool IsApplication => string.Equals(Mode, Application, StringComparison.OrdinalIgnoreCase);

    /// <summary>The one line that stops the start for a bad value, or null.</summary>
    public static string? Problem(IConfiguration configuration, bool localMode)
    {
        var mode = configuration["Graph:Mode"];
        if (string.IsNullOrWhiteSpace(mode) || mode.Equals(Delegated, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (!mode.Equals(Application, StringComparison.OrdinalIgnoreCase))
        {
            return $"Graph:Mode '{mode}' is not {Delegated} or {Application}.";
        }

        return localMode
            ? "Graph:Mode=Application needs Entra ID (AzureAd:ClientId and a certificate in AzureAd:ClientCredentials); local mode reads the sample mailbox or a pasted token."
            : null;
    }

    internal static IServiceCollection AddGraphMode(IServiceCollection services, IConfiguration configuration, bool localMode)
    {
        var problem = Problem(configuration, localMode);
        services.AddOptions<GraphModeOptions>().BindConfiguration("Graph")
            .Validate(_ => problem is null, problem ?? "").ValidateOnStart();
        return services;
    }
}
