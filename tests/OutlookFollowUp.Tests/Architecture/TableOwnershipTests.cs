using Microsoft.EntityFrameworkCore;
using OutlookFollowUp.Storage;
using Xunit.Abstractions;

namespace OutlookFollowUp.Tests.Architecture;

/// <summary>
/// Every table is read and written by the feature that owns it alone: no type outside the folder of an entity (the
/// database model's types) uses it; other features ask the owner's store. Read from the compiled types.
/// </summary>
public sealed class TableOwnershipTests(ITestOutputHelper output)
{
    [Fact]
    public void No_entity_is_used_outside_the_folder_that_owns_its_table()
    {
        using var context = StorageSetup.CreateContext(new StorageOptions { Provider = StorageProvider.Sqlite, ConnectionString = "Data Source=:memory:" });
        var entities = context.Model.GetEntityTypes()
            .Select(e => (Name: e.ClrType.FullName!, Table: e.GetTableName(), Owner: ProductMap.FolderOf(e.ClrType.FullName)))
            .ToList();
        var byName = entities.ToDictionary(e => e.Name, StringComparer.Ordinal);

        var outside = ProductMap.Architecture.Types
            .SelectMany(type => type.Dependencies.Select(d => (From: type.FullName, To: d.Target.FullName)))
            .Where(d => byName.TryGetValue(d.To, out var entity) && ProductMap.FolderOf(d.From) is { } from && from != entity.Owner)
            .Select(d => $"{d.From} uses {d.To} ({byName[d.To].Table}, owned by {byName[d.To].Owner})")
            .Distinct().Order(StringComparer.Ordinal).ToList();
        foreach (var group in entities.GroupBy(e => e.Owner).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"{group.Key}: {string.Join(", ", group.Select(e => e.Table).Order(StringComparer.Ordinal))}");
        }

        Assert.True(entities.Count >= 15, $"the model has {entities.Count} entities");
        Assert.True(outside.Count == 0, string.Join(Environment.NewLine, outside));
    }
}
