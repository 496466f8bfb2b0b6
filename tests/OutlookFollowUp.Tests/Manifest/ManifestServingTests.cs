using Microsoft.AspNetCore.Mvc.Testing;
using OutlookFollowUp.Manifest;

namespace OutlookFollowUp.Tests.Manifest;

public class ManifestServingTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    public static TheoryData<string> ManifestUrls()
    {
        var urls = ManifestFacts.Urls(ManifestTemplates.Xml()).Concat(ManifestFacts.Urls(ManifestTemplates.Json()));
        return [.. urls.Distinct()];
    }

    [Theory]
    [MemberData(nameof(ManifestUrls))]
    public async Task Every_url_in_the_manifests_is_served_by_the_api(string url)
    {
        var uri = new Uri(url);
        Assert.Equal(ManifestTemplates.PlaceholderOrigin, uri.GetLeftPart(UriPartial.Authority));

        using var response = await factory.CreateClient().GetAsync(uri.PathAndQuery);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var expected = uri.AbsolutePath.EndsWith(".png", StringComparison.Ordinal) ? "image/png" : "text/html";
        Assert.Equal(expected, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Every_icon_has_the_size_its_manifest_declares()
    {
        var client = factory.CreateClient();
        foreach (var (url, size) in ManifestFacts.DeclaredIcons(ManifestTemplates.Xml(), ManifestTemplates.Json()))
        {
            var png = await client.GetByteArrayAsync(new Uri(url).PathAndQuery);

            Assert.Equal((size, size), ManifestFacts.PngSize(png));
        }
    }
}
