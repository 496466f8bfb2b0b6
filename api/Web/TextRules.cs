using FluentValidation;

namespace OutlookFollowUp.Web;

/// <summary>
/// No stored string carries control characters (NUL, ESC, DEL, C1) or bidirectional overrides and isolates
/// (U+202A–U+202E, U+2066–U+2069), which make an address or id display as something it is not. Ids are stricter:
/// no invisible formatting character at all (zero-width spaces and joiners, bidirectional marks, U+FEFF), since one
/// makes an id look like another.
/// </summary>
public static class TextRules
{
    public const string Message = "Must not contain control characters or bidirectional overrides.";
    public const string IdMessage = "Must not contain control characters, zero-width characters or bidirectional marks.";
    public const string PlainTextMessage = "Must not contain control characters other than line breaks and tabs, nor bidirectional overrides.";

    /// <summary>True when <paramref name="text"/> holds no forbidden character (line breaks and tabs allowed if asked).</summary>
    public static bool IsClean(string? text, bool allowLineBreaks = false) =>
        text is null || !text.Any(c => IsForbidden(c, allowLineBreaks));

    /// <summary>True when <paramref name="id"/> holds no control character, no formatting character (Unicode Cf) and no lone surrogate.</summary>
    public static bool IsCleanId(string? id)
    {
        for (var rest = id.AsSpan(); !rest.IsEmpty;)
        {
            if (System.Text.Rune.DecodeFromUtf16(rest, out var rune, out var used) != System.Buffers.OperationStatus.Done
                || System.Text.Rune.GetUnicodeCategory(rune) is System.Globalization.UnicodeCategory.Control or System.Globalization.UnicodeCategory.Format)
            {
                return false;
            }

            rest = rest[used..];
        }

        return true;
    }

    public static IRuleBuilderOptions<T, string?> CleanId<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(IsCleanId).WithMessage(IdMessage);

    public static IRuleBuilderOptions<T, TText> NoControlCharacters<T, TText>(this IRuleBuilder<T, TText> rule)
        where TText : IEnumerable<char>? =>
        rule.Must(text => IsClean(text as string)).WithMessage(Message);

    /// <summary>For text people write (a draft's comment): line breaks and tabs are fine, other controls are not.</summary>
    public static IRuleBuilderOptions<T, TText> PlainText<T, TText>(this IRuleBuilder<T, TText> rule)
        where TText : IEnumerable<char>? =>
        rule.Must(text => IsClean(text as string, allowLineBreaks: true)).WithMessage(PlainTextMessage);

    private static bool IsForbidden(char c, bool allowLineBreaks) =>
        c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069'
        || (char.IsControl(c) && !(allowLineBreaks && c is '\n' or '\r' or '\t'));
}
