using ArchUnitNET.Loader;
using OutlookFollowUp.Storage;

namespace OutlookFollowUp.Tests.Architecture;

/// <summary>
/// The product's feature folders and who depends on whom, read from its compiled types (fields, signatures, method
/// bodies, attributes), not from <c>using</c> lines. A folder is the namespace's first segment under OutlookFollowUp.
/// </summary>
internal static class ProductMap
{
    public const string Root = "OutlookFollowUp.";

    private static readonly Lazy<ArchUnitNET.Domain.Architecture> Loaded = new(() =>
        new ArchLoader().LoadAssemblies(typeof(FollowUpDbContext).Assembly).Build());

    public static ArchUnitNET.Domain.Architecture Architecture => Loaded.Value;

    /// <summary>The feature folder a type lives in; null for types outside the product's namespaces.</summary>
    public static string? FolderOf(string? fullName)
    {
        if (fullName is null || !fullName.StartsWith(Root, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = fullName[Root.Length..];
        var dot = rest.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? null : rest[..dot];
    }

    /// <summary>Each folder's dependencies on the other folders, with one type that shows it.</summary>
    public static IReadOnlyDictionary<(string From, string To), string> FolderDependencies()
    {
        var edges = new Dictionary<(string, string), string>();
        foreach (var type in Architecture.Types)
        {
            if (FolderOf(type.FullName) is not { } from)
            {
                continue;
            }

            foreach (var dependency in type.Dependencies)
            {
                if (FolderOf(dependency.Target.FullName) is { } to && to != from)
                {
                    edges.TryAdd((from, to), $"{type.FullName} → {dependency.Target.FullName}");
                }
            }
        }

        return edges;
    }

    /// <summary>Pairs of folders that depend on each other, directly or through others (each strongly connected group, by its members).</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Cycles(IReadOnlyDictionary<(string From, string To), string> edges)
    {
        var next = edges.Keys.GroupBy(e => e.From).ToDictionary(g => g.Key, g => g.Select(e => e.To).ToList());
        var folders = edges.Keys.SelectMany(e => new[] { e.From, e.To }).Distinct().Order(StringComparer.Ordinal).ToList();
        var reach = folders.ToDictionary(f => f, f => Reachable(f, next));
        return [.. folders
            .Select(f => (IReadOnlyList<string>)[.. folders.Where(g => reach[f].Contains(g) && reach[g].Contains(f))])
            .Where(group => group.Count > 1)
            .DistinctBy(group => string.Join(",", group))];
    }

    private static HashSet<string> Reachable(string from, Dictionary<string, List<string>> next)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var todo = new Stack<string>([from]);
        while (todo.TryPop(out var at))
        {
            foreach (var to in next.GetValueOrDefault(at) ?? [])
            {
                if (seen.Add(to))
                {
                    todo.Push(to);
                }
            }
        }

        return seen;
    }
}
