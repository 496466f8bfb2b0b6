namespace OutlookFollowUp.FollowUps.Asks;

/// <summary>
/// Sentences of mail text: ended by '.', '!', '?' or ';' before a space, and by a line break when the line ends with
/// punctuation or is short (mail wraps long lines, so a line break inside a long line is not an end). A blank line
/// ends a paragraph. A '?' with a space before it counts only before a capital or the end ("pourquoi pas ?" yes,
/// "a ? b : c" no).
/// </summary>
internal static class SentenceSplitter
{
    private const int ShortLine = 40;

    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "vs", "mr", "mrs", "ms", "dr", "cf", "approx", "ca", "ecc", "nr", "no", "sig", "sr", "sra", "st", "jr", "ex", "resp", "bzw", "ggf", "usw", "evtl",
    };

    public static List<Sentence> Split(char[] text, int subjectLength)
    {
        var sentences = new List<Sentence>();
        var paragraph = 0;
        var paragraphHasText = false;
        var open = -1; // start of the sentence being read
        var previousLineEnd = -1;
        var previous = (Start: 0, Length: 0); // the previous non-blank line, trimmed
        var lineStart = 0;
        while (lineStart <= text.Length)
        {
            var lineEnd = Array.IndexOf(text, '\n', lineStart);
            lineEnd = lineEnd < 0 ? text.Length : lineEnd;
            var line = text.AsSpan(lineStart, lineEnd - lineStart);
            var trimmed = line.Trim();
            if (trimmed.Length == 0)
            {
                Close(previousLineEnd, false);
                if (paragraphHasText)
                {
                    paragraph++;
                    paragraphHasText = false;
                }
            }
            else
            {
                if (open >= 0 && BreaksBefore(text.AsSpan(previous.Start, previous.Length), trimmed))
                {
                    Close(previousLineEnd, false);
                }

                ReadLine(lineStart, lineEnd);
                previous = (lineStart + (line.Length - line.TrimStart().Length), trimmed.Length);
                previousLineEnd = lineEnd;
                paragraphHasText = true;
            }

            lineStart = lineEnd + 1;
        }

        Close(text.Length, false);
        return sentences;

        void ReadLine(int start, int end)
        {
            for (var i = start; i < end; i++)
            {
                var c = text[i];
                if (open < 0)
                {
                    if (char.IsWhiteSpace(c))
                    {
                        continue;
                    }

                    open = i;
                }

                if (c is '.' or '!' or '?' or ';' && EndsSentence(text, i, end))
                {
                    var after = i + 1;
                    while (after < end && text[after] is ')' or ']' or '"' or '\'' or '»' or '”' or '*' or '_' or '?' or '!')
                    {
                        after++;
                    }

                    Close(after, text.AsSpan(i, after - i).Contains('?'));
                    i = after - 1;
                }
            }
        }

        void Close(int end, bool question)
        {
            if (open < 0 || end <= open)
            {
                open = -1;
                return;
            }

            var hasWord = false;
            var spanish = false;
            for (var i = open; i < end; i++)
            {
                hasWord |= Tokenizer.IsWordChar(text[i]);
                spanish |= text[i] == '¿';
            }

            if (hasWord)
            {
                sentences.Add(new Sentence
                {
                    Index = sentences.Count, Paragraph = paragraph, Start = open, End = end, IsQuestion = question || spanish,
                    IsSubject = open < subjectLength,
                });
            }

            open = -1;
        }
    }

    private static bool EndsSentence(char[] text, int i, int lineEnd)
    {
        var next = i + 1;
        while (next < lineEnd && text[next] is ')' or ']' or '"' or '\'' or '»' or '”' or '*' or '_' or '?' or '!' or '.')
        {
            next++;
        }

        if (next < lineEnd && !char.IsWhiteSpace(text[next]))
        {
            return false;
        }

        if (text[i] == '?' && i > 0 && text[i - 1] == ' ')
        {
            var after = next;
            while (after < lineEnd && text[after] == ' ')
            {
                after++;
            }

            return after >= lineEnd || char.IsUpper(text[after]) || text[after] is '¿' or '¡' or '"';
        }

        return text[i] != '.' || !IsAbbreviation(text, i);
    }

    /// <summary>"e.g.", "z.B.", "Mr." and the like do not end a sentence.</summary>
    private static bool IsAbbreviation(char[] text, int dot)
    {
        var start = dot;
        while (start > 0 && char.IsLetter(text[start - 1]))
        {
            start--;
        }

        var word = new string(text, start, dot - start);
        return word.Length == 1 || Abbreviations.Contains(word);
    }

    /// <summary>A line break ends the sentence after punctuation, before a list item, or after a short line followed by a capital.</summary>
    private static bool BreaksBefore(ReadOnlySpan<char> previous, ReadOnlySpan<char> line) =>
        previous[^1] is ':' or ',' && previous.Length < ShortLine
        || previous[^1] is '.' or '!' or '?' or ':' or ';'
        || IsListItem(line)
        || (previous.Length < ShortLine && (char.IsUpper(line[0]) || line[0] is '¿' or '¡'));

    private static bool IsListItem(ReadOnlySpan<char> line) =>
        line.Length > 1 && (line[0] is '-' or '*' or '•' or '+' && line[1] == ' '
            || char.IsAsciiDigit(line[0]) && line.Length > 2 && line[1] is '.' or ')' && line[2] == ' ');
}
