using System.Text.Json.Nodes;

namespace OutlookFollowUp.Tests.Manifest;

public class JsonSchemaSubsetTests
{
    private static readonly JsonSchemaSubset Schema = new(JsonNode.Parse("""
        {
          "type": "object",
          "additionalProperties": false,
          "required": ["version"],
          "properties": {
            "version": { "const": "1.0" },
            "color": { "$ref": "#/definitions/hex" },
            "size": { "type": "number", "enum": [16, 32] },
            "tags": { "type": "array", "maxItems": 2, "uniqueItems": true, "items": { "type": "string", "maxLength": 3 } },
            "tab": {
              "type": "object",
              "properties": { "builtIn": { "type": "string" }, "id": { "type": "string" }, "label": { "type": "string" } },
              "dependencies": { "id": ["label"] }
            },
            "either": { "oneOf": [ { "type": "string" }, { "type": "integer", "minimum": 0 } ] }
          },
          "definitions": { "hex": { "type": "string", "pattern": "^#[0-9a-fA-F]{6}$" } }
        }
        """)!.AsObject());

    [Theory]
    [InlineData("""{"version":"1.0"}""")]
    [InlineData("""{"version":"1.0","color":"#0F6CBD","size":32,"tags":["a","b"],"tab":{"id":"x","label":"y"},"either":3}""")]
    public void Valid_documents_pass(string json) => Assert.Empty(Schema.Validate(JsonNode.Parse(json)));

    [Theory]
    [InlineData("""{}""")] // required
    [InlineData("""{"version":"2.0"}""")] // const
    [InlineData("""{"version":"1.0","extra":1}""")] // additionalProperties
    [InlineData("""{"version":"1.0","color":"blue"}""")] // $ref + pattern
    [InlineData("""{"version":"1.0","size":20}""")] // enum
    [InlineData("""{"version":"1.0","size":"16"}""")] // type
    [InlineData("""{"version":"1.0","tags":["a","b","c"]}""")] // maxItems
    [InlineData("""{"version":"1.0","tags":["a","a"]}""")] // uniqueItems
    [InlineData("""{"version":"1.0","tags":["long"]}""")] // items + maxLength
    [InlineData("""{"version":"1.0","tab":{"id":"x"}}""")] // dependencies
    [InlineData("""{"version":"1.0","either":-1}""")] // oneOf + minimum
    [InlineData("""{"version":"1.0","either":1.5}""")] // integer
    public void Invalid_documents_are_rejected(string json) => Assert.NotEmpty(Schema.Validate(JsonNode.Parse(json)));

    [Fact]
    public void Keywords_it_does_not_check_are_reported()
    {
        var schema = new JsonSchemaSubset(JsonNode.Parse("""{"properties":{"a":{"patternProperties":{}}}}""")!.AsObject());

        Assert.Equal(["patternProperties"], schema.UnknownKeywords());
    }
}
