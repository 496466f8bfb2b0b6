using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace OutlookFollowUp.Tests.Deploy;

internal sealed class TestHostEnvironment(string name) : IHostEnvironment
{
    public string EnvironmentName { get; set; } = name;
    public string ApplicationName { get; set; } = "OutlookFollowUp.Api";
    public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
    public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
}
