namespace OutlookFollowUp.FollowUps;

/// <summary>The subject tests: rule 5 (announcements and FYIs expect no reply) and rule 3a (a reply prefix).</summary>
public static class SubjectRules
{
    private static readonly string[] ReplyPrefixes = ["re:", "aw:", "fw:", "fwd:", "wg:"];

    private static readonly string[] NoReplyExpected = ["[announce]", "[ann]", "ann:", "[result]", "fyi"];

    /// <summary>The subject after any run of leading re:, aw:, fw:, fwd:, wg: prefixes (and the spaces around them).</summary>
    public static ReadOnlySpan<char> StripReplyPrefixes(string subject)
    {
        var rest = subject.AsSpan().TrimStart();
        var stripped = true;
        while (stripped)
        {
            stripped = false;
            foreach (var prefix in ReplyPrefixes)
            {
                if (rest.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                {
                    rest = rest[prefix.Length..].TrimStart();
                    stripped = true;
                    break;
                }
            }
        }

        return rest;
    }

    /// <summary>The subject starts (after leading spaces) with re:, aw:, fw:, fwd: or wg:, case-insensitive.</summary>
    public static bool HasReplyPrefix(string subject)
    {
        var text = subject.AsSpan().TrimStart();
        foreach (var prefix in ReplyPrefixes)
        {
            if (text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    // Rule 9 only: replies and forwards in the five languages' mail clients (Italian Outlook "R:", "I:"; Spanish "RV:"; French "TR:").
    private static readonly string[] ReplyOrForwardPrefixes = ["re:", "aw:", "fw:", "fwd:", "wg:", "r:", "rif:", "i:", "rv:", "tr:", "antw:", "res:", "réf:"];

    /// <summary>
    /// Rule 9: the subject, after any list tags ("[dev]"), starts with a reply or forward prefix in one of the five
    /// languages: it repeats the thread's first subject and says nothing about what this message asks.
    /// </summary>
    public static bool HasReplyOrForwardPrefix(string subject)
    {
        var text = subject.AsSpan().TrimStart();
        while (text.StartsWith("[") && text.IndexOf(']') is > 0 and var close)
        {
            text = text[(close + 1)..].TrimStart();
        }

        foreach (var prefix in ReplyOrForwardPrefixes)
        {
            if (text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    public static bool ExpectsNoReply(string subject)
    {
        var rest = StripReplyPrefixes(subject);
        foreach (var marker in NoReplyExpected)
        {
            if (rest.StartsWith(marker, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
