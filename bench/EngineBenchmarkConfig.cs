using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace OutlookFollowUp.Bench;

/// <summary>
/// Affordable on a shared 2-core machine: in-process (no generated project to build), one launch, 2 warm-ups, 5 measured
/// iterations, pinned to one core so neither the engine nor the GC can borrow the second one.
/// </summary>
public sealed class EngineBenchmarkConfig : ManualConfig
{
    public EngineBenchmarkConfig() =>
        AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(2)
            .WithIterationCount(5)
            .WithAffinity(1)
            .WithId("OneCore"));
}
