using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using OutlookFollowUp.GraphSimulator;
using OutlookFollowUp.Mail.Graph;

namespace OutlookFollowUp.Tests.Support;

/// <summary>
/// The real app in local mode (no Entra ID configuration), on its own SQLite folder, with a fake clock and the fake Graph
/// server as its only Graph transport. Any Graph request the fake was not prepared for fails the test on dispose.
/// </summary>
public abstract class LocalAppFactory : WebApplicationFactory<Program>
{
    private readonly string _dataFolder;
    private readonly bool _ownsFolder;
    private bool _disposed;

    /// <param name="sharing">Another host whose SQLite file this one uses too (a second instance of the app); it owns the folder.</param>
    protected LocalAppFactory(InMemoryMailbox mailbox, DateTimeOffset now, string folderPrefix, LocalAppFactory? sharing = null)
    {
        _ownsFolder = sharing is null;
        _dataFolder = sharing?.DataFolder ?? Directory.CreateTempSubdirectory(folderPrefix).FullName;
        Clock = new FakeTimeProvider(now);
        Graph = new InMemoryGraphHandler(mailbox);
    }

    public FakeTimeProvider Clock { get; }

    public InMemoryGraphHandler Graph { get; }

    /// <summary>Where the app keeps its SQLite file (and its WAL).</summary>
    public string DataFolder => _dataFolder;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Storage:DataFolder", _dataFolder);
        builder.UseSetting("Graph:PageSize", "50");
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            services.AddHttpClient(GraphHttp.ClientName).ConfigurePrimaryHttpMessageHandler(() => Graph);
        });
    }

    /// <summary>Runs once (WebApplicationFactory disposes through both paths).</summary>
    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && !_disposed)
        {
            _disposed = true;
            DisposeOwned();
            Graph.Dispose();
            if (_ownsFolder && Directory.Exists(_dataFolder))
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                Directory.Delete(_dataFolder, recursive: true);
            }

            Assert.True(Graph.Problems.Count == 0, string.Join("\n", Graph.Problems));
        }
    }

    /// <summary>What a derived host owns besides the app (its HTTP client, say).</summary>
    protected virtual void DisposeOwned()
    {
    }
}
