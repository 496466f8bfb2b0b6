using OutlookFollowUp.Auth;
using OutlookFollowUp.Away;
using OutlookFollowUp.Background;
using OutlookFollowUp.Cli;
using OutlookFollowUp.Config;
using OutlookFollowUp.Digest;
using OutlookFollowUp.Health;
using OutlookFollowUp.Hosting;
using OutlookFollowUp.Local;
using OutlookFollowUp.Mail;
using OutlookFollowUp.MailIndex;
using OutlookFollowUp.Notifications;
using OutlookFollowUp.Privacy;
using OutlookFollowUp.Reminders;
using OutlookFollowUp.Routes;
using OutlookFollowUp.Settings;
using OutlookFollowUp.Storage;
using OutlookFollowUp.Telemetry;
using OutlookFollowUp.Threads;
using OutlookFollowUp.Web;

if (CliCommands.Handles(args))
{
    return await CliCommands.RunAsync(args, Console.Out, Console.Error, CancellationToken.None);
}

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddStartFailures().QuietStart();
    if ((ProductionRequirements.Problem(builder.Configuration, builder.Environment) ?? LocalMode.RefusalReason(builder.Configuration, builder.Environment)) is { } refusal)
    {
        await Console.Error.WriteLineAsync(refusal);
        return StartFailures.ExitCode;
    }

    builder.Services.AddPastedTokenFailures(builder.Configuration); // before the API's error handling: asked first
    builder.Services.AddApiPlatform();
    builder.Services.AddApiAuth(builder.Configuration);
    builder.Services.AddStorage(builder.Configuration);
    builder.Services.AddMailIndex();
    builder.Services.AddSettings();
    builder.Services.AddReminders();
    builder.Services.AddAway();
    builder.Services.AddDigest();
    builder.Services.AddThreadListing();
    builder.Services.AddNotifications(); // before AddMailSync: its persisted sync requests win
    builder.Services.AddMailSync(builder.Configuration);
    builder.Services.AddLocalMode(builder.Configuration, builder.Environment); // after AddMailSync: the sample takes the network's place
    builder.Services.AddAnswerRoutes();
    builder.Services.AddBackgroundWork();
    builder.Services.AddRetention();
    builder.Services.AddHealth();
    builder.Services.AddFollowUpTelemetry(builder.Configuration);

    var app = builder.Build();
    app.UseApiPlatform();
    app.UseLocalModeProtection();
    app.UseStaticFiles();
    app.UseAuthentication();
    app.UseAuthorization();
    app.UseRateLimiter();

    app.MapOpenApi();
    app.MapHealth();
    app.MapThreads();
    app.MapReminders();
    app.MapDismissals();
    app.MapSettings();
    app.MapAdminPolicy();
    app.MapMe();
    app.MapGraphNotifications();
    app.MapConfig();
    app.MapPaneRedirect();
    app.PrintStartupLine();

    await app.RunAsync();
    return Environment.ExitCode; // 1 when local mode stopped itself after binding beyond loopback
}
catch (Exception e) when (StartFailures.Reports(e))
{
    await Console.Error.WriteLineAsync(StartFailures.OneLine(e));
    return StartFailures.ExitCode;
}

/// <summary>Entry point; public so that WebApplicationFactory can host it in tests.</summary>
public partial class Program;
