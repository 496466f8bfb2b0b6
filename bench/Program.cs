using BenchmarkDotNet.Running;

namespace OutlookFollowUp.Bench;

internal static class BenchProgram
{
    private static async Task<int> Main(string[] args)
    {
        if (BenchCommands.Handles(args))
        {
            return await BenchCommands.RunAsync(args, Console.Out, Console.Error, CancellationToken.None);
        }

        BenchmarkSwitcher.FromAssembly(typeof(BenchProgram).Assembly).Run(args);
        return 0;
    }
}
