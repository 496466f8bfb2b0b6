using OutlookFollowUp.Mail.Graph;
using OutlookFollowUp.Mail.Graph.InMemory;

namespace OutlookFollowUp.Tests.Graph;

/// <summary>A mailbox, the fake Graph in front of it, and the product's factory and reader wired to it.</summary>
public sealed class FakeGraphRig : IDisposable
{
    public const string MailboxKey = "user-1";
    public const string Me = "me@contoso.com";

    public FakeGraphRig(Action<GraphOptions>? configure = null)
    {
        Options = new GraphOptions { AccessToken = "test-token", PageSize = 10, MaxRetries = 2, Timeout = TimeSpan.FromSeconds(10) };
        configure?.Invoke(Options);
        Mailbox = new InMemoryMailbox(Me, timeZone: "W. Europe Standard Time") { ProxyAddresses = ["SMTP:me@contoso.com", "smtp:Alias@Contoso.com", "X500:/o=x"] };
        Fake = new FakeGraph(Mailbox);
        Factory = new GraphClientFactory(Options, TimeProvider.System, Fake);
        Reader = Factory.CreateReader(MailboxKey);
    }

    public DateTimeOffset Now { get; } = TimeProvider.System.GetUtcNow();

    public GraphOptions Options { get; }

    public InMemoryMailbox Mailbox { get; }

    public FakeGraph Fake { get; }

    public GraphClientFactory Factory { get; }

    public GraphMailReader Reader { get; }

    public static Dictionary<string, string> NoLinks => [];

    /// <summary>Seeds <paramref name="count"/> messages a day or less old into a folder.</summary>
    public void Seed(string folder, int count, string prefix = "m")
    {
        for (var i = 0; i < count; i++)
        {
            Mailbox.Put(folder, Messages.Message($"{prefix}-{folder}-{i}", Now.AddMinutes(-i)));
        }
    }

    /// <summary>Any request the fake was not prepared for fails the test here.</summary>
    public void Dispose()
    {
        Factory.Dispose();
        Fake.Dispose();
        Assert.True(Fake.Problems.Count == 0, string.Join("\n", Fake.Problems));
    }
}
