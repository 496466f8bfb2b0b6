using Microsoft.EntityFrameworkCore;
using OutlookFollowUp.Storage;

namespace OutlookFollowUp.Tests.MailIndex;

/// <summary>Tables, columns, indexes and foreign keys as sorted text (EF's own history and lock tables left out), to compare schemas.</summary>
internal static class SchemaFingerprint
{
    private const string Sqlite = """
        SELECT m.name || '.' || p.name || ' ' || p.type || ' ' || p."notnull" || ' ' || p.pk AS "Value"
          FROM sqlite_master m, pragma_table_info(m.name) p WHERE m.type = 'table' AND m.name <> 'schema_version' AND m.name NOT LIKE '\_\_EFMigrations%' ESCAPE '\'
        UNION ALL SELECT 'index ' || m.name || ' ' || m.tbl_name || ' ' || i.seqno || ' ' || i.name
          FROM sqlite_master m, pragma_index_info(m.name) i WHERE m.type = 'index' AND m.tbl_name NOT LIKE '\_\_EFMigrations%' ESCAPE '\'
        UNION ALL SELECT 'fk ' || m.name || ' ' || f."table" || ' ' || f."from" || ' ' || f."to" || ' ' || f.on_delete
          FROM sqlite_master m, pragma_foreign_key_list(m.name) f WHERE m.type = 'table'
        """;

    private const string Postgres = """
        SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable AS "Value"
          FROM information_schema.columns WHERE table_schema = current_schema() AND table_name <> 'schema_version' AND table_name NOT LIKE '\_\_EFMigrations%'
        UNION ALL SELECT 'index ' || indexname || ' ' || replace(indexdef, current_schema() || '.', '')
          FROM pg_indexes WHERE schemaname = current_schema() AND tablename <> 'schema_version' AND tablename NOT LIKE '\_\_EFMigrations%'
        UNION ALL SELECT 'fk ' || conname || ' ' || pg_get_constraintdef(oid)
          FROM pg_constraint WHERE connamespace = current_schema()::regnamespace AND contype = 'f'
        """;

    public static async Task<string> ReadAsync(FollowUpDbContext db)
    {
        var rows = await db.Database.SqlQueryRaw<string>(DatabaseLocks.IsPostgres(db) ? Postgres : Sqlite).ToListAsync();
        return string.Join('\n', rows.Order(StringComparer.Ordinal));
    }
}
