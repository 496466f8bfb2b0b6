using System.Net;
using System.Text;

namespace OutlookFollowUp.FollowUps.Asks;

/// <summary>
/// HTML to plain text for the classifier: tags dropped, entities decoded, block elements as line breaks; scripts,
/// styles and quoted history (blockquotes, Gmail's and Thunderbird's quote blocks) left out, and nothing after
/// Outlook's reply header (<c>divRplyFwdMsg</c>). Simple and forgiving: broken markup never throws.
/// </summary>
internal static class HtmlText
{
    private static readonly HashSet<string> Skipped = new(StringComparer.Ordinal) { "script", "style", "head", "title", "template" };

    private static readonly HashSet<string> Blocks = new(StringComparer.Ordinal)
    {
        "br", "p", "div", "tr", "li", "ul", "ol", "table", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "pre", "blockquote", "section", "article",
    };

    // Where the quoted history starts (Outlook) and blocks that hold it (Gmail, Thunderbird, Yahoo, Apple Mail).
    private static readonly string[] HistoryStarts = ["divrplyfwdmsg", "stopspelling"];
    private static readonly string[] HistoryBlocks = ["gmail_quote", "moz-cite-prefix", "yahoo_quoted", "protonmail_quote"];

    public static string ToText(string html)
    {
        var text = new StringBuilder(html.Length / 2);
        var quoteDepth = 0; // blockquotes and quote blocks open around the current position
        var quoteDivs = new Stack<int>(); // div depth at which each quote block opened
        var divDepth = 0;
        var pre = 0;
        var openedAt = -1; // the text's length when the latest block opened
        var i = 0;
        while (i < html.Length)
        {
            var c = html[i];
            if (c != '<')
            {
                var end = html.IndexOf('<', i);
                end = end < 0 ? html.Length : end;
                if (quoteDepth == 0)
                {
                    AppendText(text, html.AsSpan(i, end - i), pre > 0);
                }

                i = end;
                continue;
            }

            if (string.CompareOrdinal(html, i, "<!--", 0, 4) == 0)
            {
                var close = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
                i = close < 0 ? html.Length : close + 3;
                continue;
            }

            var tagEnd = html.IndexOf('>', i + 1);
            if (tagEnd < 0)
            {
                break;
            }

            var tag = html.AsSpan(i + 1, tagEnd - i - 1);
            i = tagEnd + 1;
            var closing = tag.Length > 0 && tag[0] == '/';
            var name = TagName(closing ? tag[1..] : tag);
            if (!closing && Skipped.Contains(name))
            {
                var close = html.IndexOf("</" + name, i, StringComparison.OrdinalIgnoreCase);
                i = close < 0 ? html.Length : Math.Max(i, html.IndexOf('>', close) + 1);
                continue;
            }

            var attributes = closing ? "" : tag.ToString().ToLowerInvariant();
            if (!closing && HistoryStarts.Any(attributes.Contains))
            {
                break;
            }

            if (name == "blockquote")
            {
                quoteDepth = Math.Max(0, quoteDepth + (closing ? -1 : 1));
            }
            else if (name == "div")
            {
                if (closing)
                {
                    if (quoteDivs.Count > 0 && quoteDivs.Peek() == divDepth)
                    {
                        quoteDivs.Pop();
                        quoteDepth = Math.Max(0, quoteDepth - 1);
                    }

                    divDepth = Math.Max(0, divDepth - 1);
                }
                else if (!tag.EndsWith("/"))
                {
                    divDepth++;
                    if (HistoryBlocks.Any(attributes.Contains))
                    {
                        quoteDivs.Push(divDepth);
                        quoteDepth++;
                    }
                }
            }
            else if (name == "pre")
            {
                pre = Math.Max(0, pre + (closing ? -1 : 1));
            }

            if (quoteDepth == 0 && Blocks.Contains(name))
            {
                // A block boundary is one line break; an empty block (Outlook's <p>&nbsp;</p>) or a <br> is the blank line a person sees.
                var empty = closing && text.Length == openedAt;
                if (name == "br" || empty || text.Length == 0 || text[^1] != '\n')
                {
                    text.Append('\n');
                }

                openedAt = closing ? -1 : text.Length;

                if (name == "li" && !closing)
                {
                    text.Append("- ");
                }
            }
            else if (quoteDepth == 0 && name is "td" or "th")
            {
                text.Append(' ');
            }
        }

        return Tidy(text.ToString());
    }

    private static string TagName(ReadOnlySpan<char> tag)
    {
        var length = 0;
        while (length < tag.Length && (char.IsAsciiLetterOrDigit(tag[length]) || tag[length] == ':'))
        {
            length++;
        }

        return tag[..length].ToString().ToLowerInvariant();
    }

    /// <summary>HTML whitespace (line breaks included) is one space, except inside &lt;pre&gt;; entities decoded.</summary>
    private static void AppendText(StringBuilder text, ReadOnlySpan<char> raw, bool preformatted)
    {
        var decoded = raw.Contains('&') ? WebUtility.HtmlDecode(raw.ToString()) : raw.ToString();
        foreach (var c in decoded)
        {
            var ch = c == '\u00a0' ? ' ' : c;
            if (!preformatted && char.IsWhiteSpace(ch))
            {
                if (text.Length > 0 && text[^1] is not (' ' or '\n'))
                {
                    text.Append(' ');
                }
            }
            else if (ch != '\r')
            {
                text.Append(ch);
            }
        }
    }

    /// <summary>Lines trimmed, runs of blank lines at most one.</summary>
    private static string Tidy(string text)
    {
        var result = new StringBuilder(text.Length);
        var blank = 0;
        foreach (var line in text.Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.Length == 0)
            {
                blank++;
                continue;
            }

            if (result.Length > 0)
            {
                result.Append(blank > 0 ? "\n\n" : "\n");
            }

            result.Append(trimmed);
            blank = 0;
        }

        return result.ToString();
    }
}
