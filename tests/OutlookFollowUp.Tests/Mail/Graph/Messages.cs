using OutlookFollowUp.GraphSimulator;

namespace OutlookFollowUp.Tests.Mail.Graph;

/// <summary>Builders for seeded messages.</summary>
public static class Messages
{
    public static InMemoryMessage Message(string id, DateTimeOffset received, string from = "Ana@Fabrikam.com") => new()
    {
        Id = id,
        InternetMessageId = $"<{id}@fabrikam.com>",
        ConversationId = $"conv-{id}",
        Subject = $"Subject {id}",
        From = new InMemoryAddress(from, "Ana"),
        To = [new InMemoryAddress(GraphRig.Me, "Me")],
        ReceivedDateTime = received,
        SentDateTime = received.AddSeconds(-30),
        ExtendedProperties = new Dictionary<string, string> { ["String 0x001A"] = "IPM.Note" },
    };
}
