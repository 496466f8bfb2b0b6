using OutlookFollowUp.FollowUps;

namespace OutlookFollowUp.Scan;

/// <summary>One labelled quiet thread: what a careful person judged its last message to ask.</summary>
/// <param name="Line">The line in the labels file, for messages.</param>
/// <param name="MessageId">Message-ID of the thread's last message, angle brackets included.</param>
/// <param name="Source">The mail file or folder, resolved to a full path.</param>
/// <param name="Asks">The label: true for "asks", false for "none".</param>
/// <param name="Kind">The labelled kind, or empty.</param>
public sealed record LabelRow(
    int Line, string MessageId, string Source, IReadOnlyList<string> Me, FollowUpDirection Direction, string Language, bool Asks, string Kind,
    ScanSplit Split, string Note);

/// <summary>A labels file that cannot be read as one: the message is one line for the command's stderr.</summary>
public sealed class LabelsFileException(string message) : Exception(message);

/// <summary>
/// The labels file (TSV, a header row, '#' lines are comments): message_id, source, me, direction, language, label,
/// kind, split, note. A source starting with <c>shared/</c> is found in the <c>shared</c> folder beside the repository
/// (the nearest folder above the labels file that holds OutlookFollowUp.sln); any other is relative to the labels file.
/// </summary>
public static class LabelsFile
{
    public static readonly string[] Columns = ["message_id", "source", "me", "direction", "language", "label", "kind", "split", "note"];

    public static readonly string[] Languages = ["en", "it", "de", "fr", "es"];

    private static readonly string[] Kinds = ["none", "question", "request", "proposal", "review", "signature", "date", "update", "unreadable"];

    /// <exception cref="LabelsFileException">A missing column, a bad value or a source that does not exist.</exception>
    public static IReadOnlyList<LabelRow> Read(string path)
    {
        var full = Path.GetFullPath(path);
        var lines = File.ReadAllLines(full);
        var header = Array.FindIndex(lines, l => l.Trim().Length > 0 && !l.StartsWith('#'));
        if (header < 0)
        {
            throw new LabelsFileException($"{path}: no header row (the columns are {string.Join(", ", Columns)}).");
        }

        var names = lines[header].Split('\t').Select(n => n.Trim().ToLowerInvariant()).ToList();
        if (Columns.FirstOrDefault(c => !names.Contains(c)) is { } missing)
        {
            throw new LabelsFileException($"{path}: the header has no '{missing}' column (the columns are {string.Join(", ", Columns)}, separated by tabs).");
        }

        var folder = Path.GetDirectoryName(full)!;
        var rows = new List<LabelRow>();
        for (var i = header + 1; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length > 0 && !lines[i].StartsWith('#'))
            {
                rows.Add(Row(lines[i].Split('\t'), names, i + 1, folder, path));
            }
        }

        return rows;
    }

    private static LabelRow Row(string[] cells, List<string> names, int line, string folder, string path)
    {
        string Cell(string column)
        {
            var index = names.IndexOf(column);
            return index < cells.Length ? cells[index].Trim() : "";
        }

        LabelsFileException Bad(string column, string expected) =>
            new($"{path}, line {line}: {column} '{FollowUps.OptionRules.Shorten(Cell(column))}' is not {expected}.");

        var id = Cell("message_id");
        if (!(id.StartsWith('<') && id.EndsWith('>') && id.Length > 2))
        {
            throw Bad("message_id", "a Message-ID in angle brackets");
        }

        var me = Cell("me").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (me.Length == 0 || me.Any(a => !a.Contains('@', StringComparison.Ordinal)))
        {
            throw Bad("me", "one address or more, separated by commas");
        }

        var direction = Cell("direction") switch
        {
            "theirs" => FollowUpDirection.Theirs,
            "mine" => FollowUpDirection.Mine,
            _ => throw Bad("direction", "theirs or mine"),
        };
        var language = Languages.Contains(Cell("language")) ? Cell("language") : throw Bad("language", string.Join(", ", Languages));
        var asks = Cell("label") switch
        {
            "asks" => true,
            "none" => false,
            _ => throw Bad("label", "asks or none"),
        };
        var kind = Cell("kind").Length == 0 || Kinds.Contains(Cell("kind")) ? Cell("kind") : throw Bad("kind", "empty or " + string.Join(", ", Kinds));
        var split = Cell("split") switch
        {
            "tune" => ScanSplit.Tune,
            "heldout" => ScanSplit.Heldout,
            _ => throw Bad("split", "tune or heldout"),
        };
        var source = Resolve(Cell("source"), folder);
        if (!File.Exists(source) && !Directory.Exists(source))
        {
            throw new LabelsFileException($"{path}, line {line}: unknown source '{FollowUps.OptionRules.Shorten(Cell("source"))}' (looked for {source}).");
        }

        return new LabelRow(line, id, source, me, direction, language, asks, kind, split, Cell("note"));
    }

    /// <summary>"shared/…" beside the repository that holds the labels file; anything else next to the labels file.</summary>
    private static string Resolve(string source, string folder)
    {
        if (source.Length == 0)
        {
            return folder + Path.DirectorySeparatorChar + "(empty source)";
        }

        if (source.StartsWith("shared/", StringComparison.Ordinal))
        {
            for (var dir = new DirectoryInfo(folder); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "OutlookFollowUp.sln")))
                {
                    return Path.GetFullPath(Path.Combine(dir.FullName, "..", source));
                }
            }
        }

        return Path.GetFullPath(Path.Combine(folder, source));
    }
}
