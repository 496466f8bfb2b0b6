using System.Text.Json;
using FluentValidation;

namespace OutlookFollowUp.Web;

/// <summary>
/// Runs the FluentValidation validator of the endpoint's <typeparamref name="T"/> argument before the handler, as in
/// TodoApi: a 400 ValidationProblem, never an exception, and the 400 declared for OpenAPI.
/// </summary>
internal sealed class ValidationFilter<T>(IValidator<T> validator) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (context.Arguments.OfType<T>().FirstOrDefault() is not { } argument)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["A request body is required."] });
        }

        var result = await validator.ValidateAsync(argument, context.HttpContext.RequestAborted);
        return result.IsValid ? await next(context) : TypedResults.ValidationProblem(CamelCase(result.ToDictionary()));
    }

    // Error keys name the JSON fields the client sent ("windowHours", "excludedSenders[2]").
    private static Dictionary<string, string[]> CamelCase(IDictionary<string, string[]> errors) =>
        errors.GroupBy(e => string.Join('.', e.Key.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName)), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.SelectMany(e => e.Value).ToArray(), StringComparer.Ordinal);
}

internal static class ValidationFilterExtensions
{
    public static RouteHandlerBuilder Validate<T>(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter<ValidationFilter<T>>().ProducesValidationProblem();
}

/// <summary>
/// How validation messages read, for every validator: the JSON field's name as the client sent it ("remindAt", not
/// "Remind At") and sentences ("lookbackDays is required."), in English whatever the server's culture.
/// </summary>
internal static class ValidationMessages
{
    public static void Configure()
    {
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) => member is null ? null : JsonNamingPolicy.CamelCase.ConvertName(member.Name);
        ValidatorOptions.Global.LanguageManager = new Sentences();
    }

    private sealed class Sentences : FluentValidation.Resources.LanguageManager
    {
        public Sentences()
        {
            Culture = System.Globalization.CultureInfo.GetCultureInfo("en");
            AddTranslation("en", "NotNullValidator", "{PropertyName} is required.");
            AddTranslation("en", "NotEmptyValidator", "{PropertyName} is required and must not be empty.");
            AddTranslation("en", "InclusiveBetweenValidator", "{PropertyName} must be between {From} and {To}; got {PropertyValue}.");
            AddTranslation("en", "PredicateValidator", "{PropertyName} is not valid.");
        }
    }
}
