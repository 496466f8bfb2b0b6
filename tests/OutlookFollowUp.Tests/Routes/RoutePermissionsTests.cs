using System.Xml.Linq;
using OutlookFollowUp.Registration;

namespace OutlookFollowUp.Tests.Routes;

/// <summary>The routes' optional permissions are where an admin meets them: the registration, the manifest, the guide, the README.</summary>
public sealed class RoutePermissionsTests
{
    [Fact]
    public void The_registration_lists_Chat_Read_and_Calendars_ReadBasic_as_optional_delegated_permissions()
    {
        Assert.Contains("Chat.Read", ApplicationShape.DelegatedGraphPermissions.Keys);
        Assert.Contains("Calendars.ReadBasic", ApplicationShape.DelegatedGraphPermissions.Keys);
        Assert.Subset(ApplicationShape.DelegatedGraphPermissions.Keys.ToHashSet(), OptionalPermissions.Delegated.Keys.ToHashSet());
        Assert.Contains("Chat.Read (answers in Teams one-on-one chats", OptionalPermissions.Line, StringComparison.Ordinal);
    }

    [Fact]
    public void The_xml_manifest_names_every_optional_permission_among_its_scopes()
    {
        var xml = XDocument.Load(RepositoryFiles.Path("addin-manifest", "manifest.xml"));
        var scopes = xml.Descendants().Where(e => e.Name.LocalName == "Scope").Select(e => e.Value).ToHashSet(StringComparer.Ordinal);

        Assert.Subset(scopes, OptionalPermissions.Delegated.Keys.ToHashSet());
    }

    [Theory]
    [InlineData("deploy/README.md")]
    [InlineData("README.md")]
    public void The_admin_guide_and_the_readme_name_them(string file)
    {
        var text = File.ReadAllText(RepositoryFiles.Path(file.Split('/')));

        Assert.Contains("Chat.Read", text, StringComparison.Ordinal);
        Assert.Contains("Calendars.ReadBasic", text, StringComparison.Ordinal);
    }
}
