namespace OutlookFollowUp.FollowUps;

/// <summary>The group-thread fields of a row: how many were asked, who answered, who has not.</summary>
public static class GroupReplies
{
    /// <summary>The counterparts who have not answered, in the order of <see cref="FollowUp.Counterparts"/>.</summary>
    public static IReadOnlyList<string> WaitingOn(FollowUp thread) =>
        [.. thread.Counterparts.Where(a => !thread.Replied.Any(r => string.Equals(r.Address, a, StringComparison.OrdinalIgnoreCase))
            && !thread.Answered.Any(r => string.Equals(r.For.Address, a, StringComparison.OrdinalIgnoreCase)))];

    /// <summary>A group thread: waiting on them with two counterparts or more.</summary>
    public static bool IsGroup(FollowUp thread) => thread.Direction == FollowUpDirection.Theirs && thread.Counterparts.Count > 1;
}
