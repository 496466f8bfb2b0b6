using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OutlookFollowUp.Tests.Reminders;

/// <summary>
/// The Graph test server on a real port (Kestrel, 127.0.0.1), for API processes: every request goes, as received, to
/// <paramref name="graph"/> (the fake Graph, which records and counts it), and its answer goes back as is.
/// </summary>
internal sealed class GraphHttpServer(WebApplication app, Uri baseAddress) : IAsyncDisposable
{
    /// <summary>What <c>Graph:BaseUrl</c> is set to.</summary>
    public Uri BaseAddress { get; } = baseAddress;

    public static async Task<GraphHttpServer> StartAsync(HttpMessageHandler graph)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var invoker = new HttpMessageInvoker(graph, disposeHandler: false);
        app.Run(context => ForwardAsync(context, invoker));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new GraphHttpServer(app, new Uri(address.TrimEnd('/') + "/v1.0"));
    }

    private static async Task ForwardAsync(HttpContext context, HttpMessageInvoker graph)
    {
        var incoming = context.Request;
        using var request = new HttpRequestMessage(new HttpMethod(incoming.Method), $"{incoming.Scheme}://{incoming.Host}{incoming.PathBase}{incoming.Path}{incoming.QueryString}");
        var body = new MemoryStream();
        await incoming.Body.CopyToAsync(body, context.RequestAborted);
        if (body.Length > 0)
        {
            body.Position = 0;
            request.Content = new StreamContent(body);
        }

        foreach (var (name, values) in incoming.Headers)
        {
            if (!request.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values) && request.Content is not null)
            {
                request.Content.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }

        using var response = await graph.SendAsync(request, context.RequestAborted);
        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            if (!name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.Headers[name] = values.ToArray();
            }
        }

        await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
