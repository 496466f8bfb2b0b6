using OutlookFollowUp.Cli;

if (CliCommands.TryGet(args, out var command, out var commandArgs))
{
    return await command(commandArgs, Console.Out, Console.Error, CancellationToken.None);
}

var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.UseStaticFiles();
app.MapGet("/health/live", () => TypedResults.Ok(new { status = "live" }));
await app.RunAsync();
return 0;

/// <summary>Entry point; public so that WebApplicationFactory can host it in tests.</summary>
public partial class Program;
