using System.Reflection;
using OutlookFollowUp.Storage;
using Xunit.Sdk;

namespace OutlookFollowUp.Tests.MailIndex;

/// <summary>Where the PostgreSQL tests connect; .ci/run starts a server and sets it.</summary>
public static class TestPostgres
{
    public const string Variable = "FOLLOWUP_TEST_POSTGRES";

    public static readonly string? ConnectionString = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } cs ? cs : null;

    public const string MissingReason =
        Variable + " is not set: start a server with `eval \"$(.ci/postgres start)\"` (as .ci/run does) to run the PostgreSQL cases.";
}

/// <summary>Runs a store theory on SQLite (a temporary file).</summary>
public sealed class OnSqliteAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[StorageProvider.Sqlite]];
}

/// <summary>Runs a store theory on real PostgreSQL; reported as skipped, with the reason, when no server is configured.</summary>
public sealed class OnPostgresAttribute : DataAttribute
{
    public OnPostgresAttribute()
    {
        if (TestPostgres.ConnectionString is null)
        {
            Skip = TestPostgres.MissingReason;
        }
    }

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[StorageProvider.Postgres]];
}

/// <summary>A PostgreSQL-only fact (behaviour SQLite does not have, such as several writers at once).</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (TestPostgres.ConnectionString is null)
        {
            Skip = TestPostgres.MissingReason;
        }
    }
}
