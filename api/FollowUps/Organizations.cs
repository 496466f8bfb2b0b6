namespace OutlookFollowUp.FollowUps;

/// <summary>
/// Who works together, from addresses alone: two people share an organization when their addresses share a domain,
/// unless it is a public mail provider's, where the domain says nothing about who they work for. The one list of
/// public domains in the product.
/// </summary>
public static class Organizations
{
    /// <summary>Mail providers anyone can sign up with: their users are not each other's colleagues.</summary>
    public static readonly IReadOnlySet<string> PublicDomains = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "hotmail.co.uk", "hotmail.fr", "hotmail.it", "hotmail.de",
        "hotmail.es", "live.com", "live.co.uk", "live.fr", "live.it", "live.de", "msn.com", "yahoo.com", "yahoo.co.uk",
        "yahoo.fr", "yahoo.it", "yahoo.de", "yahoo.es", "ymail.com", "rocketmail.com", "aol.com", "icloud.com", "me.com",
        "mac.com", "proton.me", "protonmail.com", "pm.me", "gmx.com", "gmx.net", "gmx.de", "web.de", "t-online.de",
        "mail.com", "zoho.com", "fastmail.com", "tutanota.com", "tuta.io", "yandex.com", "yandex.ru", "mail.ru", "qq.com",
        "163.com", "126.com", "libero.it", "virgilio.it", "tiscali.it", "orange.fr", "wanadoo.fr", "free.fr", "laposte.net",
        "sfr.fr", "telefonica.net", "btinternet.com", "comcast.net", "verizon.net", "att.net", "hey.com",
    };

    /// <summary>The part after the last '@', lower-case; null when there is none.</summary>
    public static string? Domain(string? address)
    {
        var at = address?.LastIndexOf('@') ?? -1;
        return at > 0 && at < address!.Length - 1 ? address[(at + 1)..].Trim().ToLowerInvariant() : null;
    }

    /// <summary>A domain that names an organization: known, and not a public mail provider's.</summary>
    public static bool IsOrganization(string? domain) => domain is { Length: > 0 } && !PublicDomains.Contains(domain);

    /// <summary>Two different addresses of one organization's domain (never a public provider's).</summary>
    public static bool Colleagues(string a, string b) =>
        !string.Equals(a, b, StringComparison.OrdinalIgnoreCase)
        && Domain(a) is { } domain && IsOrganization(domain)
        && string.Equals(domain, Domain(b), StringComparison.Ordinal);
}
