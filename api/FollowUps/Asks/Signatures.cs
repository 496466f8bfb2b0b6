using System.Text.RegularExpressions;

namespace OutlookFollowUp.FollowUps.Asks;

/// <summary>
/// The end of a message that is not its message: legal disclaimers, the name, title and phone block after a closer
/// ("Thanks,\nJohn"), and trailing contact lines. The closer itself stays: "Thanks!" alone is what the message says.
/// </summary>
internal static partial class Signatures
{
    private const int MaxSignatureLines = 8;

    private static readonly HashSet<string> Closers =
        new(LanguageCues.All.SelectMany(l => l.Closers).Select(c => string.Join(' ', Tokenizer.Words(c))), StringComparer.Ordinal);

    private static readonly string[] DisclaimerWords = [.. LanguageCues.All.SelectMany(l => l.Disclaimers).Select(TextFold.Fold)];

    public static void Remove(List<string> lines)
    {
        RemoveDisclaimers(lines);
        RemoveAfterCloser(lines);
        while (lines.Count > 0 && (lines[^1].Trim().Length == 0 || IsContact(lines[^1])))
        {
            lines.RemoveAt(lines.Count - 1);
        }
    }

    /// <summary>A paragraph with two disclaimer words ("confidential", "intended recipient", "destinataire", …) goes.</summary>
    private static void RemoveDisclaimers(List<string> lines)
    {
        var start = 0;
        while (start < lines.Count)
        {
            while (start < lines.Count && lines[start].Trim().Length == 0)
            {
                start++;
            }

            var end = start;
            while (end < lines.Count && lines[end].Trim().Length > 0)
            {
                end++;
            }

            var paragraph = TextFold.Fold(string.Join(' ', lines.GetRange(start, end - start)));
            if (DisclaimerWords.Count(w => paragraph.Contains(w, StringComparison.Ordinal)) >= 2)
            {
                lines.RemoveRange(start, end - start);
                end = start;
            }

            start = end;
        }
    }

    /// <summary>From the bottom, the last closer line whose following lines look like a signature: those lines go.</summary>
    private static void RemoveAfterCloser(List<string> lines)
    {
        for (var i = lines.Count - 1; i >= 0 && i >= lines.Count - MaxSignatureLines - 1; i--)
        {
            if (IsCloser(lines[i]) && IsSignatureBlock(lines, i + 1))
            {
                lines.RemoveRange(i + 1, lines.Count - i - 1);
                return;
            }
        }
    }

    /// <summary>"Thanks,", "Best regards", "Cordiali saluti", also "Regards, Toby" and "Cheers, -Tim" on one line.</summary>
    internal static bool IsCloser(string line)
    {
        var words = Tokenizer.Words(line);
        if (words.Length is 0 or > 6)
        {
            return false;
        }

        for (var take = words.Length; take >= 1; take--)
        {
            if (Closers.Contains(string.Join(' ', words, 0, take)))
            {
                // A name may follow the closer on the same line after a comma or a dash ("Regards, Toby"), not a sentence.
                return take == words.Length || (words.Length - take <= 3 && (line.Contains(',') || line.Contains('-')));
            }
        }

        return false;
    }

    private static bool IsSignatureBlock(List<string> lines, int from)
    {
        var count = 0;
        for (var i = from; i < lines.Count; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
            if (++count > MaxSignatureLines || line.Length > 72 || line.Contains('?') || words > 9
                || (words >= 4 && line[^1] is '.' or '!') || line.StartsWith("PS", StringComparison.OrdinalIgnoreCase)
                || line.StartsWith("P.S", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Phone, e-mail, web and address lines of a signature.</summary>
    private static bool IsContact(string line)
    {
        var trimmed = line.Trim();
        return trimmed.Length <= 80 && (Phone().IsMatch(trimmed) || ContactLine().IsMatch(trimmed));
    }

    [GeneratedRegex(@"^(?:[A-Za-z.]{1,12}\.?:?\s*)?\+?[\d()][\d ()./-]{6,}\d$", RegexOptions.CultureInvariant)]
    private static partial Regex Phone();

    [GeneratedRegex(@"^(?:(?:tel|phone|mobile|mob|cell|fax|cellulare|telefono|handy|mobil|tél|téléphone|teléfono|móvil|e-?mail|skype|linkedin)\b|www\.|https?://)|^\S+@\S+\.\w+$|^[^?]{1,60}\|[^?]{1,60}$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ContactLine();
}
