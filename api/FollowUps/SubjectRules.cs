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
