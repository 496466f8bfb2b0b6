using Microsoft.Extensions.Logging.Abstractions;
using OutlookFollowUp.Away;
using OutlookFollowUp.Digest;
using OutlookFollowUp.GraphSimulator;
using OutlookFollowUp.MailIndex;
using OutlookFollowUp.Reminders;
using OutlookFollowUp.Storage;

namespace OutlookFollowUp.Tests.Away;

/// <summary>
/// The due sweep with the MailTips check wired in, over <see cref="SweepRig"/> (a real database and the product's Graph
/// pipeline against the Graph test server). The cache lives as long as the rig, as it lives as long as the process.
/// </summary>
internal static class AwayRig
{
    public static AwayCache Cache(this SweepRig rig) => Caches.GetValue(rig, r => r.InstanceCache());

    /// <summary>Another instance's cache: a memory of its own, the rig's database as the layer every instance shares.</summary>
    public static AwayCache InstanceCache(this SweepRig rig) => new(Support.InstanceCache.Over(rig.Db), rig.Time);

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<SweepRig, AwayCache> Caches = [];

    /// <param name="cache">Another instance's (<see cref="InstanceCache"/>); the rig's by default.</param>
    public static ReminderSweep AwaySweep(this SweepRig rig, AwayCache? cache = null, MailboxLeases? leases = null) =>
        rig.Sweep(leases: leases, away: context => Step(rig, context, cache, leases));

    /// <summary>The sweep's away step over the rig's cache, as DI makes it per scope (with the working hours every instance shares).</summary>
    public static AwaySweepStep Step(SweepRig rig, FollowUpDbContext context, AwayCache? cache = null, MailboxLeases? leases = null)
    {
        cache ??= rig.Cache();
        var round = new AwayRound(cache, NullLogger<AwayRound>.Instance);
        return new AwaySweepStep(
            context, new ThreadIndex(context), rig.Mailboxes, round, new AwayCheck(cache, round, rig.Time, NullLogger<AwayCheck>.Instance),
            new DigestHours(context, rig.Time, NullLogger<DigestHours>.Instance), leases);
    }

    /// <summary>A message I sent to these people (its conversation is <c>conv-{id}</c>).</summary>
    public static void SentTo(this SweepRig rig, string id, DateTimeOffset at, params InMemoryAddress[] to) =>
        rig.Mailbox.Put("sentitems", Messages.Message(id, at, SweepRig.Me) with { To = to });

    public static int MailTipsCalls(this SweepRig rig) => rig.Server.Requests.Count(r => r.Uri.AbsolutePath.EndsWith("/getMailTips", StringComparison.OrdinalIgnoreCase));

    public static int SettingsCalls(this SweepRig rig) => rig.Server.Requests.Count(r => r.Uri.AbsolutePath.EndsWith("/mailboxSettings", StringComparison.OrdinalIgnoreCase));

    public static readonly InMemoryAddress Ana = new("ana@fabrikam.com", "Ana");

    public static readonly InMemoryAddress Ben = new("ben@fabrikam.com", "Ben");

    /// <summary>Monday to Friday, 09:00 to 17:00 in Rome (UTC+1 in December).</summary>
    public static readonly InMemoryWorkingHours RomeOfficeHours = new(
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
        new TimeOnly(9, 0), new TimeOnly(17, 0), "Europe/Rome");
}
