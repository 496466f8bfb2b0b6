namespace OutlookFollowUp.Mail.Graph;

/// <summary>The deployed add-in, bound from configuration section <c>AddIn</c>.</summary>
public sealed class AddInOptions
{
    public const string Section = "AddIn";

    /// <summary>
    /// The add-in's manifest id (<c>&lt;Id&gt;</c> of addin-manifest/manifest.xml, <c>manifest --addin-id</c>): Outlook
    /// stores the add-in's custom properties under a name made from it, so a tenant that ships its own id sets it here.
    /// </summary>
    public string Id { get; set; } = Manifest.ManifestTemplates.AddInId;

    internal bool HasValidId() => Guid.TryParse(Id, out _);

    /// <summary>
    /// The MAPI named property that holds the add-in's custom properties on an item ([MS-OXCEXT]): a JSON object of
    /// name-value pairs, named after the manifest id, lowercase and without braces.
    /// </summary>
    public string CustomPropertiesProperty =>
        $"String {{00020329-0000-0000-C000-000000000046}} Name cecp-{Guid.Parse(Id):D}";
}
