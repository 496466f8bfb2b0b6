using BenchmarkDotNet.Running;

namespace OutlookFollowUp.Bench;

internal static class BenchProgram
{
    private static void Main(string[] args)
    {
        if (args is ["--cpu-time"])
        {
            CpuTimeRun.Run();
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(BenchProgram).Assembly).Run(args);
    }
}
