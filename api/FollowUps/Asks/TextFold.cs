namespace OutlookFollowUp.FollowUps.Asks;

/// <summary>
/// Lower case without accents, one character for one (so offsets stay put): "Grüße" and "grusse" differ, but
/// "perché" and "perche", "escribió" and "escribio" match, as people type them either way.
/// </summary>
internal static class TextFold
{
    private const string From = "àáâãäåāăąçćčďèéêëēėęěìíîïīįñńňòóôõöøōőùúûüūůűųýÿžźżßłœæ’‘`´";
    private const string To = "aaaaaaaaacccdeeeeeeeeiiiiiinnnoooooooouuuuuuuuyyzzzslœæ''''";

    private static readonly char[] Map = BuildMap();

    public static char Fold(char c)
    {
        if (c < 128)
        {
            return c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
        }

        var lower = char.ToLowerInvariant(c);
        return lower < Map.Length ? Map[lower] : lower;
    }

    public static string Fold(string text) => Fold(text.AsSpan());

    public static string Fold(ReadOnlySpan<char> text)
    {
        Span<char> folded = text.Length <= 1024 ? stackalloc char[text.Length] : new char[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            folded[i] = Fold(text[i]);
        }

        return new string(folded);
    }

    private static char[] BuildMap()
    {
        var map = new char[0x2020];
        for (var c = 0; c < map.Length; c++)
        {
            map[c] = (char)c;
        }

        for (var i = 0; i < From.Length; i++)
        {
            map[From[i]] = To[i];
        }

        return map;
    }
}
