using System.Text.Json.Nodes;
using System.Xml.Linq;
using OutlookFollowUp.Manifest;

namespace OutlookFollowUp.Tests.Manifest;

public class ManifestSchemaTests
{
    private static readonly XNamespace V11 = "http://schemas.microsoft.com/office/mailappversionoverrides/1.1";

    [SharedFact]
    public void Xml_manifest_is_valid_against_the_office_xsds() =>
        Assert.Empty(ManifestFacts.XsdErrors(ManifestTemplates.Xml()));

    [Fact]
    public void Xml_manifest_offers_the_remind_command_and_the_pane_on_outlook_mobile()
    {
        XNamespace xsi = "http://www.w3.org/2001/XMLSchema-instance";
        XNamespace bt = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";
        var xml = ManifestTemplates.Xml();
        var urls = xml.Descendants(bt + "Url").ToDictionary(u => (string)u.Attribute("id")!, u => (string)u.Attribute("DefaultValue")!);

        var surface = Assert.Single(xml.Descendants(V11 + "MobileFormFactor").Elements(V11 + "ExtensionPoint"));
        var panes = surface.Descendants(V11 + "Control")
            .Select(c => urls[(string)c.Element(V11 + "Action")!.Element(V11 + "SourceLocation")!.Attribute("resid")!]);

        Assert.Equal("MobileMessageReadCommandSurface", (string?)surface.Attribute(xsi + "type"));
        Assert.Equal(["https://localhost:5001/taskpane.html?view=remind", "https://localhost:5001/taskpane.html"], panes);
    }

    [SharedFact]
    public void Xml_manifest_without_its_required_rule_is_rejected()
    {
        var broken = ManifestTemplates.Xml();
        broken.Root!.Element(XName.Get("Rule", "http://schemas.microsoft.com/office/appforoffice/1.1"))!.Remove();

        Assert.NotEmpty(ManifestFacts.XsdErrors(broken));
    }

    [SharedFact]
    public void Xml_manifest_with_an_unknown_element_inside_the_1_1_overrides_is_rejected()
    {
        // Proves the nested VersionOverrides is validated, not skipped by the lax wildcard that holds it.
        var broken = ManifestTemplates.Xml();
        broken.Descendants(V11 + "Group").First().Add(new XElement(V11 + "LaunchEvent"));

        Assert.NotEmpty(ManifestFacts.XsdErrors(broken));
    }

    [SharedFact]
    public void Unified_manifest_is_valid_against_its_schema() =>
        Assert.Empty(ManifestFacts.UnifiedSchema().Validate(ManifestTemplates.Json()));

    [SharedFact]
    public void Unified_schema_uses_no_keyword_the_validator_ignores() =>
        Assert.Empty(ManifestFacts.UnifiedSchema().UnknownKeywords());

    [SharedFact]
    public void Unified_manifest_names_the_schema_version_it_is_checked_against()
    {
        var json = ManifestTemplates.Json();

        Assert.Equal(ManifestFacts.UnifiedVersion[1..], json["manifestVersion"]!.GetValue<string>());
        Assert.Contains($"/{ManifestFacts.UnifiedVersion}/", json["$schema"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [SharedTheory]
    [InlineData("manifestVersion", "\"1.17\"")]
    [InlineData("accentColor", "\"blue\"")]
    [InlineData("bogus", "true")]
    public void Unified_manifest_with_a_wrong_value_is_rejected(string property, string json)
    {
        var broken = ManifestTemplates.Json();
        broken[property] = JsonNode.Parse(json);

        Assert.NotEmpty(ManifestFacts.UnifiedSchema().Validate(broken));
    }

    [SharedFact]
    public void Unified_manifest_without_a_required_property_is_rejected()
    {
        var broken = ManifestTemplates.Json();
        broken["extensions"]![0]!["ribbons"]![0]!["tabs"]![0]!["groups"]![0]!["controls"]![1]!.AsObject().Remove("supertip");

        Assert.NotEmpty(ManifestFacts.UnifiedSchema().Validate(broken));
    }

    [Fact]
    public void Both_manifests_declare_the_same_function_commands()
    {
        var xmlFunctions = ManifestTemplates.Xml().Descendants(V11 + "FunctionName").Select(f => f.Value).Order();
        var jsonFunctions = ManifestTemplates.Json()["extensions"]![0]!["runtimes"]!.AsArray()
            .SelectMany(r => r!["actions"]!.AsArray())
            .Where(a => a!["type"]!.GetValue<string>() == "executeFunction")
            .Select(a => a!["id"]!.GetValue<string>()).Order();

        Assert.Equal(["markRemindIfNoReply", "remindIn24h", "remindIn48h"], xmlFunctions);
        Assert.Equal(xmlFunctions, jsonFunctions);
    }
}
