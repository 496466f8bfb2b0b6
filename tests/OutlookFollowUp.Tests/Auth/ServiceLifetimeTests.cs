using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OutlookFollowUp.Mail;

namespace OutlookFollowUp.Tests.Auth;

/// <summary>
/// Every mode builds its container with the checks Development turns on (a scoped service held by a singleton, a
/// registration that cannot be built), so a developer's first run in any mode starts.
/// </summary>
public sealed class ServiceLifetimeTests
{
    public static TheoryData<string> Modes => ["local sample", "pasted token", "Entra delegated", "Entra application"];

    [Theory]
    [MemberData(nameof(Modes))]
    public void Every_mode_builds_with_scope_and_build_validation_on(string mode)
    {
        using var app = Application(mode);

        using var scope = app.Services.CreateScope();

        Assert.NotNull(scope.ServiceProvider.GetRequiredService<IMailboxes>().Reader(UserKey(mode)));
    }

    /// <summary>A token shaped like Graph Explorer's (unsigned: only its payload is read).</summary>
    private const string PastedToken = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJ0aWQiOiJ0ZW5hbnQtMSIsIm9pZCI6Im9iamVjdC0xIn0.c2lnbmF0dXJl";

    private static ValidatingApplication Application(string mode) => new()
    {
        Local = mode is "local sample" or "pasted token",
        Settings = mode switch
        {
            "pasted token" => new Dictionary<string, string> { ["Graph:AccessToken"] = PastedToken },
            "Entra application" => new Dictionary<string, string> { ["Graph:Mode"] = "Application" },
            _ => new Dictionary<string, string>(),
        },
    };

    private static string UserKey(string mode) => mode switch
    {
        "local sample" => OutlookFollowUp.Local.LocalMode.SampleUserKey,
        "pasted token" => OutlookFollowUp.Local.LocalMode.TokenUserKey(PastedToken),
        _ => $"{TestTokens.TenantA}:aaaaaaaa-0000-0000-0000-00000000000a",
    };

    private sealed class ValidatingApplication : ApiApplication
    {
        protected override IHost CreateHost(IHostBuilder builder)
        {
            builder.UseDefaultServiceProvider(o =>
            {
                o.ValidateScopes = true;
                o.ValidateOnBuild = true;
            });
            return base.CreateHost(builder);
        }
    }
}
