using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace OutlookFollowUp.Tests.Deploy;

/// <summary>Paths in the repository and a way to run a program to its end, for the deployment tests.</summary>
internal static class RepositoryFiles
{
    public static readonly string Root = FindRoot();

    /// <summary>Debug or Release: the configuration the tests (and so the API next to them) were built in.</summary>
    public static readonly string Configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(System.IO.Path.DirectorySeparatorChar)).Parent!.Name;

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    /// <summary>The API as built for these tests (its own output folder, with its appsettings files).</summary>
    public static string ApiOutput => Path("api", "bin", Configuration, "net10.0");

    public static string NuGetPackageRoot =>
        typeof(RepositoryFiles).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "NuGetPackageRoot").Value!;

    /// <summary>Runs a program to its end; with <paramref name="until"/>, only until its output holds that text (then it is stopped and the code is -1).</summary>
    public static async Task<(int Code, string Stdout, string Stderr)> RunAsync(
        string program, IEnumerable<string> args, string workingDirectory, IDictionary<string, string?>? environment = null, int timeoutSeconds = 120,
        string? until = null)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var (stdout, stderr) = (new StringBuilder(), new StringBuilder());
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) => Append(stdout, e.Data, until, seen);
        process.ErrorDataReceived += (_, e) => Append(stderr, e.Data, until, seen);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(timeoutSeconds));
        try
        {
            await Task.WhenAny(process.WaitForExitAsync(timeout.Token), seen.Task).Unwrap();
            timeout.Token.ThrowIfCancellationRequested();
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', args)} did not finish in {timeoutSeconds} s:\n{Text(stdout)}\n{Text(stderr)}");
        }

        var stopped = !process.HasExited;
        if (stopped)
        {
            process.Kill(entireProcessTree: true);
        }

        process.WaitForExit();
        return (stopped ? -1 : process.ExitCode, Text(stdout).Trim(), Text(stderr).Trim());
    }

    private static void Append(StringBuilder output, string? line, string? until, TaskCompletionSource seen)
    {
        lock (output)
        {
            output.AppendLine(line);
        }

        if (until is not null && line?.Contains(until, StringComparison.Ordinal) == true)
        {
            seen.TrySetResult();
        }
    }

    private static string Text(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "OutlookFollowUp.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (OutlookFollowUp.sln) is not above the test output.");
    }
}
