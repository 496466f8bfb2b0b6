using Microsoft.Extensions.Options;

namespace OutlookFollowUp.Hosting;

/// <summary>
/// A start that fails says why in one line on stderr and exits with <see cref="ExitCode"/>, never with a stack trace:
/// Program turns the exception into the line (<see cref="OneLine"/>), and the host's own report of it ("Hosting failed
/// to start", with the exception) is held back until the app has started. Later host errors are logged as usual.
/// </summary>
public static class StartFailures
{
    public const int ExitCode = 1;

    private const string HostCategory = "Microsoft.Extensions.Hosting.Internal.Host";

    public static WebApplicationBuilder AddStartFailures(this WebApplicationBuilder builder)
    {
        var gate = new StartGate();
        builder.Logging.AddFilter(HostCategory, level => level >= LogLevel.Information && (level < LogLevel.Error || gate.IsOpen));
        builder.Services.AddHostedService(sp => new StartGateOpener(gate, sp.GetRequiredService<IHostApplicationLifetime>()));
        return builder;
    }

    /// <summary>
    /// Whether Program turns <paramref name="exception"/> into the one line: when the API is the process. A test host that
    /// runs Program in its own process (WebApplicationFactory) needs the exception itself, and stops Program with
    /// <see cref="HostAbortedException"/> once it has the host.
    /// </summary>
    public static bool Reports(Exception exception) =>
        exception is not HostAbortedException && System.Reflection.Assembly.GetEntryAssembly() == typeof(StartFailures).Assembly;

    /// <summary>The line to print for a start that threw <paramref name="exception"/>.</summary>
    public static string OneLine(Exception exception)
    {
        var failure = Innermost(exception);
        var text = failure switch
        {
            Storage.StorageStartException storage => storage.Message,
            OptionsValidationException options => string.Join(" ", options.Failures),
            // Kestrel: "Failed to bind to address http://127.0.0.1:5000: address already in use."
            IOException io => io.Message,
            _ => $"The API could not start: {failure.Message}",
        };
        return text.ReplaceLineEndings(" ");
    }

    // The failure that says what is wrong: the product's own kinds wherever they are wrapped, else the first of an aggregate.
    private static Exception Innermost(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is Storage.StorageStartException or OptionsValidationException)
            {
                return e;
            }
        }

        return exception is AggregateException { InnerExceptions: [var first, ..] } ? Innermost(first) : exception;
    }

    private sealed class StartGate
    {
        private volatile bool _open;

        public bool IsOpen => _open;

        public void Open() => _open = true;
    }

    private sealed class StartGateOpener(StartGate gate, IHostApplicationLifetime lifetime) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            lifetime.ApplicationStarted.Register(gate.Open);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
