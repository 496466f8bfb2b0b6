using System.Xml.Linq;
using OutlookFollowUp.GraphSimulator;
using OutlookFollowUp.Mail.Graph;

namespace OutlookFollowUp.Tests.Mail.Graph;

/// <summary>The query the code sends must name only what Graph v1.0 declares (../shared/graph/v1.0-Prod.csdl).</summary>
public sealed class GraphCsdlTests
{
    private static readonly XNamespace Edm = "http://docs.oasis-open.org/odata/ns/edm";

    private static readonly Lazy<Dictionary<string, XElement>> EntityTypes = new(() =>
        XDocument.Load(SharedFolder.Path("graph", "v1.0-Prod.csdl"))
            .Descendants(Edm + "Schema")
            .Where(s => (string?)s.Attribute("Namespace") == "microsoft.graph")
            .Elements(Edm + "EntityType")
            .ToDictionary(e => (string)e.Attribute("Name")!));

    /// <summary>message and its base types outlookItem and entity.</summary>
    private static List<XElement> MessageTypes()
    {
        var types = new List<XElement>();
        for (var name = "message"; name is not null;)
        {
            var type = EntityTypes.Value[name];
            types.Add(type);
            name = ((string?)type.Attribute("BaseType"))?.Split('.')[^1];
        }

        return types;
    }

    private static HashSet<string> Members(string element) =>
        [.. MessageTypes().SelectMany(t => t.Elements(Edm + element)).Select(p => (string)p.Attribute("Name")!)];

    [SharedFact]
    public void Every_selected_property_is_declared_on_message_or_its_base_types()
    {
        var declared = Members("Property");

        Assert.All(GraphQuery.MessageSelect, p => Assert.Contains(p, declared));
    }

    [SharedFact]
    public void The_expanded_relation_is_a_navigation_property_of_message()
    {
        var expanded = GraphQuery.MessageExpand(new AddInOptions().CustomPropertiesProperty).Select(e => e.Split('(')[0]);

        Assert.All(expanded, e => Assert.Contains(e, Members("NavigationProperty")));
    }

    [SharedFact]
    public void The_in_memory_mailbox_accepts_exactly_the_declared_message_properties()
    {
        Assert.Equal(Members("Property").Order(), ODataQuery.MessageProperties.Order());
    }
}
