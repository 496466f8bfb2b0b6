using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace OutlookFollowUp.Manifest;

/// <summary>Where one deployment lives: the https origin that serves the add-in and its Entra app registration.</summary>
internal sealed record Deployment(Uri Origin, Guid ClientId, Guid AddInId)
{
    public string OriginText => Origin.GetLeftPart(UriPartial.Authority);

    public string Authority => Origin.Authority;

    public string ClientIdText => ClientId.ToString("D");

    /// <summary>Office SSO expects the app ID URI <c>api://host[:port]/client-id</c>.</summary>
    public string AppIdUri => $"api://{Authority}/{ClientIdText}";
}

/// <summary>
/// Rewrites placeholder values in the parsed manifests, value by value (never on the serialized text),
/// so the writers escape whatever a deployment passes in.
/// </summary>
internal static class ManifestStamper
{
    private const string PlaceholderAppIdUri = $"api://{ManifestTemplates.PlaceholderAuthority}/{ManifestTemplates.PlaceholderClientId}";

    public static XDocument Stamp(XDocument template, Deployment deployment)
    {
        var doc = new XDocument(template);
        foreach (var element in doc.Descendants())
        {
            foreach (var attribute in element.Attributes())
            {
                attribute.Value = StampValue(attribute.Value, deployment);
            }

            if (!element.HasElements && !element.IsEmpty)
            {
                element.Value = StampValue(element.Value, deployment);
            }
        }

        return doc;
    }

    public static JsonObject Stamp(JsonObject template, Deployment deployment)
    {
        var copy = template.DeepClone().AsObject();
        StampNode(copy, deployment);
        return copy;
    }

    public static string StampValue(string value, Deployment deployment) => value switch
    {
        ManifestTemplates.PlaceholderOrigin => deployment.OriginText,
        _ when value.StartsWith(ManifestTemplates.PlaceholderOrigin + "/", StringComparison.Ordinal) =>
            deployment.OriginText + value[ManifestTemplates.PlaceholderOrigin.Length..],
        PlaceholderAppIdUri => deployment.AppIdUri,
        ManifestTemplates.PlaceholderClientId => deployment.ClientIdText,
        ManifestTemplates.PlaceholderAuthority => deployment.Authority,
        ManifestTemplates.AddInId => deployment.AddInId.ToString("D"),
        _ => value,
    };

    private static void StampNode(JsonNode node, Deployment deployment)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj.ToList())
                {
                    if (child is JsonValue value && value.TryGetValue<string>(out var text))
                    {
                        obj[key] = StampValue(text, deployment);
                    }
                    else if (child is not null)
                    {
                        StampNode(child, deployment);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonValue value && value.TryGetValue<string>(out var text))
                    {
                        array[i] = StampValue(text, deployment);
                    }
                    else if (array[i] is { } child)
                    {
                        StampNode(child, deployment);
                    }
                }

                break;
        }
    }
}
