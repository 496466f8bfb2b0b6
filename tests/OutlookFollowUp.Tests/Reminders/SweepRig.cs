using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using OutlookFollowUp.GraphSimulator;
using OutlookFollowUp.Local;
using OutlookFollowUp.Mail;
using OutlookFollowUp.Mail.Graph;
using OutlookFollowUp.MailIndex;
using OutlookFollowUp.Reminders;
using OutlookFollowUp.Settings;
using OutlookFollowUp.Storage;

namespace OutlookFollowUp.Tests.Reminders;

/// <summary>
/// The due sweep over a real database (SQLite or PostgreSQL) and the product's Graph pipeline against the Graph
/// server: reminders are seeded as rows, the mailbox as messages, and PATCHes are counted where Graph would see them.
/// </summary>
internal sealed class SweepRig : IAsyncDisposable
{
    public const string User = "tenant:user-1";
    public const string Me = GraphRig.Me;

    private readonly ServiceProvider _graph;

    private SweepRig(TestDatabase db, BackgroundOptions options, bool graphOnRigClock)
    {
        Db = db;
        Options = options;
        Mailbox = new InMemoryMailbox(Me);
        Server = new InMemoryGraphHandler(Mailbox);
        var graph = GraphRig.Services(new GraphOptions { AccessToken = "test-token", PageSize = 50, MaxRetries = 0, Timeout = TimeSpan.FromSeconds(10) }, Server);
        if (graphOnRigClock)
        {
            graph.Replace(ServiceDescriptor.Singleton<TimeProvider>(db.Time));
        }

        _graph = graph.BuildServiceProvider();
        Mailboxes = new LocalMailboxes(_graph.GetRequiredService<GraphClientFactory>());
    }

    public TestDatabase Db { get; }

    public FakeTimeProvider Time => Db.Time;

    public BackgroundOptions Options { get; }

    public InMemoryMailbox Mailbox { get; }

    public InMemoryGraphHandler Server { get; }

    /// <summary>The product's Graph services over <see cref="Server"/> (for mailboxes made another way, e.g. with a pasted token).</summary>
    public ServiceProvider Graph => _graph;

    public IMailboxes Mailboxes { get; set; }

    /// <summary>Flag writes that reached the mailbox, alone or inside a <c>$batch</c>.</summary>
    public int Patches => Server.PatchedPaths.Count;

    /// <param name="graphOnRigClock">The Graph pipeline reads <see cref="Time"/> (the mailbox gate's waits); else the system clock.</param>
    public static async Task<SweepRig> CreateAsync(StorageProvider provider, BackgroundOptions? options = null, bool graphOnRigClock = false)
    {
        var rig = new SweepRig(await TestDatabase.CreateAsync(provider), options ?? new BackgroundOptions(), graphOnRigClock);
        await rig.Db.CreateIndex().SetMailboxAsync(User, [Me], "UTC", CancellationToken.None);
        return rig;
    }

    /// <summary>A fresh sweep, as a new scope (or a restarted instance) would make it.</summary>
    /// <param name="leases">An instance's mailbox leases; none: every mailbox is this sweep's.</param>
    /// <param name="away">The away step over a mailbox's context; none: no MailTips check.</param>
    /// <param name="mailboxes">Another instance's Graph pipeline; the rig's by default.</param>
    public ReminderSweep Sweep(
        ISweepObserver? probe = null, MailboxLeases? leases = null, Func<FollowUpDbContext, AwaySweepStep>? away = null, IMailboxes? mailboxes = null) =>
        new(() => Parts(away), mailboxes ?? Mailboxes, probe ?? new SweepTelemetry(), new FlagPermissionNotices(),
            Time, Microsoft.Extensions.Options.Options.Create(Options), NullLogger<ReminderSweep>.Instance, leases);

    /// <summary>What a mailbox's sweep works with, over a context of its own.</summary>
    public SweepParts Parts(Func<FollowUpDbContext, AwaySweepStep>? away = null)
    {
        var context = Db.CreateContext();
        return new SweepParts(context, new SettingsStore(context, Time), new ThreadIndex(context), away?.Invoke(context), routes: new OutlookFollowUp.Routes.RouteStore(context));
    }

    /// <summary>A message I sent in Sent Items (its conversation is <c>conv-{id}</c>).</summary>
    public void Sent(string id, DateTimeOffset at) =>
        Mailbox.Put("sentitems", Messages.Message(id, at, Me) with { To = [new InMemoryAddress("ana@fabrikam.com", "Ana")] });

    /// <summary>Someone's answer in a conversation, in <paramref name="folder"/> (a rule may have filed it anywhere).</summary>
    public void Reply(string id, string conversationOf, DateTimeOffset at, string folder = "inbox") =>
        Mailbox.Put(folder, Messages.Message(id, at, "ana@fabrikam.com") with { ConversationId = $"conv-{conversationOf}" });

    /// <summary>A reminder row on a sent message, due at <paramref name="remindAt"/>.</summary>
    /// <param name="threadKey">Its conversation when not the builder's <c>conv-{messageId}</c>.</param>
    public async Task<string> RemindAsync(string messageId, DateTimeOffset remindAt, string user = User, bool indexed = true, string? threadKey = null)
    {
        await using var context = Db.CreateContext();
        var id = Guid.NewGuid().ToString("N");
        context.Set<ReminderRow>().Add(new ReminderRow
        {
            UserKey = user,
            Id = id,
            MessageId = messageId,
            InternetMessageId = $"<{messageId}@fabrikam.com>",
            ThreadKey = indexed ? threadKey ?? $"conv-{messageId}" : null,
            Subject = $"Subject {messageId}",
            RemindAt = remindAt,
            CreatedAt = Time.GetUtcNow(),
            SweepAt = remindAt,
        });
        await context.SaveChangesAsync();
        return id;
    }

    public async Task<ReminderRow> RowAsync(string id, string user = User)
    {
        await using var context = Db.CreateContext();
        return await context.Set<ReminderRow>().AsNoTracking().SingleAsync(r => r.UserKey == user && r.Id == id);
    }

    public Reminder Reminder(ReminderRow row) => ReminderStore.ToReminder(row);

    public string? FlagStatus(string messageId) => Mailbox.Find(messageId)?["flag"]?["flagStatus"]?.GetValue<string>();

    public JsonNode? Flag(string messageId) => Mailbox.Find(messageId)?["flag"];

    public async ValueTask DisposeAsync()
    {
        await _graph.DisposeAsync();
        Server.Dispose();
        await Db.DisposeAsync();
        Assert.True(Server.Problems.Count == 0, string.Join("\n", Server.Problems));
    }
}

/// <summary>Throws at one point of the sweep, as a crash there would stop it (nothing after it runs).</summary>
internal sealed class CrashAt(SweepPoint point) : ISweepObserver
{
    public ValueTask AtAsync(SweepPoint at, CancellationToken cancellationToken) =>
        at == point ? throw new SimulatedCrashException(point) : ValueTask.CompletedTask;
}

internal sealed class SimulatedCrashException(SweepPoint point) : Exception($"simulated crash at {point}");
