using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OutlookFollowUp.Storage;

namespace OutlookFollowUp.Bench;

/// <summary>
/// The in-process Graph server on a real port (Kestrel, 127.0.0.1), for API processes: the product's Graph traffic
/// crosses a socket as it would to Graph, and the server's work stays in this process, apart from the product's.
/// </summary>
internal sealed class BenchGraphServer(WebApplication app, Uri baseAddress) : IAsyncDisposable
{
    public Uri BaseAddress { get; } = baseAddress;

    public static async Task<BenchGraphServer> StartAsync(HttpMessageHandler graph)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var invoker = new HttpMessageInvoker(graph, disposeHandler: false);
        app.Run(context => ForwardAsync(context, invoker));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new BenchGraphServer(app, new Uri(address.TrimEnd('/') + "/v1.0"));
    }

    private static async Task ForwardAsync(HttpContext context, HttpMessageInvoker graph)
    {
        var incoming = context.Request;
        using var request = new HttpRequestMessage(new HttpMethod(incoming.Method), $"{incoming.Scheme}://{incoming.Host}{incoming.PathBase}{incoming.Path}{incoming.QueryString}");
        var body = new MemoryStream();
        await incoming.Body.CopyToAsync(body, context.RequestAborted);
        if (body.Length > 0)
        {
            body.Position = 0;
            request.Content = new StreamContent(body);
        }

        foreach (var (name, values) in incoming.Headers)
        {
            if (!request.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values) && request.Content is not null)
            {
                request.Content.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }

        using var response = await graph.SendAsync(request, context.RequestAborted);
        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            if (!name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.Headers[name] = values.ToArray();
            }
        }

        await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

/// <summary>One instance of the product: the API's Release build as its own process, on the database and Graph server given.</summary>
internal sealed class BenchInstance : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private BenchInstance(Process process, Uri baseAddress) => (_process, BaseAddress) = (process, baseAddress);

    public Uri BaseAddress { get; }

    /// <summary>The PostgreSQL application name the instances connect with, so their connections can be counted.</summary>
    public const string ApplicationName = "followup-bench-instance";

    public static BenchInstance Start(StorageOptions storage, Uri graph, IReadOnlyDictionary<string, string> settings)
    {
        var folder = Path.Combine(RepositoryRoot(), "api", "bin", "Release", "net10.0");
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(folder, "OutlookFollowUp.Api.dll"));
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development", // local mode: the pasted token reaches every mailbox key
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["Storage__Provider"] = storage.Provider.ToString(),
            ["ConnectionStrings__FollowUps"] = storage.Provider == StorageProvider.Postgres
                ? new Npgsql.NpgsqlConnectionStringBuilder(storage.ConnectionString) { ApplicationName = ApplicationName }.ConnectionString
                : storage.ConnectionString!,
            ["Graph__BaseUrl"] = graph.ToString(),
            ["Graph__AccessToken"] = "bench",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (name, value) in environment.Concat(settings))
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var instance = new BenchInstance(process, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, e) => instance.Append(e.Data);
        process.ErrorDataReceived += (_, e) => instance.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return instance;
    }

    public async Task WaitReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The API exited with {_process.ExitCode}:\n{Output}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(BaseAddress, "health/live"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"The API did not answer within {timeout}:\n{Output}");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>The process's peak resident memory (Linux VmHWM), in MB; null elsewhere.</summary>
    public double? PeakMegabytes() => PeakMegabytes(_process.Id);

    /// <summary>CPU time the process has used so far (user and system), from /proc; null elsewhere.</summary>
    public double? CpuSeconds() => CpuSeconds(_process.Id);

    public static double? CpuSeconds(int pid)
    {
        var stat = $"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat";
        if (!File.Exists(stat))
        {
            return null;
        }

        // Fields after the command's closing parenthesis; utime and stime are the 14th and 15th, in clock ticks (100 a second).
        var text = File.ReadAllText(stat);
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    }

    public static double? PeakMegabytes(int pid)
    {
        var status = $"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/status";
        if (!File.Exists(status))
        {
            return null;
        }

        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? null : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    internal static string RepositoryRoot()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "OutlookFollowUp.sln")))
        {
            root = root.Parent;
        }

        return root?.FullName ?? throw new InvalidOperationException("Run the bench from the repository (OutlookFollowUp.sln not found above it).");
    }

    private void Append(string? line)
    {
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>The most PostgreSQL connections the instances held at once, sampled every 100 ms while it runs.</summary>
internal sealed class ConnectionPeak : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;
    private int _peak;

    private ConnectionPeak(string connectionString) => _sampling = SampleAsync(connectionString, _stop.Token);

    public int Peak => Volatile.Read(ref _peak);

    /// <summary>Null on SQLite (one file, no server connections to count).</summary>
    public static ConnectionPeak? Start(StorageOptions storage) =>
        storage.Provider == StorageProvider.Postgres ? new ConnectionPeak(storage.ConnectionString!) : null;

    private async Task SampleAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new Npgsql.NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE application_name = @name", connection);
        command.Parameters.AddWithValue("name", BenchInstance.ApplicationName);
        while (!ct.IsCancellationRequested)
        {
            var now = Convert.ToInt32(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
            if (now > _peak)
            {
                Volatile.Write(ref _peak, now);
            }

            await Task.Delay(100, ct).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampling.ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }
}
