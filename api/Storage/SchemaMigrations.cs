namespace OutlookFollowUp.Storage;

/// <summary>The ordered schema steps. Never edit a shipped step: append one (see docs/storage.md).</summary>
internal static class SchemaMigrations
{
    public static readonly IReadOnlyList<SchemaMigration> All =
    [
        new(1, "initial", SchemaV1.Sqlite, SchemaV1.Postgres),
        new(2, "user data", SchemaV2.Sqlite, SchemaV2.Postgres),
    ];
}
