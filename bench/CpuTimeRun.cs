using System.Diagnostics;
using System.Globalization;
using OutlookFollowUp.FollowUps;

namespace OutlookFollowUp.Bench;

/// <summary>
/// `--cpu-time`: Detect on each mailbox with the process's CPU time per run beside the wall time. On a shared machine the
/// wall time includes the time other processes held the core; the CPU time does not (cache pressure from them remains).
/// </summary>
internal static class CpuTimeRun
{
    private const int Runs = 5;

    public static void Run()
    {
        if (OperatingSystem.IsLinux() || OperatingSystem.IsWindows())
        {
            using var process = Process.GetCurrentProcess();
            process.ProcessorAffinity = 1; // one core, like EngineBenchmarkConfig
        }

        // Tier the engine's methods up first (tiering counts calls, not data), so the small mailboxes are not timed in tier 0.
        foreach (var style in new[] { MailboxStyle.Mime, MailboxStyle.Graph })
        {
            var small = SyntheticMailbox.Generate(10_000, style);
            for (var i = 0; i < 60; i++)
            {
                FollowUpEngine.Detect(small, SyntheticMailbox.Options());
            }
        }

        Thread.Sleep(500); // let the background compiler install the optimised code
        Console.WriteLine("| Style | Messages | wall median | CPU median | CPU min | allocated | messages/s (CPU median) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var style in new[] { MailboxStyle.Mime, MailboxStyle.Graph })
        {
            foreach (var size in new[] { 10_000, 100_000, 1_000_000 })
            {
                Measure(style, size);
            }
        }
    }

    private static void Measure(MailboxStyle style, int size)
    {
        var mailbox = SyntheticMailbox.Generate(size, style);
        var options = SyntheticMailbox.Options();
        FollowUpEngine.Detect(mailbox, options); // warm-up: caches, and the GC's budgets for this size
        var wall = new double[Runs];
        var cpu = new double[Runs];
        long allocated = 0;
        for (var i = 0; i < Runs; i++)
        {
            GC.Collect();
            var bytes = GC.GetAllocatedBytesForCurrentThread();
            var cpuStart = Environment.CpuUsage.TotalTime;
            var clock = Stopwatch.StartNew();
            FollowUpEngine.Detect(mailbox, options);
            wall[i] = clock.Elapsed.TotalMilliseconds;
            cpu[i] = (Environment.CpuUsage.TotalTime - cpuStart).TotalMilliseconds;
            allocated = GC.GetAllocatedBytesForCurrentThread() - bytes;
        }

        Array.Sort(wall);
        Array.Sort(cpu);
        var culture = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(culture,
            $"| {style} | {size:N0} | {wall[Runs / 2]:F1} ms | {cpu[Runs / 2]:F1} ms | {cpu[0]:F1} ms | {allocated / 1048576.0:F2} MB | {size / (cpu[Runs / 2] / 1000):N0} |"));
    }
}
