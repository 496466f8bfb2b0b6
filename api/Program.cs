using OutlookFollowUp.Auth;
using OutlookFollowUp.Cli;
using OutlookFollowUp.Config;
using OutlookFollowUp.FollowUps;
using OutlookFollowUp.Health;
using OutlookFollowUp.Index;
using OutlookFollowUp.Local;
using OutlookFollowUp.Mail;
using OutlookFollowUp.Privacy;
using OutlookFollowUp.Reminders;
using OutlookFollowUp.Settings;
using OutlookFollowUp.Telemetry;
using OutlookFollowUp.Web;

if (CliCommands.TryGet(args, out var command, out var commandArgs))
{
    return await command(commandArgs, Console.Out, Console.Error, CancellationToken.None);
}

var builder = WebApplication.CreateBuilder(args);
if ((LocalMode.RefusalReason(builder.Configuration, builder.Environment) ?? OutlookFollowUp.Hosting.ProductionRequirements.Problem(builder.Configuration, builder.Environment)) is { } refusal)
{
    await Console.Error.WriteLineAsync(refusal);
    return 1;
}

builder.Services.AddApiPlatform();
builder.Services.AddApiAuth(builder.Configuration);
builder.Services.AddThreadIndex(builder.Configuration);
builder.Services.AddSettings();
builder.Services.AddReminders();
builder.Services.AddThreadListing();
builder.Services.AddMailSync(builder.Configuration, builder.Environment);
builder.Services.AddRetention();
builder.Services.AddFollowUpTelemetry(builder.Configuration);
builder.Services.AddHealthChecks().AddCheck<OutlookFollowUp.Hosting.CredentialHealthCheck>(OutlookFollowUp.Hosting.CredentialHealthCheck.Name, tags: ["ready"]);

var app = builder.Build();
app.UseApiPlatform();
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
app.MapConfig();

await app.RunAsync();
return 0;

/// <summary>Entry point; public so that WebApplicationFactory can host it in tests.</summary>
public partial class Program;
