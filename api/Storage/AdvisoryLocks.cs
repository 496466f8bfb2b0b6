namespace OutlookFollowUp.Storage;

/// <summary>
/// Every PostgreSQL advisory lock class the product takes, in one list with distinct keys: a two-key lock's first key
/// names its purpose, so the product's locks never collide with each other or with other users of the database.
/// EF Core's own migration lock is separate.
/// </summary>
internal static class AdvisoryLocks
{
    /// <summary>"FUP1": the schema adoption from the pre-migrations store (the old migrator's key, so an old instance waits too).</summary>
    public const int SchemaAdoption = 0x46555031;

    /// <summary>"FUP2": the whole upgrade at start, one instance at a time.</summary>
    public const int SchemaUpgrade = 0x46555032;

    /// <summary>"FUP3": one user's writes (<see cref="DatabaseLocks"/>).</summary>
    public const int UserWrites = 0x46555033;

    /// <summary>"FUP4": one mailbox's lease on its Graph work (<see cref="MailboxLeases"/>).</summary>
    public const int MailboxLease = 0x46555034;

    public static IReadOnlyList<int> All => [SchemaAdoption, SchemaUpgrade, UserWrites, MailboxLease];
}
