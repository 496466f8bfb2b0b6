using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace OutlookFollowUp.Tests.Manifest;

/// <summary>
/// A draft-04 JSON Schema validator for the keywords the unified manifest schemas use. NJsonSchema restores here but
/// ignores <c>const</c> and <c>dependencies</c>, so it would pass a wrong manifestVersion; <see cref="UnknownKeywords"/>
/// lets a test fail when a schema needs a keyword this class does not check.
/// </summary>
public sealed class JsonSchemaSubset(JsonObject root)
{
    private static readonly HashSet<string> Annotations = ["$schema", "id", "description", "default", "title", "definitions"];

    private static readonly HashSet<string> Checked =
    [
        "$ref", "type", "enum", "const", "format", "maxLength", "minLength", "pattern", "minimum", "maximum",
        "items", "minItems", "maxItems", "uniqueItems", "properties", "required", "additionalProperties",
        "minProperties", "dependencies", "allOf", "anyOf", "oneOf", "not", "if", "then", "else",
    ];

    public static JsonSchemaSubset Load(string path) => new(JsonNode.Parse(File.ReadAllText(path))!.AsObject());

    public IReadOnlyList<string> Validate(JsonNode? instance)
    {
        var errors = new List<string>();
        Check(root, instance, "$", errors);
        return errors;
    }

    /// <summary>Keywords in the schema that this validator would silently ignore.</summary>
    public IReadOnlyCollection<string> UnknownKeywords()
    {
        var unknown = new SortedSet<string>(StringComparer.Ordinal);
        Walk(root, unknown);
        return unknown;
    }

    private static void Walk(JsonNode? schema, SortedSet<string> unknown)
    {
        if (schema is not JsonObject obj)
        {
            return;
        }

        foreach (var (key, value) in obj)
        {
            if (!Checked.Contains(key) && !Annotations.Contains(key))
            {
                unknown.Add(key);
            }

            IEnumerable<JsonNode?> children = key switch
            {
                "properties" or "definitions" or "dependencies" => value!.AsObject().Select(p => p.Value),
                "allOf" or "anyOf" or "oneOf" => value!.AsArray(),
                "items" or "additionalProperties" or "not" or "if" or "then" or "else" => [value],
                _ => [],
            };
            foreach (var child in children)
            {
                Walk(child, unknown);
            }
        }
    }

    private void Check(JsonObject schema, JsonNode? value, string path, List<string> errors)
    {
        if (schema["$ref"] is { } reference)
        {
            Check(Resolve(reference.GetValue<string>()), value, path, errors); // draft-04: siblings of $ref are ignored
            return;
        }

        var kind = KindOf(value);
        if (schema["type"] is { } type && !TypeMatches(type, kind))
        {
            errors.Add($"{path}: expected {type.ToJsonString()}, found {kind}");
            return;
        }

        if (schema["enum"] is JsonArray options && !options.Any(o => JsonNode.DeepEquals(o, value)))
        {
            errors.Add($"{path}: {value?.ToJsonString()} is not one of {options.ToJsonString()}");
        }

        if (schema.ContainsKey("const") && !JsonNode.DeepEquals(schema["const"], value))
        {
            errors.Add($"{path}: must be {schema["const"]?.ToJsonString()}");
        }

        switch (kind)
        {
            case "string": CheckString(schema, value!.GetValue<string>(), path, errors); break;
            case "number" or "integer": CheckNumber(schema, value!.GetValue<double>(), path, errors); break;
            case "array": CheckArray(schema, value!.AsArray(), path, errors); break;
            case "object": CheckObject(schema, value!.AsObject(), path, errors); break;
        }

        CheckCombinators(schema, value, path, errors);
    }

    private static void CheckString(JsonObject schema, string text, string path, List<string> errors)
    {
        var length = text.EnumerateRunes().Count(); // JSON Schema counts code points
        if (schema["maxLength"] is { } max && length > max.GetValue<int>())
        {
            errors.Add($"{path}: longer than {max}");
        }

        if (schema["minLength"] is { } min && length < min.GetValue<int>())
        {
            errors.Add($"{path}: shorter than {min}");
        }

        if (schema["pattern"] is { } pattern && !Regex.IsMatch(text, pattern.GetValue<string>(), RegexOptions.None, TimeSpan.FromSeconds(1)))
        {
            errors.Add($"{path}: '{text}' does not match {pattern}");
        }

        if (schema["format"]?.GetValue<string>() == "uri" && !Uri.TryCreate(text, UriKind.Absolute, out _))
        {
            errors.Add($"{path}: '{text}' is not an absolute URI");
        }
    }

    private static void CheckNumber(JsonObject schema, double number, string path, List<string> errors)
    {
        if (schema["minimum"] is { } min && number < min.GetValue<double>())
        {
            errors.Add($"{path}: below {min}");
        }

        if (schema["maximum"] is { } max && number > max.GetValue<double>())
        {
            errors.Add($"{path}: above {max}");
        }
    }

