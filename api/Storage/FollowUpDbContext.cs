using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace OutlookFollowUp.Storage;

/// <summary>
/// The product's one database. It knows no feature: each feature folder owns its entities and their
/// <see cref="IEntityTypeConfiguration{TEntity}"/>, picked up here; each feature's store is the only code that reads
/// its tables. One subclass per provider, so that each has its own migrations folder.
/// </summary>
internal abstract class FollowUpDbContext(DbContextOptions options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(FollowUpDbContext).Assembly);
}

/// <summary>SQLite: migrations in Storage/Migrations/Sqlite.</summary>
internal sealed class SqliteFollowUpDbContext(DbContextOptions<SqliteFollowUpDbContext> options) : FollowUpDbContext(options)
{
    // SQLite has no instant type and EF cannot ORDER BY its DateTimeOffset text: store UTC ticks (sortable integers).
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();

    private sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
}

/// <summary>PostgreSQL: migrations in Storage/Migrations/Postgres.</summary>
internal sealed class PostgresFollowUpDbContext(DbContextOptions<PostgresFollowUpDbContext> options) : FollowUpDbContext(options)
{
    // Npgsql writes timestamptz only from offset-zero values.
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcConverter>();

    private sealed class UtcConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(v => v.ToUniversalTime(), v => v);
}
