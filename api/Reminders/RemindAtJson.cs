using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace OutlookFollowUp.Reminders;

/// <summary>
/// A reminder time as the JSON API takes it: an ISO 8601 date and time ending in <c>Z</c> or <c>±hh:mm</c>. A time
/// without an offset or a date alone is refused (it would be read in the server's zone, which no user means); the
/// refusal names the form (a bare JsonException reads as "could not be converted", which the API answers as a 400
/// naming the field). The compose mark <c>followupRemind</c> keeps its own, laxer reading.
/// </summary>
internal sealed partial class RemindAtJson : JsonConverter<DateTimeOffset?>
{
    public override bool HandleNull => true;

    public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.String || reader.GetString() is not { } text || !WithOffset().IsMatch(text)
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at))
        {
            throw new JsonException();
        }

        return at;
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
    {
        if (value is { } at)
        {
            writer.WriteStringValue(at);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    internal const string Pattern = @"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?([Zz]|[+-]\d{2}:\d{2})$";

    /// <summary>The OpenAPI document says what the converter takes (a custom converter leaves the schema without a type).</summary>
    internal static Task DescribeAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonPropertyInfo?.CustomConverter is RemindAtJson)
        {
            (schema.Type, schema.Format, schema.Pattern) = (JsonSchemaType.String | JsonSchemaType.Null, "date-time", Pattern);
        }

        return Task.CompletedTask;
    }

    [GeneratedRegex(Pattern, RegexOptions.CultureInvariant)]
    private static partial Regex WithOffset();
}
