using System.Text;

namespace OutlookFollowUp.Tests.Local;

/// <summary>The built API started with a pasted token, as a person would: a token that cannot work is said at start, in one line.</summary>
public sealed class PastedTokenStartTests : IDisposable
{
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("followups-token-start-");

    public static TheoryData<string, string?> Tokens => new()
    {
        { Jwt(DateTimeOffset.UtcNow.AddHours(-2)), "The pasted Graph token expired at " },
        { "Bearer " + Jwt(DateTimeOffset.UtcNow.AddHours(1)), "The pasted Graph token is not a token: it holds a space" },
        { "paste-here", "The pasted Graph token is not a token: it is 10 characters long" },
        { Jwt(DateTimeOffset.UtcNow.AddHours(1)), null },
    };

    [Theory]
    [MemberData(nameof(Tokens))]
    public async Task A_token_that_cannot_work_is_said_at_start_in_one_line(string token, string? said)
    {
        var (code, stdout, stderr) = await RepositoryFiles.RunAsync("dotnet", [Path.Combine(RepositoryFiles.ApiOutput, "OutlookFollowUp.Api.dll")],
            RepositoryFiles.ApiOutput, new Dictionary<string, string?>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
                ["AzureAd__ClientId"] = null,
                ["Graph__AccessToken"] = token,
                ["Storage__DataFolder"] = _data.FullName,
            }, timeoutSeconds: 60, until: "/taskpane.html");

        Assert.True(code == -1 && stdout.StartsWith("Your mailbox (pasted token) — open", StringComparison.Ordinal), $"{code}: {stdout}\n{stderr}");
        if (said is null)
        {
            Assert.Equal("", stderr);
        }
        else
        {
            Assert.True(stderr.Split('\n') is [var line] && line.StartsWith(said, StringComparison.Ordinal) && !line.Contains(token, StringComparison.Ordinal), stderr);
        }
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _data.Delete(recursive: true);
    }

    private static string Jwt(DateTimeOffset expires) =>
        $"{Part("""{"typ":"JWT","alg":"RS256"}""")}.{Part($$"""{"tid":"tenant-1","oid":"object-1","exp":{{expires.ToUnixTimeSeconds()}},"scp":"Mail.Read MailboxSettings.Read","padding":"{{new string('x', 80)}}"}""")}.c2lnbmF0dXJl";

    private static string Part(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
