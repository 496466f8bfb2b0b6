using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OutlookFollowUp.Scan;

/// <summary>Precision and recall of "asks" for one group of judged rows (a direction, a language, or all).</summary>
public sealed record LabelFigures(string Group, int Rows, int TruePositives, int FalsePositives, int FalseNegatives, int TrueNegatives)
{
    /// <summary>Of the rows listed, the share labelled "asks"; null when nothing was listed.</summary>
    public double? Precision => TruePositives + FalsePositives == 0 ? null : Math.Round((double)TruePositives / (TruePositives + FalsePositives), 3);

    /// <summary>Of the rows labelled "asks", the share listed; null when none was.</summary>
    public double? Recall => TruePositives + FalseNegatives == 0 ? null : Math.Round((double)TruePositives / (TruePositives + FalseNegatives), 3);

    public static LabelFigures Of(string group, IEnumerable<JudgedRow> rows)
    {
        int tp = 0, fp = 0, fn = 0, tn = 0;
        foreach (var row in rows)
        {
            _ = (row.Row.Asks, row.Listed) switch
            {
                (true, true) => tp++,
                (false, true) => fp++,
                (true, false) => fn++,
                (false, false) => tn++,
            };
        }

        return new LabelFigures(group, tp + fp + fn + tn, tp, fp, fn, tn);
    }
}

/// <summary>The figures of one split: all rows, each direction, each language.</summary>
public sealed record SplitFigures(string Split, IReadOnlyList<LabelFigures> Groups);

/// <summary>A row where the product and the label disagree.</summary>
public sealed record LabelMiss(string MessageId, string Split, string Direction, string Language, string Expected, string Got, string Kind, string Excerpt);

/// <summary>A row left out of the figures.</summary>
public sealed record LabelSkip(string MessageId, int Line, string Reason);

public sealed record LabelResult(string Labels, IReadOnlyList<SplitFigures> Splits, IReadOnlyList<LabelMiss> Misses, IReadOnlyList<LabelSkip> NotCandidates);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(LabelResult))]
internal sealed partial class LabelJsonContext : JsonSerializerContext;

/// <summary>`scan --labels` output: a table for people (the default) or JSON.</summary>
public static class LabelOutput
{
    private const int ExcerptLength = 100;

    private static readonly LabelJsonContext Context = new(new JsonSerializerOptions(LabelJsonContext.Default.Options)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <param name="excerpts">Message-ID → new text, for the misses.</param>
    public static LabelResult Result(LabelReport report, ScanSplit split, IReadOnlyDictionary<string, string> excerpts)
    {
        var splits = new List<SplitFigures>();
        foreach (var (name, filter) in Splits(split))
        {
            var rows = report.Judged.Where(r => filter(r.Row.Split)).ToList();
            var groups = new List<LabelFigures> { LabelFigures.Of("all", rows) };
            groups.AddRange(new[] { "theirs", "mine" }.Select(d => LabelFigures.Of(d, rows.Where(r => LabelEvaluation.Name(r.Row.Direction) == d))));
            groups.AddRange(LabelsFile.Languages.Select(l => LabelFigures.Of(l, rows.Where(r => r.Row.Language == l))).Where(f => f.Rows > 0));
            splits.Add(new SplitFigures(name, groups));
        }

        var selected = report.Judged.Where(r => split == ScanSplit.All || r.Row.Split == split).ToList();
        var misses = selected.Where(r => r.Listed != r.Row.Asks).Select(r => new LabelMiss(
            r.Row.MessageId, SplitName(r.Row.Split), LabelEvaluation.Name(r.Row.Direction), r.Row.Language, r.Row.Asks ? "asks" : "none",
            r.Listed ? "asks" : "none", KindName(r.Kind), Excerpt(excerpts.GetValueOrDefault(r.Row.MessageId, "")))).ToList();
        var skipped = report.Skipped.Where(s => split == ScanSplit.All || s.Row.Split == split)
            .Select(s => new LabelSkip(s.Row.MessageId, s.Row.Line, s.Reason)).ToList();
        return new LabelResult(report.Labels, splits, misses, skipped);
    }

    public static string Json(LabelResult result) => JsonSerializer.Serialize(result, Context.LabelResult);

    public static string Table(LabelResult result)
    {
        var text = new StringBuilder();
        var judged = result.Splits.FirstOrDefault(s => s.Split == "all")?.Groups[0].Rows ?? result.Splits.Sum(s => s.Groups[0].Rows);
        text.Append(CultureInfo.InvariantCulture, $"Labels: {result.Labels}\n{judged} {(judged == 1 ? "row" : "rows")} judged, {result.NotCandidates.Count} not {(result.NotCandidates.Count == 1 ? "a candidate" : "candidates")}.\n");
        foreach (var split in result.Splits)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n{split.Split,-10}  {"rows",5}  {"TP",4}  {"FP",4}  {"FN",4}  {"TN",4}  {"precision",9}  {"recall",6}\n");
            foreach (var g in split.Groups)
            {
                text.Append(CultureInfo.InvariantCulture,
                    $"  {g.Group,-8}  {g.Rows,5}  {g.TruePositives,4}  {g.FalsePositives,4}  {g.FalseNegatives,4}  {g.TrueNegatives,4}  {Figure(g.Precision),9}  {Figure(g.Recall),6}\n");
            }
        }

        text.Append(CultureInfo.InvariantCulture, $"\nMisses ({result.Misses.Count}):\n");
        foreach (var miss in result.Misses)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"  {miss.MessageId}  {miss.Split} {miss.Direction} {miss.Language}: expected {miss.Expected}, got {miss.Got} ({miss.Kind})\n      \"{miss.Excerpt}\"\n");
        }

        if (result.NotCandidates.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"\nNot candidates, left out ({result.NotCandidates.Count}):\n");
            foreach (var skip in result.NotCandidates)
            {
                text.Append(CultureInfo.InvariantCulture, $"  line {skip.Line}  {skip.MessageId}: {skip.Reason}\n");
            }
        }

        return text.ToString();
    }

    private static IEnumerable<(string Name, Func<ScanSplit, bool> Filter)> Splits(ScanSplit split) => split switch
    {
        ScanSplit.Tune => [("tune", s => s == ScanSplit.Tune)],
        ScanSplit.Heldout => [("heldout", s => s == ScanSplit.Heldout)],
        _ => [("tune", s => s == ScanSplit.Tune), ("heldout", s => s == ScanSplit.Heldout), ("all", _ => true)],
    };

    private static string SplitName(ScanSplit split) => split == ScanSplit.Tune ? "tune" : "heldout";

    private static string KindName(FollowUps.Asks.AskKind? kind) => kind is { } k ? k.ToString().ToLowerInvariant() : "not read";

    private static string Figure(double? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "-";

    private static string Excerpt(string text)
    {
        var single = string.Join(' ', text.Split((char[])['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return single.Length <= ExcerptLength ? single : single[..(ExcerptLength - 1)] + "…";
    }
}
