using OutlookFollowUp.FollowUps;
using OutlookFollowUp.Mail.Mime;

namespace OutlookFollowUp.Tests.Mail.Mime;

/// <summary>Writes one message to a temporary .eml file and reads it back through the real source.</summary>
internal static class OneMessage
{
    public static MailRecord Read(Eml message)
    {
        using var temp = new TempMail();
        var result = MimeMailSource.Read(temp.Write("message.eml", message.ToString()), CancellationToken.None);
        Assert.Equal(0, result.Unreadable);
        return Assert.Single(result.Messages);
    }
}
