using System.Text.RegularExpressions;

namespace OutlookFollowUp.FollowUps.Asks;

/// <summary>
/// Blanks out what is not the writer's own prose before sentences are read: links, addresses, quoted titles, inline
/// code and lines of code or logs. A '?' in any of them asks nothing. Offsets are kept (masked characters become spaces).
/// </summary>
internal static partial class TextMasks
{
    public static char[] Apply(string text)
    {
        var chars = text.ToCharArray();
        Blank(chars, Links().EnumerateMatches(text));
        BlankAddressesAndPaths(chars);
        Blank(chars, Quoted().EnumerateMatches(text));
        Blank(chars, Code().EnumerateMatches(text));
        Blank(chars, Aside().EnumerateMatches(text));
        Blank(chars, IssueTitle().EnumerateMatches(text));
        BlankCodeLines(chars);
        return chars;
    }

    private static void Blank(char[] chars, Regex.ValueMatchEnumerator matches)
    {
        foreach (var match in matches)
        {
            Array.Fill(chars, ' ', match.Index, match.Length);
        }
    }

    /// <summary>
    /// "ana@example.com" and "/var/lib/data?x", "C:\\temp": the run of non-space characters around an '@' with a dot
    /// after it, or starting with a path of two segments or more. Found by hand: a regex would try every position.
    /// </summary>
    private static void BlankAddressesAndPaths(char[] chars)
    {
        for (var i = 0; i < chars.Length; i++)
        {
            var c = chars[i];
            var address = c == '@' && i > 0 && (IsPathChar(chars[i - 1]) || chars[i - 1] == '.') && chars.AsSpan(i + 1, Run(chars, i + 1) - i - 1).Contains('.');
            var path = c == '/' && (i == 0 || char.IsWhiteSpace(chars[i - 1]) || chars[i - 1] is '(' or '"' or '\'')
                && chars.AsSpan(i + 1, Run(chars, i + 1) - i - 1).Contains('/');
            var drive = c == ':' && i > 0 && i + 1 < chars.Length && chars[i + 1] == '\\' && char.IsAsciiLetter(chars[i - 1]);
            if (address || path || drive)
            {
                var start = i;
                while (start > 0 && (IsPathChar(chars[start - 1]) || chars[start - 1] == '.'))
                {
                    start--;
                }

                var end = Run(chars, i + 1);
                Array.Fill(chars, ' ', start, end - start);
                i = end;
            }
        }
    }

    /// <summary>Where the run of address or path characters starting at <paramref name="i"/> ends; a '?' or '.' that ends a sentence stays.</summary>
    private static int Run(char[] chars, int i)
    {
        while (i < chars.Length && (chars[i] is '?' or '.' ? i + 1 < chars.Length && IsPathChar(chars[i + 1]) && chars[i + 1] != '.'
            : IsPathChar(chars[i]) || chars[i] is '/' or '\\' or '=' or '&' or '@' or '#'))
        {
            i++;
        }

        return i;
    }

    private static bool IsPathChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '-' or '+' or '%' or '~' or '$';

    private static void BlankCodeLines(char[] chars)
    {
        var start = 0;
        while (start < chars.Length)
        {
            var end = Array.IndexOf(chars, '\n', start);
            end = end < 0 ? chars.Length : end;
            if (IsCode(chars.AsSpan(start, end - start)))
            {
                Array.Fill(chars, ' ', start, end - start);
            }

            start = end + 1;
        }
    }

    /// <summary>Source code, shell commands, stack traces, log lines: what a person pastes rather than writes.</summary>
    private static bool IsCode(ReadOnlySpan<char> line)
    {
        var trimmed = line.Trim();
        if (trimmed.Length == 0)
        {
            return false;
        }

        var indented = line.Length > 0 && (line[0] == '\t' || line.StartsWith("    "));
        var symbols = 0;
        var words = 0; // runs of two letters or more: prose has many per symbol, code few
        for (var i = 0; i < trimmed.Length; i++)
        {
            var c = trimmed[i];
            if (c is '{' or '}' or ';' or '=' or '<' or '>' or '[' or ']' or '$' or '\\' or '|')
            {
                symbols++;
            }
            else if (char.IsLetter(c) && i + 1 < trimmed.Length && char.IsLetter(trimmed[i + 1]) && (i == 0 || !char.IsLetter(trimmed[i - 1])))
            {
                words++;
            }
        }

        return trimmed[^1] is ';' or '{' or '}'
            || (symbols >= 3 && symbols * 3 >= words)
            || trimmed.Contains("()", StringComparison.Ordinal) || trimmed.Contains(");", StringComparison.Ordinal)
            || (indented && symbols >= 1)
            || trimmed.StartsWith("at ") && trimmed.Contains('(') && trimmed.Contains('.')
            || trimmed.StartsWith("$ ") || trimmed.StartsWith("# ") || trimmed.StartsWith(">>>")
            || trimmed.StartsWith("Caused by:") || trimmed.StartsWith("Exception in thread")
            || LogLine().IsMatch(trimmed);
    }

    [GeneratedRegex(@"(?:\b(?:https?|ftp|file)://|\bwww\.)[^\s<>""]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Links();


    // A title or a phrase someone else wrote, in quotes, on one line: "How do I …?" is not the writer's question.
    [GeneratedRegex(@"""[^""\n]{1,150}""|“[^”\n]{1,150}”|«[^»\n]{1,150}»|„[^“”\n]{1,150}[“”]", RegexOptions.CultureInvariant)]
    private static partial Regex Quoted();

    [GeneratedRegex(@"`[^`\n]{1,200}`", RegexOptions.CultureInvariant)]
    private static partial Regex Code();

    // "(leftover?)": a doubt in passing, not a question to anyone.
    [GeneratedRegex(@"\([^()\n]{0,60}\?\)", RegexOptions.CultureInvariant)]
    private static partial Regex Aside();


    // An issue tracker's title ("[JCR-3102] getFrozenNode confused about root version?") in a list of changes.
    [GeneratedRegex(@"^(?:[ \t]*[-*]?[ \t]*\[[A-Z][A-Z0-9]+-\d+\]|(?:[ \t]+|[ \t]*[-*][ \t]+)[A-Z][A-Z0-9]+-\d+\b).*$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex IssueTitle();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}", RegexOptions.CultureInvariant)]
    private static partial Regex LogLine();
}
