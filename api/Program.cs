using OutlookFollowUp.Cli;
using OutlookFollowUp.Config;
using OutlookFollowUp.FollowUps;
using OutlookFollowUp.Index;
using OutlookFollowUp.Local;
using OutlookFollowUp.Mail;

if (CliCommands.TryGet(args, out var command, out var commandArgs))
{
    return await command(commandArgs, Console.Out, Console.Error, CancellationToken.None);
}

var builder = WebApplication.CreateBuilder(args);
if (LocalMode.RefusalReason(builder.Configuration, builder.Environment) is { } refusal)
{
    await Console.Error.WriteLineAsync(refusal);
    return 1;
}

builder.Services.AddProblemDetails();
builder.Services.AddThreadIndex(builder.Configuration);
builder.Services.AddMailSync(builder.Configuration, builder.Environment);

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseStaticFiles();
app.MapGet("/health/live", () => TypedResults.Ok(new { status = "live" }));
app.MapThreads();
app.MapConfig();
await app.RunAsync();
return 0;

/// <summary>Entry point; public so that WebApplicationFactory can host it in tests.</summary>
public partial class Program;
