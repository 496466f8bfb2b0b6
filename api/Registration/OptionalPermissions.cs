namespace OutlookFollowUp.Registration;

/// <summary>
/// Delegated permissions the registration lists that the product works without: each turns one feature on, and a
/// refusal turns only that feature off (the API asks for each in its own token request).
/// </summary>
public static class OptionalPermissions
{
    public static readonly IReadOnlyDictionary<string, string> Delegated = new Dictionary<string, string>
    {
        ["People.Read"] = "phone numbers beside \"Chat in Teams\"",
        ["Chat.Read"] = "answers in Teams one-on-one chats close threads and reminders",
        ["Calendars.ReadBasic"] = "meetings with the people waited on answer threads and hold reminders",
    };

    /// <summary>What <c>register</c> prints after the consent URL.</summary>
    public static string Line =>
        "Optional (the product works without them; each turns on one feature): "
        + string.Join("; ", Delegated.Select(p => $"{p.Key} ({p.Value})")) + ".";
}
