using System.Text.RegularExpressions;

namespace OutlookFollowUp.FollowUps.Asks;

/// <summary>A message's lines, each folded once when first needed.</summary>
internal sealed class MailLines(string[] lines)
{
    private readonly string?[] _folded = new string?[lines.Length];

    public int Count => lines.Length;

    public string this[int index] => lines[index];

    public string Folded(int index) => _folded[index] ??= QuotedHistory.Folded(lines[index]);
}

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

    /// <summary>The index of the first line of quoted history that runs to the end, or the number of lines.</summary>
    public static int Start(MailLines lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            if (IsQuoted(lines[i]) || lines[i].Length == 0)
            {
                continue;
            }

            var folded = lines.Folded(i);
            if (folded == "--" || IsSeparator(folded) || IsHeaderBlock(lines, i))
            {
                return i;
            }

            if (ListFooters.Any(f => folded.StartsWith(f, StringComparison.Ordinal)))
            {
                return PreviousRule(lines, i);
            }

            if (IsRule(folded, '_') && NextNonBlank(lines, i) is { } next && (IsHeaderBlock(lines, next) || lines.Folded(next).Contains("mailing list")))
            {
                return i;
            }

            // An attribution followed by unquoted text: the quoted message follows without '>' (Apple Mail, most HTML).
            if (AttributionLength(lines, i) is > 0 and var length && !(NextNonBlank(lines, i + length - 1) is { } after && IsQuoted(lines[after])))
            {
                return i;
            }
        }

        return lines.Count;
    }

    /// <summary>How many lines (1–3) the attribution starting at <paramref name="i"/> takes, or 0 when there is none.</summary>
    public static int AttributionLength(MailLines lines, int i)
    {
        var length = 0;
        for (var k = 0; k < 3 && i + k < lines.Count; k++)
        {
            var line = lines.Folded(i + k);
            length += line.Length + 1;
            if (line.Length == 0 || IsQuoted(line) || length > 300)
            {
                return 0;
            }

            // Every form ends with ':' ("wrote:") or, in Gmail's dated form, with '>': nothing else is worth joining.
            if (line[^1] is not (':' or '>'))
            {
                continue;
            }

            var folded = string.Join(' ', Enumerable.Range(i, k + 1).Select(lines.Folded));
            if (Wrote.Any(w => folded.EndsWith(w, StringComparison.Ordinal))
                || (folded.EndsWith(':') && (folded.StartsWith("am ", StringComparison.Ordinal) || folded.Contains(" schrieb am ")) && folded.Contains(" schrieb"))
                || (k == 0 && GmailAttribution().IsMatch(lines[i].Trim())))
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
    private static bool IsHeaderBlock(MailLines lines, int i)
    {
        if (!IsHeader(lines.Folded(i), From))
        {
            return false;
        }

        for (var k = i + 1; k < lines.Count && k <= i + 5; k++)
        {
            if (IsHeader(lines.Folded(k), Sent))
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

    private static int PreviousRule(MailLines lines, int i)
    {
        for (var k = i - 1; k >= 0 && k >= i - 2; k--)
        {
            var folded = lines.Folded(k);
            if (IsRule(folded, '-') || IsRule(folded, '_') || IsRule(folded, '='))
            {
                return k;
            }
        }

        return i;
    }

    private static int? NextNonBlank(MailLines lines, int i)
    {
        for (var k = i + 1; k < lines.Count && k <= i + 3; k++)
        {
            if (lines.Folded(k).Length > 0)
            {
                return k;
            }
        }

        return null;
    }

    /// <summary>Trimmed and folded, with no-break spaces as spaces (French puts one before ':').</summary>
    internal static string Folded(string line) => TextFold.Fold(line.Trim()).Replace('\u00a0', ' ').Replace('\u202f', ' ');

    private static string[] Fold(IEnumerable<string> words) => [.. words.Select(w => TextFold.Fold(w)).Distinct()];

    // Gmail in some locales: "2012/2/20 Ana Silva <ana@example.com>" on its own line before the quote.
    [GeneratedRegex(@"^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\b.*<[^<>@\s]+@[^<>\s]+>:?$", RegexOptions.CultureInvariant)]
    private static partial Regex GmailAttribution();
}
