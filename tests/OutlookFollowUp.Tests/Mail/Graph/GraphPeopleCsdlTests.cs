using System.Xml.Linq;
using OutlookFollowUp.GraphSimulator;
using OutlookFollowUp.Mail.Graph;

namespace OutlookFollowUp.Tests.Mail.Graph;

/// <summary>The people search names only what Graph v1.0 declares on person and phone (../shared/graph/v1.0-Prod.csdl).</summary>
public sealed class GraphPeopleCsdlTests
{
    private static readonly XNamespace Edm = "http://docs.oasis-open.org/odata/ns/edm";

    private static readonly Lazy<XElement> Schema = new(() =>
        XDocument.Load(SharedFolder.Path("graph", "v1.0-Prod.csdl"))
            .Descendants(Edm + "Schema")
            .Single(s => (string?)s.Attribute("Namespace") == "microsoft.graph"));

    private static HashSet<string> Names(string kind, string type, string member) =>
        [.. Schema.Value.Elements(Edm + kind).Single(e => (string?)e.Attribute("Name") == type).Elements(Edm + member).Select(p => (string)p.Attribute("Name")!)];

    private static HashSet<string> PersonProperties => [.. Names("EntityType", "person", "Property"), .. Names("EntityType", "entity", "Property")];

    [SharedFact]
    public void The_search_selects_only_declared_person_properties()
    {
        Assert.All(GraphMailReader.PeopleSelect, p => Assert.Contains(p, PersonProperties));
    }

    [SharedFact]
    public void The_in_memory_people_accept_exactly_the_declared_person_properties()
    {
        Assert.Equal(PersonProperties.Order(StringComparer.OrdinalIgnoreCase), InMemoryGraphHandler.PersonProperties.Order(StringComparer.OrdinalIgnoreCase));
    }

    [SharedFact]
    public void Every_phone_type_is_either_preferred_or_a_fax_or_pager()
    {
        var declared = Names("EnumType", "phoneType", "Member");
        var preferred = GraphMailReader.PhonePreference.Select(t => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(t.ToString())).ToHashSet();

        Assert.Equal(
            declared.Where(t => !t.EndsWith("Fax", StringComparison.Ordinal) && t != "pager").Order(),
            preferred.Order());
    }
}
