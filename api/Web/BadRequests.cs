using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;

namespace OutlookFollowUp.Web;

/// <summary>
/// A request the framework could not bind (malformed JSON, a value of the wrong type, <c>?top=abc</c>, an unknown
/// field, no body) answers like a validation failure: a 400 ValidationProblem whose <c>errors</c> name the field and
/// say what it must be, in a sentence. Other framework refusals (413, 415) keep their status as ProblemDetails.
/// </summary>
internal sealed partial class BadRequestHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        httpContext.Response.StatusCode = bad.StatusCode;
        if (bad.StatusCode != StatusCodes.Status400BadRequest)
        {
            return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, Exception = exception });
        }

        // The handler runs with the endpoint cleared: the feature keeps the one that failed.
        var bodyType = httpContext.Features.Get<IExceptionHandlerFeature>()?.Endpoint?.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()?.RequestType;
        var (field, message) = Describe(bad, bodyType);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "One or more validation errors occurred.",
            },
        });
    }

    /// <summary>The field (a JSON path without "$.", a query parameter, or "body") and a sentence about it.</summary>
    /// <param name="bodyType">The endpoint's body type, whose property the JSON path names (the serializer's message names only the record).</param>
    internal static (string Field, string Message) Describe(BadHttpRequestException bad, Type? bodyType)
    {
        if (bad.InnerException is JsonException json)
        {
            var field = FieldOf(json.Path);
            var text = json.Message;
            if (text.Contains("could not be converted", StringComparison.Ordinal))
            {
                var property = bodyType?.GetProperties().FirstOrDefault(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name) == field.Split('[', '.')[0]);
                var type = property is null ? "" : (Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType).Name;
                return (field, $"{field} {Expected(field.EndsWith(']') && property?.PropertyType.IsArray == true ? property.PropertyType.GetElementType()!.Name : type)}.");
            }

            if (UnmappedProperty().Match(text) is { Success: true } unmapped)
            {
                var name = unmapped.Groups[1].Value;
                return (name, $"{name} is not a field of this request.");
            }

            if (text.Contains("Duplicate", StringComparison.OrdinalIgnoreCase))
            {
                return (field, $"{field} appears more than once.");
            }

            var where = json.LineNumber is { } line && json.BytePositionInLine is { } position
                ? string.Create(CultureInfo.InvariantCulture, $" (line {line + 1}, position {position + 1})")
                : "";
            return ("body", $"The body is not valid JSON{where}.");
        }

        if (BindFailure().Match(bad.Message) is { Success: true } bind)
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(bind.Groups["name"].Value);
            return (name, $"{name} {Expected(bind.Groups["type"].Value)}; got '{Shorten(bind.Groups["value"].Value)}'.");
        }

        if (bad.Message.Contains("body", StringComparison.OrdinalIgnoreCase))
        {
            return ("body", "A JSON body is required.");
        }

        return ("request", "The request could not be read.");
    }

    private static string FieldOf(string? path)
    {
        var field = path is null ? "" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        return field.Length == 0 ? "body" : field;
    }

    /// <summary>What a value of a .NET type looks like, in the API's words.</summary>
    private static string Expected(string type) => type switch
    {
        _ when type.Contains("DateTimeOffset", StringComparison.Ordinal) || type.Contains("DateTime", StringComparison.Ordinal)
            => "must be an ISO 8601 date and time ending in Z or ±hh:mm, such as 2026-12-01T09:00:00Z or 2026-12-01T10:00:00+01:00",
        _ when type.Contains("[]", StringComparison.Ordinal) || type.Contains("List", StringComparison.Ordinal)
            => "must be a list",
        _ when Regex.IsMatch(type, @"\b(Int32|Int64|int|long|Int16|short)\b") => "must be a whole number",
        _ when Regex.IsMatch(type, @"\b(Boolean|bool)\b") => "must be true or false",
        _ when Regex.IsMatch(type, @"\b(String|string)\b") => "must be a string",
        _ => "has the wrong type",
    };

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";

    [GeneratedRegex(@"The JSON property '([^']*)' could not be mapped", RegexOptions.CultureInvariant)]
    private static partial Regex UnmappedProperty();

    [GeneratedRegex("Failed to bind parameter \"(?<type>.+) (?<name>[^ \"]+)\" from \"(?<value>.*)\"", RegexOptions.CultureInvariant)]
    private static partial Regex BindFailure();
}
