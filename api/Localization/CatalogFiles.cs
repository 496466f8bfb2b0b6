namespace OutlookFollowUp.Localization;

/// <summary>
/// The catalogs and the plural rules, one file each in <c>wwwroot/js/locales</c>: the pane fetches them from there,
/// the server reads the same files built into the assembly (so <c>scan</c> and the workers need no web root).
/// </summary>
internal static class CatalogFiles
{
    public static string Read(string name)
    {
        using var stream = typeof(CatalogFiles).Assembly.GetManifestResourceStream($"OutlookFollowUp.Localization.{name}")
            ?? throw new InvalidOperationException($"The localization file {name} is not built into the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
