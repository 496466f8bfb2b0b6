using OutlookFollowUp.FollowUps.Asks;

namespace OutlookFollowUp.Tests.FollowUps.Asks;

/// <summary>Runs a whole body as a person wrote it ("\n" for line breaks) through the new text and the classifier.</summary>
internal static class Classify
{
    public static AskKind Body(string body, AskFacts? facts = null) =>
        AskClassifier.ClassifyBody(body.Replace("\\n", "\n", StringComparison.Ordinal), isHtml: false, facts ?? AskFacts.None).Kind;
}
