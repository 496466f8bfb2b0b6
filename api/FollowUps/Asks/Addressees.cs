namespace OutlookFollowUp.FollowUps.Asks;

/// <summary>The names of the user and of the other recipients, folded word by word, for "Bob, can you …".</summary>
internal sealed class Addressees
{
    private readonly HashSet<string> _mine;
    private readonly HashSet<string> _others;

    public Addressees(AskFacts facts)
    {
        _mine = Names(facts.MyNames);
        _others = Names(facts.OtherRecipientNames);
    }

    /// <summary>
    /// True when the names are someone else's: one of them is another recipient's and none is the user's. Names
    /// nobody in the mail carries ("Also," or a stranger) say nothing either way.
    /// </summary>
    public bool AreOthers(IReadOnlyList<string>? names)
    {
        if (names is not { Count: > 0 })
        {
            return false;
        }

        var other = false;
        foreach (var name in names)
        {
            if (_mine.Contains(name))
            {
                return false;
            }

            other |= _others.Contains(name);
        }

        return other;
    }

    private static HashSet<string> Names(IReadOnlyList<string> names) =>
        new(names.SelectMany(Tokenizer.Words).Where(w => w.Length >= 2 && !w.All(char.IsAsciiDigit)), StringComparer.Ordinal);
}
