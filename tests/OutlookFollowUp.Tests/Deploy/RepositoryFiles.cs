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

    public static async Task<(int Code, string Stdout, string Stderr)> RunAsync(
        string program, IEnumerable<string> args, string workingDirectory, IDictionary<string, string?>? environment = null, int timeoutSeconds = 120)
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
        process.OutputDataReceived += (_, e) => stdout.AppendLine(e.Data);
        process.ErrorDataReceived += (_, e) => stderr.AppendLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(timeoutSeconds));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', args)} did not finish in {timeoutSeconds} s.");
        }

        process.WaitForExit();
        return (process.ExitCode, stdout.ToString().Trim(), stderr.ToString().Trim());
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
