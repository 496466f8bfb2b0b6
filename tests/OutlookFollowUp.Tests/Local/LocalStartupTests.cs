using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Configuration;
using OutlookFollowUp.Local;

namespace OutlookFollowUp.Tests.Local;

/// <summary>
/// Local mode's start, run as a real process (the API's own build output beside the tests): it refuses to listen beyond
/// loopback unless told, and refuses every environment but Development, with one line and a non-zero exit.
/// </summary>
public sealed class LocalStartupTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("--urls http://0.0.0.0:0", "", "0.0.0.0")]
    [InlineData("--urls http://localhost:0;http://*:0", "", "*:0")]
    [InlineData("--Kestrel:Endpoints:Web:Url http://[::]:0", "", "[::]")]
    [InlineData("", "ASPNETCORE_URLS=http://+:0", "+:0")]
    public async Task Binding_beyond_loopback_is_refused_before_listening_with_one_line(string args, string env, string named)
    {
        var run = await ApiProcess.RunAsync(args, env);

        Assert.True(run.ExitCode == 1 && run.StderrLines is [var line] && line.Contains(named, StringComparison.Ordinal)
            && !run.Stdout.Contains("Now listening", StringComparison.Ordinal), run.ToString());
    }

    [Fact]
    public async Task Staging_is_refused_with_one_line()
    {
        var run = await ApiProcess.RunAsync("--urls http://127.0.0.1:0", "ASPNETCORE_ENVIRONMENT=Staging");

        Assert.True(run.ExitCode == 1 && run.StderrLines is [var line] && line.Contains("Staging", StringComparison.Ordinal), run.ToString());
    }

    [Theory]
    [InlineData("--urls http://127.0.0.1:0 --Graph:Mode Bogus", "Graph:Mode 'Bogus' is not Delegated or Application.")]
    [InlineData("--urls http://127.0.0.1:0 --AzureAd:ClientId 0b3c1f7e-2d4a-4c5b-8e9f-1a2b3c4d5e6f --AzureAd:TenantId organizations", "AzureAd:TenantId is 'organizations', not a tenant id")]
    public async Task A_start_that_fails_says_why_in_one_line_with_no_stack_trace(string args, string named)
    {
        var run = await ApiProcess.RunAsync(args, "");

        Assert.True(run.ExitCode == 1 && run.StderrLines is [var line] && line.Contains(named, StringComparison.Ordinal)
            && !(run.Stdout + run.Stderr).Contains("   at ", StringComparison.Ordinal), run.ToString());
    }

    [Fact]
    public async Task A_port_in_use_is_one_line_naming_the_address()
    {
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var address = $"http://127.0.0.1:{((System.Net.IPEndPoint)taken.LocalEndpoint).Port}";

        var run = await ApiProcess.RunAsync($"--urls {address}", "");

        Assert.True(run.ExitCode == 1 && run.StderrLines is [var line] && line.Contains(address, StringComparison.Ordinal)
            && !(run.Stdout + run.Stderr).Contains("   at ", StringComparison.Ordinal), run.ToString());
    }

    [Fact]
    public async Task Ports_that_bind_every_interface_are_caught_once_bound_and_the_process_stops_with_exit_code_1()
    {
        var run = await ApiProcess.RunAsync("", "ASPNETCORE_HTTP_PORTS=0");

        Assert.True(run.ExitCode == 1 && run.Stdout.Contains("listens on loopback only", StringComparison.Ordinal), run.ToString());
    }

    [Fact]
    public async Task Loopback_starts_with_one_line_naming_the_mailbox_and_the_pane_and_a_request_logs_no_sql()
    {
        string? answer = null;
        var run = await ApiProcess.RunUntilAsync("--urls http://127.0.0.1:0", "/taskpane.html", async stdout =>
        {
            var address = stdout.Split('\n').Single(l => l.Contains("/taskpane.html", StringComparison.Ordinal)).Split("open ")[1].Trim();
            using var http = new HttpClient();
            using var threads = await http.GetAsync(new Uri(new Uri(address), "/api/threads"));
            using var root = await new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }).GetAsync(new Uri(new Uri(address), "/"));
            answer = $"{(int)threads.StatusCode} {(int)root.StatusCode} {root.Headers.Location}";
        });

        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(lines is [var line] && line.StartsWith("Sample mailbox — open http://127.0.0.1:", StringComparison.Ordinal)
            && line.EndsWith("/taskpane.html", StringComparison.Ordinal), run.ToString());
        Assert.Equal("200 302 /taskpane.html", answer);
        Assert.DoesNotContain("SELECT", run.Stdout + run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Executed DbCommand", run.Stdout + run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AllowRemote_starts_beyond_loopback_and_warns_once()
    {
        var run = await ApiProcess.RunUntilAsync("--urls http://0.0.0.0:0 --Local:AllowRemote=true", "listening beyond loopback");

        Assert.True(CountOf(run.Stdout, "listening beyond loopback") == 1 && run.Stdout.Contains("Sample mailbox — open http://0.0.0.0:", StringComparison.Ordinal), run.ToString());
    }

    [Theory]
    [InlineData("http://localhost:5000", true)]
    [InlineData("https://127.0.0.1:0", true)]
    [InlineData("http://[::1]:5000", true)]
    [InlineData("http://unix:/tmp/followup.sock", true)]
    [InlineData("http://0.0.0.0:5000", false)]
    [InlineData("http://[::]:5000", false)]
    [InlineData("http://*:5000", false)]
    [InlineData("http://+:5000", false)]
    [InlineData("http://followup.example:5000", false)]
    [InlineData("http://192.168.1.20:5000", false)]
    public void Loopback_addresses_are_told_apart_from_the_rest(string address, bool loopback)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["urls"] = address }).Build();

        Assert.Equal((loopback, loopback), (LocalBinding.IsLoopback(address), LocalBinding.RefusalReason(configuration) is null));
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    private sealed record ApiProcess(int? ExitCode, string Stdout, string Stderr)
    {
        public string[] StderrLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";

        /// <summary>Runs the API until it exits (or the patience runs out, then it is killed).</summary>
        public static Task<ApiProcess> RunAsync(string args, string env) => StartAsync(args, env, until: null, then: null);

        /// <summary>Runs the API until its output holds <paramref name="until"/>, then (after <paramref name="then"/>, given stdout so far) stops it.</summary>
        public static Task<ApiProcess> RunUntilAsync(string args, string until, Func<string, Task>? then = null) => StartAsync(args, "", until, then);

        private static async Task<ApiProcess> StartAsync(string args, string env, string? until, Func<string, Task>? then)
        {
            var data = Directory.CreateTempSubdirectory("followups-startup-");
            var info = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = AppContext.BaseDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "OutlookFollowUp.Api.dll"));
            foreach (var arg in args.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                info.ArgumentList.Add(arg);
            }

            info.ArgumentList.Add("--Storage:DataFolder");
            info.ArgumentList.Add(data.FullName);
            foreach (var name in new[] { "ASPNETCORE_URLS", "DOTNET_URLS", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS", "AzureAd__ClientId" })
            {
                info.Environment.Remove(name);
            }

            info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
            info.Environment["Logging__Console__FormatterName"] = "simple";
            if (env.Split('=', 2) is [var key, var value])
            {
                info.Environment[key] = value;
            }

            var stdout = new StringBuilder();
            var stderr = new StringBuilder();
            var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using var process = new Process { StartInfo = info };
            process.OutputDataReceived += (_, e) => Append(stdout, e.Data, until, seen);
            process.ErrorDataReceived += (_, e) => Append(stderr, e.Data, until, seen);
            try
            {
                process.Start();
                process.BeginOutputReadLine();
                process.BeginErrorReadLine();
                using var patience = new CancellationTokenSource(Patience);
                var exited = process.WaitForExitAsync(patience.Token);
                await Task.WhenAny(exited, until is null ? Task.Delay(Timeout.Infinite, patience.Token) : seen.Task);
                if (until is not null && seen.Task.IsCompleted)
                {
                    if (then is not null)
                    {
                        string sofar;
                        lock (stdout)
                        {
                            sofar = stdout.ToString();
                        }

                        await then(sofar);
                    }

                    await Task.Delay(TimeSpan.FromMilliseconds(500)); // a second warning would show by now
                }

                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }

                await process.WaitForExitAsync();
                int? exitCode = until is null && !patience.IsCancellationRequested ? process.ExitCode : null;
                lock (stdout)
                {
                    return new ApiProcess(exitCode, stdout.ToString(), stderr.ToString());
                }
            }
            finally
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                data.Delete(recursive: true);
            }
        }

        private static void Append(StringBuilder output, string? line, string? until, TaskCompletionSource seen)
        {
            if (line is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(line);
            }

            if (until is not null && line.Contains(until, StringComparison.Ordinal))
            {
                seen.TrySetResult();
            }
        }
    }
}
