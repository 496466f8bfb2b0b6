using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace OutlookFollowUp.Tests.Deploy;

/// <summary>The API started as its own process (as a container would run it), stopped when disposed.</summary>
internal sealed class ApiProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private ApiProcess(Process process, Uri baseAddress)
    {
        this.process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <param name="atAddress">Settings that name the process's own address (where Graph posts notifications, say).</param>
    public static ApiProcess Start(string folder, IDictionary<string, string?> environment, Func<Uri, IDictionary<string, string?>>? atAddress = null)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(System.IO.Path.Combine(folder, "OutlookFollowUp.Api.dll"));
        foreach (var (name, value) in environment.Concat(atAddress?.Invoke(new Uri($"http://127.0.0.1:{port}/")) ?? new Dictionary<string, string?>()))
        {
            start.Environment[name] = value;
        }

        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        var process = Process.Start(start)!;
        var api = new ApiProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, e) => api.Append(e.Data);
        process.ErrorDataReceived += (_, e) => api.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return api;
    }

    /// <summary>Polls until the API answers <paramref name="path"/> with 200, or fails with what the process printed.</summary>
    public async Task<HttpResponseMessage> WaitForAsync(HttpClient http, string path, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The API exited with {process.ExitCode}:\n{Output}");
            }

            try
            {
                var response = await http.GetAsync(new Uri(BaseAddress, path));
                if (response.StatusCode == HttpStatusCode.OK || deadline.Elapsed > timeout)
                {
                    return response;
                }
            }
            catch (HttpRequestException) when (deadline.Elapsed < timeout)
            {
            }

            if (deadline.Elapsed > timeout)
            {
                throw new TimeoutException($"{path} did not answer within {timeout}:\n{Output}");
            }

            await Task.Delay(250);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private void Append(string? line)
    {
        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
