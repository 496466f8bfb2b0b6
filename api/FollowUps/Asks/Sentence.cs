namespace OutlookFollowUp.FollowUps.Asks;

/// <summary>One sentence of the new text: where it is, its words, and who it names first ("Bob, can you …").</summary>
internal sealed class Sentence
{
    public required int Index { get; init; }

    public required int Paragraph { get; init; }

    /// <summary>Character range in the masked text.</summary>
    public required int Start { get; init; }

    public required int End { get; init; }

    public bool IsQuestion { get; init; }

    /// <summary>Its words in the message's token list: [TokenStart, TokenEnd).</summary>
    public int TokenStart { get; set; }

    public int TokenEnd { get; set; }

    /// <summary>The first word after a greeting, a name and its comma, and fillers ("please", "also"): where "^" phrases start.</summary>
    public int ContentToken { get; set; }

    public int Words => TokenEnd - TokenStart;

    /// <summary>The names it opens with ("Hi Bob," / "Bob, can you …"), folded; null when none; empty for "Hi all".</summary>
    public IReadOnlyList<string>? Vocative { get; set; }

    /// <summary>True for the subject line, read as a sentence of its own before the body.</summary>
    public bool IsSubject { get; init; }
}
