using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OutlookFollowUp.Mail.Graph;

namespace OutlookFollowUp.Tests.Mail.Graph;

public sealed class GraphMailServicesTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings) =>
        new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .AddGraphMail()
            .BuildServiceProvider();

    [Fact]
    public void Options_bind_from_the_graph_section()
    {
        using var services = Build(new() { ["Graph:BaseUrl"] = "https://graph.microsoft.us/v1.0", ["Graph:PageSize"] = "250" });

        var options = services.GetRequiredService<IOptions<GraphOptions>>().Value;

        Assert.Equal(("https://graph.microsoft.us/v1.0", 250), (options.BaseUrl, options.PageSize));
    }

    [Fact]
    public void A_page_size_out_of_range_stops_the_start()
    {
        using var services = Build(new() { ["Graph:PageSize"] = "0" });

        Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<GraphOptions>>().Value);
    }
}
