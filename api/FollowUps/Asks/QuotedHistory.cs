using System.Text.RegularExpressions;

namespace OutlookFollowUp.FollowUps.Asks;

/// <summary>
/// Where quoted history starts in mail text: attribution lines ("On … wrote:" and the it/de/fr/es forms), Outlook's
/// "-----Original Message-----" and "From: … Sent: …" blocks, forwarded-message markers, the "-- " signature line and
/// mailing-list footers. Lines are compared folded (see <see cref="TextFold"/>).
/// </summary>
internal static partial class QuotedHistory
{
    private static readonly string[] Wrote = Fold(LanguageCues.All.SelectMany(l => l.Wrote));
    private static readonly string[] From = Fold(LanguageCues.All.SelectMany(l => l.HeaderFrom).Concat(["fra", "van", "från", "od"]));
    private static readonly string[] Sent = Fold(LanguageCues.All.SelectMany(l => l.HeaderSent).Concat(["sendt", "skickat"]));
    private static readonly string[] Separators = Fold(LanguageCues.All.SelectMany(l => l.Separators));

    private static readonly string[] ListFooters =
        ["to unsubscribe", "for additional commands", "you received this message because you are subscribed", "unsubscribe:"];

    public static bool IsQuoted(string line) => line.AsSpan().TrimStart().StartsWith(">");

    /// <summary>The index of the first line of quoted history that runs to the end, or <c>lines.Length</c>.</summary>
    public static int Start(string[] lines)
    {
        for (var i = 0; i < lines.Length; i++)
        {
            if (IsQuoted(lines[i]) || lines[i].Length == 0)
            {
                continue;
            }

            var folded = Folded(lines[i]);
            if (folded == "--" || IsSeparator(folded) || IsHeaderBlock(lines, i))
            {
                return i;
            }

            if (ListFooters.Any(f => folded.StartsWith(f, StringComparison.Ordinal)))
            {
                return PreviousRule(lines, i);
            }

            if (IsRule(folded, '_') && NextNonBlank(lines, i) is { } next && (IsHeaderBlock(lines, next) || Folded(lines[next]).Contains("mailing list")))
            {
                return i;
            }

            // An attribution followed by unquoted text: the quoted message follows without '>' (Apple Mail, most HTML).
            if (AttributionLength(lines, i) is > 0 and var length && !(NextNonBlank(lines, i + length - 1) is { } after && IsQuoted(lines[after])))
            {
                return i;
            }
        }

        return lines.Length;
    }

    /// <summary>How many lines (1–3) the attribution starting at <paramref name="i"/> takes, or 0 when there is none.</summary>
    public static int AttributionLength(string[] lines, int i)
    {
        var joined = "";
        for (var k = 0; k < 3 && i + k < lines.Length; k++)
        {
            var line = lines[i + k].Trim();
            if (line.Length == 0 || IsQuoted(line) || joined.Length + line.Length > 300)
            {
                return 0;
            }

            joined = k == 0 ? line : joined + " " + line;
            var folded = Folded(joined);
            if (Wrote.Any(w => folded.EndsWith(w, StringComparison.Ordinal))
                || (folded.EndsWith(':') && (folded.StartsWith("am ", StringComparison.Ordinal) || folded.Contains(" schrieb am ")) && folded.Contains(" schrieb"))
                || (k == 0 && GmailAttribution().IsMatch(line)))
            {
                return k + 1;
            }
        }

        return 0;
    }

    private static bool IsSeparator(string folded)
    {
        var text = folded.Trim('-', '_', '=', '*', ' ');
        return folded.Length <= 100 && text.Length > 0 && Separators.Any(s => text.StartsWith(s, StringComparison.Ordinal));
    }

    /// <summary>"From: Ana" and, within five lines, "Sent: Monday …" (or De:/Da:/Von: with Envoyé:/Inviato:/Gesendet:/…).</summary>
    private static bool IsHeaderBlock(string[] lines, int i)
    {
        if (!IsHeader(Folded(lines[i]), From))
        {
            return false;
        }

        for (var k = i + 1; k < lines.Length && k <= i + 5; k++)
        {
            if (IsHeader(Folded(lines[k]), Sent))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsHeader(string folded, string[] names)
    {
        var text = folded.TrimStart('*', ' ');
        foreach (var name in names)
        {
            if (text.StartsWith(name, StringComparison.Ordinal))
            {
                var rest = text.AsSpan(name.Length).TrimStart(" *");
                if (rest.StartsWith(":"))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsRule(string folded, char c) => folded.Length >= 10 && folded.All(x => x == c);

    private static int PreviousRule(string[] lines, int i)
    {
        for (var k = i - 1; k >= 0 && k >= i - 2; k--)
        {
            var folded = Folded(lines[k]);
            if (IsRule(folded, '-') || IsRule(folded, '_') || IsRule(folded, '='))
            {
                return k;
            }
        }

        return i;
    }

    private static int? NextNonBlank(string[] lines, int i)
    {
        for (var k = i + 1; k < lines.Length && k <= i + 3; k++)
        {
            if (lines[k].Trim().Length > 0)
            {
                return k;
            }
        }

        return null;
    }

    internal static string Folded(string line) => TextFold.Fold(line.Replace('\u00a0', ' ').Replace('\u202f', ' ').Trim());

    private static string[] Fold(IEnumerable<string> words) => [.. words.Select(w => TextFold.Fold(w)).Distinct()];

    // Gmail in some locales: "2012/2/20 Ana Silva <ana@example.com>" on its own line before the quote.
    [GeneratedRegex(@"^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\b.*<[^<>@\s]+@[^<>\s]+>:?$", RegexOptions.CultureInvariant)]
    private static partial Regex GmailAttribution();
}
