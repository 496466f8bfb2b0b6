using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OutlookFollowUp.Local;
using OutlookFollowUp.MailIndex;
using OutlookFollowUp.Storage;

namespace OutlookFollowUp.Tests.MailIndex;

public sealed class ThreadIndexSetupTests : IDisposable
{
    private readonly string contentRoot = Path.Combine(Path.GetTempPath(), $"followups-root-{Guid.NewGuid():N}");

    [Fact]
    public async Task Start_PostgresWithoutConnectionString_FailsNamingTheSetting()
    {
        using var host = Build(new() { ["Storage:Provider"] = "Postgres" });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("ConnectionStrings:FollowUps", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_NoConfiguration_CreatesTheSqliteFileInAppData()
    {
        using var host = Build([]);

        await host.StartAsync();
        await host.StopAsync();

        Assert.True(File.Exists(Path.Combine(contentRoot, "App_Data", "followups.db")));
    }

    [Fact]
    public async Task Start_Twice_IndexIsUsableAfterwards()
    {
        using (var first = Build([]))
        {
            await first.StartAsync();
            await first.StopAsync();
        }

        using var second = Build([]);
        await second.StartAsync();
        await using var scope = second.Services.CreateAsyncScope();
        var state = await scope.ServiceProvider.GetRequiredService<IThreadIndex>().GetStateAsync(LocalMode.SampleUserKey, CancellationToken.None);
        await second.StopAsync();

        Assert.Null(state);
    }

    private IHost Build(Dictionary<string, string?> settings)
    {
        Directory.CreateDirectory(contentRoot);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = contentRoot });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddStorage(builder.Configuration);
        builder.Services.AddScoped<IThreadIndex, ThreadIndex>();
        return builder.Build();
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(contentRoot, recursive: true);
    }
}
