using OutlookFollowUp.Auth;

namespace OutlookFollowUp.Web;

/// <summary>
/// A response cached per user that other features' writes make stale (the thread list). The feature that caches it
/// implements this; the features that write mark their routes with <see cref="CachedViewRoutes.InvalidatesThreads"/>
/// and need not know who caches what.
/// </summary>
public interface ICachedViews
{
    ValueTask InvalidateAsync(string userKey, CancellationToken cancellationToken);
}

public static class CachedViewRoutes
{
    /// <summary>For the groups whose writes change what the thread list shows.</summary>
    public static RouteGroupBuilder InvalidatesThreads(this RouteGroupBuilder group) => group.AddEndpointFilter<InvalidateCachedViewsFilter>();
}

/// <summary>After a write (any method but GET), each cached view of the caller's is dropped.</summary>
internal sealed class InvalidateCachedViewsFilter(IEnumerable<ICachedViews> views) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        if (!HttpMethods.IsGet(context.HttpContext.Request.Method) && context.HttpContext.User.GetUserKey() is { } userKey)
        {
            foreach (var view in views)
            {
                await view.InvalidateAsync(userKey, context.HttpContext.RequestAborted);
            }
        }

        return result;
    }
}
