using BenchmarkDotNet.Attributes;
using OutlookFollowUp.FollowUps;

namespace OutlookFollowUp.Bench;

/// <summary>FollowUpEngine.Detect over a whole synthetic mailbox. Target: 1M messages under 1 s on one core, near-linear growth.</summary>
[MemoryDiagnoser]
[Config(typeof(EngineBenchmarkConfig))]
public class EngineBenchmarks
{
    private MailRecord[] _mailbox = [];
    private DetectionOptions _options = SyntheticMailbox.Options();

    [Params(10_000, 100_000, 1_000_000)]
    public int Messages { get; set; }

    [Params(MailboxStyle.Mime, MailboxStyle.Graph)]
    public MailboxStyle Style { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _mailbox = SyntheticMailbox.Generate(Messages, Style);
        _options = SyntheticMailbox.Options();
    }

    [Benchmark]
    public DetectionResult Detect() => FollowUpEngine.Detect(_mailbox, _options);
}
