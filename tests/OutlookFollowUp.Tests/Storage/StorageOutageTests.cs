using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Npgsql;
using OutlookFollowUp.Web;

namespace OutlookFollowUp.Tests.Storage;

/// <summary>A database out of reach is an outage the caller can wait out (503 with Retry-After), never a 500.</summary>
public sealed class StorageOutageTests
{
    [Fact]
    public async Task A_PostgreSQL_server_that_refuses_connections_gets_503_with_Retry_After_not_500()
    {
        await using var host = new UnreachableDatabaseHost(ClosedPort());
        using var client = host.CreateClient();

        foreach (var (method, path) in new[] { (HttpMethod.Get, "/api/threads"), (HttpMethod.Get, "/api/settings"), (HttpMethod.Get, "/api/reminders") })
        {
            using var response = await client.SendAsync(new HttpRequestMessage(method, path));
            var problem = await response.Content.ReadFromJsonAsync<ProblemBody>();

            Assert.Equal((path, HttpStatusCode.ServiceUnavailable), (path, response.StatusCode));
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
            Assert.Equal("The follow-up database is busy or unreachable.", problem?.Title);
            Assert.DoesNotContain("127.0.0.1", problem?.Detail ?? "", StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("53300", true)] // too many connections
    [InlineData("57P03", true)] // cannot connect now (starting up)
    [InlineData("23505", false)] // a unique violation is a bug or a race, not an outage
    [InlineData("42P01", false)] // missing table: a deployment fault, not worth retrying
    public void Which_PostgreSQL_errors_count_as_the_database_being_unavailable(string sqlState, bool transient)
    {
        var wrapped = new InvalidOperationException("EF Core wraps it", new PostgresException("message", "FATAL", "FATAL", sqlState));

        Assert.Equal(transient, StorageFailureHandler.Transient(wrapped) is not null);
    }

    [Fact]
    public void A_busy_or_locked_SQLite_file_counts_as_unavailable_and_a_constraint_failure_does_not()
    {
        Assert.NotNull(StorageFailureHandler.Transient(new SqliteException("database is locked", 5)));
        Assert.NotNull(StorageFailureHandler.Transient(new SqliteException("database table is locked", 6)));
        Assert.Null(StorageFailureHandler.Transient(new SqliteException("UNIQUE constraint failed", 19)));
    }

    private static int ClosedPort()
    {
        // A port that was free a moment ago and is listened on by nobody now: connections to it are refused.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private sealed record ProblemBody(string? Title, string? Detail, int? Status);

    private sealed class UnreachableDatabaseHost(int port)
        : Support.LocalAppFactory(Base64Mailbox.Create(), HardeningHost.Now, "followups-outage-")
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Storage:Provider", "Postgres");
            builder.UseSetting("Storage:MigrateOnStart", "false");
            builder.UseSetting("ConnectionStrings:FollowUps", $"Host=127.0.0.1;Port={port};Database=none;Username=none;Password=none;Timeout=3");
            builder.UseSetting("Sync:BackgroundWorker", "false");
        }
    }
}
