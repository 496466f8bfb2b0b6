using BenchmarkDotNet.Attributes;
using OutlookFollowUp.Scan;

namespace OutlookFollowUp.Bench;

/// <summary>
/// `scan` end to end (MIME parsing, threading, rules, JSON) on the largest Apache month, sling-dev-201203.mbox
/// (2.8 MB, 227 messages), read in place from ../shared beside the repository.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(EngineBenchmarkConfig))]
public class ScanBenchmarks
{
    public const int Messages = 227;

    private ScanRequest _request = new();

    [GlobalSetup]
    public void Setup()
    {
        var path = FindShared("corpus", "apache-mbox", "sling-dev-201203.mbox");
        _request = new ScanRequest { Path = path, Me = ["cziegeler@apache.org"] };
    }

    [Benchmark]
    public string ScanToJson() =>
        ScanOutput.Json(ScanCommand.Run(_request, new DateTimeOffset(2012, 3, 20, 12, 0, 0, TimeSpan.Zero), CancellationToken.None));

    private static string FindShared(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine([dir.FullName, "..", "shared", .. parts]);
            if (File.Exists(Path.Combine(dir.FullName, "OutlookFollowUp.sln")) && File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("../shared/corpus/apache-mbox is missing beside the repository: this benchmark reads it in place.");
    }
}
