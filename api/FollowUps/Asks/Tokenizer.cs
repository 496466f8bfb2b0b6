namespace OutlookFollowUp.FollowUps.Asks;

/// <summary>
/// Words are runs of letters and digits in folded text (see <see cref="TextFold"/>); apostrophes and hyphens split them,
/// so "don't" is "don t" and "pourriez-vous" is "pourriez vous", in the text and in the cue phrases alike.
/// </summary>
internal static class Tokenizer
{
    public static bool IsWordChar(char c) => char.IsLetterOrDigit(c);

    /// <summary>The folded words of a short string (cue phrases, names).</summary>
    public static string[] Words(string text)
    {
        var folded = TextFold.Fold(text);
        var words = new List<string>();
        var i = 0;
        while (i < folded.Length)
        {
            if (!IsWordChar(folded[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < folded.Length && IsWordChar(folded[i]))
            {
                i++;
            }

            words.Add(folded[start..i]);
        }

        return [.. words];
    }
}

/// <summary>The words of a folded text: where each starts, its length, and the sentence it belongs to.</summary>
internal sealed class TokenList
{
    private int[] _start;
    private int[] _length;
    private int[] _sentence;
    private int[] _id = [];

    public TokenList(string folded)
    {
        Folded = folded;
        var capacity = Math.Max(8, folded.Length / 4);
        _start = new int[capacity];
        _length = new int[capacity];
        _sentence = new int[capacity];
    }

    public string Folded { get; }

    public int Count { get; private set; }

    public ReadOnlySpan<char> this[int index] => Folded.AsSpan(_start[index], _length[index]);

    public int Start(int index) => _start[index];

    public int Sentence(int index) => _sentence[index];

    /// <summary>The word's number in the cue set's vocabulary, -1 when no cue uses it (set by <see cref="CueSet.Find"/>).</summary>
    public int Id(int index) => _id[index];

    public void SetIds(Func<ReadOnlySpan<char>, int> id)
    {
        _id = new int[Count];
        for (var i = 0; i < Count; i++)
        {
            _id[i] = id(this[i]);
        }
    }

    /// <summary>Adds the words of <c>Folded[start..end)</c> as sentence <paramref name="sentence"/>.</summary>
    public void AddRange(int start, int end, int sentence)
    {
        var i = start;
        while (i < end)
        {
            if (!Tokenizer.IsWordChar(Folded[i]))
            {
                i++;
                continue;
            }

            var first = i;
            while (i < end && Tokenizer.IsWordChar(Folded[i]))
            {
                i++;
            }

            Add(first, i - first, sentence);
        }
    }

    private void Add(int start, int length, int sentence)
    {
        if (Count == _start.Length)
        {
            Array.Resize(ref _start, Count * 2);
            Array.Resize(ref _length, Count * 2);
            Array.Resize(ref _sentence, Count * 2);
        }

        _start[Count] = start;
        _length[Count] = length;
        _sentence[Count] = sentence;
        Count++;
    }
}