    private void CheckArray(JsonObject schema, JsonArray array, string path, List<string> errors)
    {
        if (schema["minItems"] is { } min && array.Count < min.GetValue<int>())
        {
            errors.Add($"{path}: fewer than {min} items");
        }

        if (schema["maxItems"] is { } max && array.Count > max.GetValue<int>())
        {
            errors.Add($"{path}: more than {max} items");
        }

        if (schema["uniqueItems"]?.GetValue<bool>() == true
            && array.Where((item, i) => array.Take(i).Any(earlier => JsonNode.DeepEquals(earlier, item))).Any())
        {
            errors.Add($"{path}: items are not unique");
        }

        if (schema["items"] is JsonObject items)
        {
            for (var i = 0; i < array.Count; i++)
            {
                Check(items, array[i], $"{path}[{i}]", errors);
            }
        }
    }

    private void CheckObject(JsonObject schema, JsonObject obj, string path, List<string> errors)
    {
        foreach (var name in schema["required"]?.AsArray().Select(n => n!.GetValue<string>()) ?? [])
        {
            if (!obj.ContainsKey(name))
            {
                errors.Add($"{path}: missing required '{name}'");
            }
        }

        if (schema["minProperties"] is { } min && obj.Count < min.GetValue<int>())
        {
            errors.Add($"{path}: fewer than {min} properties");
        }

        var properties = schema["properties"] as JsonObject;
        foreach (var (name, child) in obj)
        {
            if (properties?[name] is JsonObject propertySchema)
            {
                Check(propertySchema, child, $"{path}.{name}", errors);
            }
            else if (schema["additionalProperties"] is JsonValue allowed && !allowed.GetValue<bool>())
            {
                errors.Add($"{path}: unknown property '{name}'");
            }
            else if (schema["additionalProperties"] is JsonObject additional)
            {
                Check(additional, child, $"{path}.{name}", errors);
            }
        }

        foreach (var (name, dependency) in schema["dependencies"] as JsonObject ?? [])
        {
            if (!obj.ContainsKey(name))
            {
                continue;
            }

            if (dependency is JsonArray names)
            {
                errors.AddRange(names.Select(n => n!.GetValue<string>()).Where(n => !obj.ContainsKey(n))
                    .Select(n => $"{path}: '{name}' requires '{n}'"));
            }
            else
            {
                Check(dependency!.AsObject(), obj, path, errors);
            }
        }
    }

    private void CheckCombinators(JsonObject schema, JsonNode? value, string path, List<string> errors)
    {
        foreach (var sub in schema["allOf"]?.AsArray() ?? [])
        {
            Check(sub!.AsObject(), value, path, errors);
        }

        if (schema["anyOf"] is JsonArray anyOf && !anyOf.Any(sub => Passes(sub!.AsObject(), value, path)))
        {
            errors.Add($"{path}: matches none of anyOf");
        }

        if (schema["oneOf"] is JsonArray oneOf && oneOf.Count(sub => Passes(sub!.AsObject(), value, path)) != 1)
        {
            errors.Add($"{path}: must match exactly one of oneOf");
        }

        if (schema["not"] is JsonObject not && Passes(not, value, path))
        {
            errors.Add($"{path}: matches a schema it must not match");
        }

        if (schema["if"] is JsonObject condition)
        {
            var branch = Passes(condition, value, path) ? schema["then"] : schema["else"];
            if (branch is JsonObject branchSchema)
            {
                Check(branchSchema, value, path, errors);
            }
        }
    }

    private bool Passes(JsonObject schema, JsonNode? value, string path)
    {
        var errors = new List<string>();
        Check(schema, value, path, errors);
        return errors.Count == 0;
    }

    private JsonObject Resolve(string reference)
    {
        if (!reference.StartsWith("#/", StringComparison.Ordinal))
        {
            throw new NotSupportedException($"Only local references are supported, not '{reference}'.");
        }

        JsonNode? node = root;
        foreach (var part in reference[2..].Split('/'))
        {
            node = node?[part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)];
        }

        return node as JsonObject ?? throw new InvalidOperationException($"Unresolved reference '{reference}'.");
    }

    private static string KindOf(JsonNode? value) => value switch
    {
        null => "null",
        JsonObject => "object",
        JsonArray => "array",
        _ => value.GetValueKind() switch
        {
            JsonValueKind.String => "string",
            JsonValueKind.Number => IsInteger(value.GetValue<double>()) ? "integer" : "number",
            JsonValueKind.True or JsonValueKind.False => "boolean",
            _ => "null",
        },
    };

    private static bool IsInteger(double number) => Math.Abs(number % 1) < double.Epsilon;

    private static bool TypeMatches(JsonNode type, string kind)
    {
        var names = type is JsonArray many ? many.Select(n => n!.GetValue<string>()) : [type.GetValue<string>()];
        return names.Any(name => name == kind || (name == "number" && kind == "integer"));
    }
}
