using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing.Patterns;

namespace OutlookFollowUp.Web;

/// <summary>
/// Route values that hold ids with '/', '+' and '=' (Graph conversation ids are standard base64; in a path '+' is never
/// a space, and "%2B", "%3D" decode like any other escape). The server decodes
/// the path except "%2F", so the bound value would still hold "%2F", and decoding it again would also decode a "%25"
/// twice. This filter takes the value from the raw request target instead and decodes it exactly once (a server with no
/// raw target, such as TestServer, only gets its "%2F" decoded); a value with control characters, zero-width characters
/// or bidirectional marks is a 400 naming the parameter.
/// </summary>
public static class RawRouteValue
{
    public static TBuilder DecodesRouteValue<TBuilder>(this TBuilder builder, string name)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status400BadRequest, typeof(HttpValidationProblemDetails), ["application/problem+json"]))
        .AddEndpointFilterFactory((factory, next) =>
        {
            var index = Array.FindIndex(factory.MethodInfo.GetParameters(), p => p.Name == name && p.ParameterType == typeof(string));
            if (index < 0)
            {
                return next;
            }

            return async context =>
            {
                var value = Decode(context.HttpContext, name)
                    ?? context.GetArgument<string>(index).Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
                if (!TextRules.IsCleanId(value))
                {
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [name] = [TextRules.IdMessage] });
                }

                context.Arguments[index] = value;
                return await next(context);
            };
        });

    /// <summary>The raw path segment that routing bound to <paramref name="name"/>, unescaped once; null when the server gives no raw target.</summary>
    internal static string? Decode(HttpContext context, string name)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (context.GetEndpoint() is not RouteEndpoint endpoint || string.IsNullOrEmpty(raw) || raw[0] != '/'
            || context.GetRouteValue(name) is not string bound)
        {
            return null;
        }

        var position = endpoint.RoutePattern.PathSegments.ToList().FindIndex(s => s.Parts is [RoutePatternParameterPart p] && p.Name == name);
        var rawSegments = raw.Split('?', 2)[0].Split('/');
        var pathSegments = (context.Request.Path.Value ?? "").Split('/');
        var at = rawSegments.Length - pathSegments.Length + position + 1; // PathBase segments come first in the raw target
        if (position < 0 || at <= 0 || at >= rawSegments.Length)
        {
            return null;
        }

        // The raw segment must be the one the server bound (decoded except "%2F"); otherwise trust the bound value.
        var segment = rawSegments[at];
        var asBound = Uri.UnescapeDataString(segment.Replace("%2F", "%252F", StringComparison.OrdinalIgnoreCase));
        return string.Equals(asBound, bound, StringComparison.Ordinal) ? Uri.UnescapeDataString(segment) : null;
    }
}
