using BenchmarkDotNet.Running;

namespace OutlookFollowUp.Bench;

internal static class BenchProgram
{
    private static async Task Main(string[] args)
    {
        // Wall time on this shared 2-core machine includes other processes' time: CPU time beside it tells them apart.
        if (args is ["--cpu-time"])
        {
            CpuTimeRun.Run();
            return;
        }

        // Request counts are exact figures, not timings: they run once, outside BenchmarkDotNet.
        if (args is ["sync-figures", ..])
        {
            await SyncFigures.RunAsync(Console.Out);
            return;
        }

        if (args is ["request-figures", ..])
        {
            await ColdSyncFigures.RunAsync(Console.Out);
            return;
        }

        if (args is ["notification-figures", ..])
        {
            await NotificationFigures.RunAsync(Console.Out);
            return;
        }

        if (args is ["away-figures", ..])
        {
            await AwayFigures.RunAsync(Console.Out);
            return;
        }

        if (args is ["route-figures", ..])
        {
            await RouteFigures.RunAsync(Console.Out);
            return;
        }

        if (args is ["digest-figures", ..])
        {
            await DigestFigures.RunAsync(Console.Out);
            return;
        }

        if (args is ["due-sweep" or "sync-round", ..])
        {
            try
            {
                await (args[0] == "due-sweep" ? DueSweepFigures.RunAsync(args[1..], Console.Out) : SyncRoundFigures.RunAsync(args[1..], Console.Out));
            }
            catch (BenchUsageException usage)
            {
                await Console.Error.WriteLineAsync($"{args[0]}: {usage.Message}");
                Environment.ExitCode = 2;
            }

            return;
        }

        if (args is ["index-size", ..])
        {
            await IndexSizeFigures.RunAsync(Console.Out, args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1_000);
            return;
        }

        if (args is ["asks-bursts", ..])
        {
            AskClassifierBenchmarks.Bursts(Console.Out);
            return;
        }

        // Rule 9's classifier per message: `-- asks` (the same as `--filter '*AskClassifier*'`).
        if (args is ["asks", ..])
        {
            BenchmarkRunner.Run<AskClassifierBenchmarks>();
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(BenchProgram).Assembly).Run(args);
    }
}
