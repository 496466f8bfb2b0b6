namespace OutlookFollowUp.FollowUps.Asks;

/// <summary>
/// A message's own new text: the body without quoted history ("&gt;" lines, "On … wrote:" in five languages,
/// Outlook's "-----Original Message-----" and "From: … Sent: …" blocks), without the signature, legal disclaimers,
/// list footers and "Sent from my iPhone". Inline replies keep their new lines between the quotes. Exchange's
/// uniqueBody usually comes without the history, but not always: the same stripping applies.
/// </summary>
public static class NewText
{
    private static readonly string[] SentFrom = [.. LanguageCues.All.SelectMany(l => l.SentFrom).Select(TextFold.Fold)];

    public static string Extract(string body, bool isHtml = false)
    {
        ArgumentNullException.ThrowIfNull(body);
        var text = isHtml ? HtmlText.ToText(body) : body;
        var lines = new MailLines(text.ReplaceLineEndings("\n").Split('\n'));
        var end = QuotedHistory.Start(lines);
        var kept = new List<string>(end);
        var run = 0; // unquoted lines kept right before this one, since the last blank or quoted line
        for (var i = 0; i < end; i++)
        {
            var line = lines[i];
            if (QuotedHistory.IsQuoted(line))
            {
                DropBrokenQuote(kept, run, line);
                run = 0;
                continue;
            }

            if (QuotedHistory.AttributionLength(lines, i) is > 0 and var length)
            {
                i += length - 1;
                run = 0;
                continue;
            }

            if (!IsSentFrom(lines.Folded(i)))
            {
                kept.Add(line.TrimEnd());
                run = line.Trim().Length == 0 ? 0 : run + 1;
            }
        }

        Signatures.Remove(kept);
        return string.Join('\n', kept.Where((line, i) => line.Length > 0 || i == 0 || kept[i - 1].Length > 0)).Trim();
    }

    /// <summary>
    /// Gmail wraps a long quoted line and leaves the first piece without its '&gt;' ("Does it get simpler if …\n&gt; is
    /// enabled?"): one or two unquoted lines glued to a quote that goes on in lower case are quoted too.
    /// </summary>
    private static void DropBrokenQuote(List<string> kept, int run, string quoted)
    {
        var rest = quoted.AsSpan().TrimStart().TrimStart("> ");
        if (run is > 0 and <= 2 && (rest.Length == 0 || char.IsLower(rest[0])))
        {
            kept.RemoveRange(kept.Count - run, run);
        }
    }

    private static bool IsSentFrom(string folded)
    {
        return folded.Length <= 80 && SentFrom.Any(s => folded.StartsWith(s, StringComparison.Ordinal));
    }
}
