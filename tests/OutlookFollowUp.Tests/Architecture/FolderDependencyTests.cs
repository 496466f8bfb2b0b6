using Xunit.Abstractions;

namespace OutlookFollowUp.Tests.Architecture;

/// <summary>
/// No two feature folders depend on each other, directly or in a ring: where a lower folder must call back, it owns an
/// interface the higher one implements. Read from the compiled types (ArchUnitNET).
/// </summary>
public sealed class FolderDependencyTests(ITestOutputHelper output)
{
    [Fact]
    public void No_feature_folder_depends_on_another_that_depends_back_on_it()
    {
        var edges = ProductMap.FolderDependencies();
        var cycles = ProductMap.Cycles(edges);
        output.WriteLine($"{edges.Count} dependencies between {edges.Keys.SelectMany(e => new[] { e.From, e.To }).Distinct().Count()} folders, {cycles.Count} cycles");
        foreach (var group in edges.Keys.GroupBy(e => e.From).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"map: {group.Key} → {string.Join(", ", group.Select(e => e.To).Order(StringComparer.Ordinal))}");
        }

        foreach (var cycle in cycles)
        {
            output.WriteLine("cycle: " + string.Join(" ↔ ", cycle));
            foreach (var ((from, to), example) in edges.Where(e => cycle.Contains(e.Key.From) && cycle.Contains(e.Key.To)))
            {
                output.WriteLine($"  {from} → {to}: {example}");
            }
        }

        Assert.Empty(cycles);
    }
}
