using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using OutlookFollowUp.Storage;

namespace OutlookFollowUp.Tests.Storage;

/// <summary>One instance at a time owns a mailbox's background work; within an instance the lease is shared.</summary>
[Trait("Needs", "Postgres")]
public sealed class MailboxLeaseTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [PostgresFact]
    public async Task Two_instances_never_hold_one_mailbox_at_once_and_the_lease_passes_on_when_given_back()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Postgres);
        await using var first = Leases(database);
        await using var second = Leases(database);

        var sweep = await first.TryAcquireAsync("tenant:user-1", Ct);
        var sync = await first.TryAcquireAsync("tenant:user-1", Ct); // another kind of work in the same instance
        var elsewhere = await second.TryAcquireAsync("tenant:user-1", Ct);
        var other = await second.TryAcquireAsync("tenant:user-2", Ct);
        await sweep!.DisposeAsync();
        var stillHeld = await second.TryAcquireAsync("tenant:user-1", Ct);
        await sync!.DisposeAsync();
        var passed = await second.AcquireAsync("tenant:user-1", TimeSpan.FromSeconds(5), Ct);

        Assert.Null(elsewhere);
        Assert.NotNull(other);
        Assert.Null(stillHeld);
        Assert.NotNull(passed);
        Assert.Equal((0, 2), (await first.HeldAsync(), await second.HeldAsync()));
    }

    [PostgresFact]
    public async Task A_lease_ends_with_its_instance_and_databases_on_one_server_do_not_share_leases()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Postgres);
        await using var other = await TestDatabase.CreateAsync(StorageProvider.Postgres);
        var crashed = Leases(database);
        await using var survivor = Leases(database);
        await using var neighbour = Leases(other);

        var held = await crashed.TryAcquireAsync("tenant:user-1", Ct);
        var meanwhile = await survivor.TryAcquireAsync("tenant:user-1", Ct);
        var sameKeyOtherSchema = await neighbour.TryAcquireAsync("tenant:user-1", Ct);
        await crashed.DisposeAsync(); // its session closes, as when the process dies
        NpgsqlConnection.ClearAllPools();
        var after = await survivor.AcquireAsync("tenant:user-1", TimeSpan.FromSeconds(5), Ct);

        Assert.NotNull(held);
        Assert.Null(meanwhile);
        Assert.NotNull(sameKeyOtherSchema);
        Assert.NotNull(after);
    }

    [Fact]
    public async Task On_SQLite_one_instance_holds_every_lease()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var leases = Leases(database);

        await using var a = await leases.TryAcquireAsync("tenant:user-1", Ct);
        await using var b = await leases.TryAcquireAsync("tenant:user-1", Ct);

        Assert.NotNull(a);
        Assert.NotNull(b);
        Assert.Equal(1, await leases.HeldAsync());
    }

    internal static MailboxLeases Leases(TestDatabase database) => new(
        Microsoft.Extensions.Options.Options.Create(new StorageOptions { Provider = database.Provider, ConnectionString = database.ConnectionString }),
        NullLogger<MailboxLeases>.Instance);
}
