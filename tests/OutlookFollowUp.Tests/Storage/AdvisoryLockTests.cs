using System.Reflection;
using OutlookFollowUp.Storage;

namespace OutlookFollowUp.Tests.Storage;

/// <summary>
/// The product's PostgreSQL advisory lock classes are one list with distinct keys, and the list holds every one declared
/// (a user's write lock once shared its class with the schema upgrade's: a user whose key hashed like the schema would
/// have waited on a starting instance's migration).
/// </summary>
public sealed class AdvisoryLockTests
{
    [Fact]
    public void Every_lock_class_is_listed_once_with_a_key_of_its_own()
    {
        var declared = typeof(AdvisoryLocks).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(int)).Select(f => (int)f.GetRawConstantValue()!).ToList();

        Assert.Equal(declared.Order(), AdvisoryLocks.All.Order());
        Assert.Equal(AdvisoryLocks.All.Count, AdvisoryLocks.All.Distinct().Count());
        Assert.Equal(4, declared.Count);
    }
}
