using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OutlookFollowUp.GraphSimulator;
using static OutlookFollowUp.Tests.Threads.LadderMailbox;

namespace OutlookFollowUp.Tests.Threads;

/// <summary>
/// GET /api/threads/{threadKey}/phones in local mode on <see cref="LadderMailbox"/>, the people data in the in-memory
/// Graph: Ana and Carla have mobiles, Bob a business number, Dan only a fax.
/// </summary>
public sealed class ThreadPhonesTests
{
    private static InMemoryMailbox Mailbox()
    {
        var mailbox = Create();
        mailbox.AddPerson(new("Ana Silva", [Ana.Address], [new("mobile", "+39 333 123 4567")]));
        mailbox.AddPerson(new("Bob Nguyen", [Bob.Address], [new("businessFax", "+44 20 7946 0001"), new("business", "+44 20 7946 0000")]));
        mailbox.AddPerson(new("Carla J.", [Carla.Address], [new("mobile", "+1 425 555 0100")]));
        mailbox.AddPerson(new("Dan Park", [Dan.Address], [new("businessFax", "+1 425 555 0199")]));
        return mailbox;
    }

    private static async Task<HttpResponseMessage> PhonesAsync(HttpClient client, string subject) =>
        await client.GetAsync($"/api/threads/{Uri.EscapeDataString((await RowAsync(client, subject)).GetProperty("threadKey").GetString()!)}/phones");

    private static int PeopleSearches(LocalApiHost host) => host.Graph.BatchParts.Count(p => p.StartsWith("GET /me/people?", StringComparison.Ordinal));

    [Fact]
    public async Task OwnThread_AnswersTheWaitedOnPersonsBestNumber()
    {
        using var host = new LocalApiHost(Mailbox(), Now);
        using var client = host.CreateClient();

        using var response = await PhonesAsync(client, "Twice");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"phones":[{"address":"bob@tailspin.example","name":"Bob Nguyen","number":"+44 20 7946 0000","type":"business"}]}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task GroupThread_AsksOnlyForThoseWaitedOn_InOneBatchRequest()
    {
        using var host = new LocalApiHost(Mailbox(), Now);
        using var client = host.CreateClient();
        var row = await RowAsync(client, "Offsite");
        var batchesBefore = host.Graph.Requests.Count(r => r.Uri.AbsolutePath.EndsWith("/$batch", StringComparison.Ordinal));

        using var response = await client.GetAsync($"/api/threads/{Uri.EscapeDataString(row.GetProperty("threadKey").GetString()!)}/phones");

        // Ana answered: only Bob, Carla and Dan are asked about; Dan has only a fax, so no number.
        var phones = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("phones").EnumerateArray()
            .Select(p => $"{p.GetProperty("name").GetString()} {p.GetProperty("number").GetString()} {p.GetProperty("type").GetString()}").ToList();
        Assert.Equal(["Bob Nguyen +44 20 7946 0000 business", "Carla J. +1 425 555 0100 mobile"], phones);
        Assert.Equal(3, PeopleSearches(host));
        Assert.Equal(1, host.Graph.Requests.Count(r => r.Uri.AbsolutePath.EndsWith("/$batch", StringComparison.Ordinal)) - batchesBefore);
    }

    [Fact]
    public async Task AnswersAreCachedPerAddress_ForAnHour()
    {
        using var host = new LocalApiHost(Mailbox(), Now);
        using var client = host.CreateClient();

        (await PhonesAsync(client, "Twice")).Dispose();
        (await PhonesAsync(client, "Twice")).Dispose();
        var withinTheHour = PeopleSearches(host);
        host.Clock.Advance(TimeSpan.FromMinutes(61));
        (await PhonesAsync(client, "Twice")).Dispose();

        Assert.Equal((1, 2), (withinTheHour, PeopleSearches(host)));
    }

    [Fact]
    public async Task AnswersOneInstanceLookedUp_AreFoundByAnotherSharingTheDatabase_NoNumberToo()
    {
        var mailbox = Mailbox();
        using var first = new LocalApiHost(mailbox, Now);
        using var second = new LocalApiHost(mailbox, Now, sharing: first);
        using var one = first.CreateClient();
        using var two = second.CreateClient();

        // Offsite waits on Bob, Carla and Dan (only a fax: "no number" is an answer too).
        using var fromFirst = await PhonesAsync(one, "Offsite");
        using var fromSecond = await PhonesAsync(two, "Offsite");

        Assert.Equal(await fromFirst.Content.ReadAsStringAsync(), await fromSecond.Content.ReadAsStringAsync());
        Assert.Equal((3, 0), (PeopleSearches(first), PeopleSearches(second)));
    }

    [Fact]
    public async Task DeleteMe_ForgetsThePhonesKept_InTheSharedTable_SoNoInstanceFindsThem()
    {
        var mailbox = Mailbox();
        using var first = new LocalApiHost(mailbox, Now);
        using var second = new LocalApiHost(mailbox, Now, sharing: first);
        using var one = first.CreateClient();
        using var two = second.CreateClient();
        using (await PhonesAsync(one, "Offsite"))
        {
        }

        var keptBefore = await KeptPhonesAsync(first);
        using var deleted = await one.DeleteAsync(new Uri("/api/me", UriKind.Relative));
        var keptAfter = await KeptPhonesAsync(first);
        using var again = await PhonesAsync(two, "Offsite");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal((3, 0), (keptBefore, keptAfter));
        // The other instance finds nothing kept either: it asks the people data again.
        Assert.Equal(3, PeopleSearches(second));
    }

    /// <summary>The phone answers in the shared table (token_cache), all users' (the local user is the only one here).</summary>
    private static async Task<int> KeptPhonesAsync(LocalApiHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OutlookFollowUp.Storage.FollowUpDbContext>();
        return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(
            db.Set<OutlookFollowUp.Auth.TokenCacheRow>(), r => r.Id.StartsWith("phones:"));
    }

    [Fact]
    public async Task WithoutPeopleRead_AnswersNoPhones_AndSaysWhy()
    {
        var mailbox = Mailbox();
        mailbox.PeopleReadGranted = false;
        using var host = new LocalApiHost(mailbox, Now);
        using var client = host.CreateClient();

        using var response = await PhonesAsync(client, "Ladder");

        Assert.Equal((HttpStatusCode.OK, """{"phones":[],"unavailable":"people_read_missing"}"""), (response.StatusCode, await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task GraphStillThrottling_IsA503WithRetryAfter_NeverA500()
    {
        using var host = new LocalApiHost(Mailbox(), Now);
        using var client = host.CreateClient();
        host.Graph.Faults.Next(GraphMatch.Part("/me/people"), Fault.Throttle(0), times: 50);

        using var response = await PhonesAsync(client, "Ladder");

        Assert.Equal((HttpStatusCode.ServiceUnavailable, "application/problem+json", true),
            (response.StatusCode, response.Content.Headers.ContentType?.MediaType, response.Headers.RetryAfter is not null));
    }

    [Fact]
    public async Task AThreadWaitingOnYou_HasNobodyToCall_AndAsksGraphNothing()
    {
        using var host = new LocalApiHost(Mailbox(), Now);
        using var client = host.CreateClient();

        using var response = await PhonesAsync(client, "Question");

        Assert.Equal((HttpStatusCode.OK, """{"phones":[]}""", 0), (response.StatusCode, await response.Content.ReadAsStringAsync(), PeopleSearches(host)));
    }

    [Theory]
    [InlineData("no-such-thread", HttpStatusCode.NotFound)]
    [InlineData("AAQkLadder-ladder%3D%07x", HttpStatusCode.BadRequest)]
    [InlineData("%E2%80%AEevil", HttpStatusCode.BadRequest)]
    public async Task AKeyThatIsNotOneOfYourThreads_IsProblemDetails_NotA500(string key, HttpStatusCode expected)
    {
        using var host = new LocalApiHost(Mailbox(), Now);
        using var client = host.CreateClient();
        await RowAsync(client, "Ladder"); // the index is synced

        using var response = await client.GetAsync($"/api/threads/{key}/phones");

        Assert.Equal((expected, "application/problem+json", 0), (response.StatusCode, response.Content.Headers.ContentType?.MediaType, PeopleSearches(host)));
    }
}

/// <summary>With Entra ID: another user's thread is not found, and nothing is asked of Graph on its behalf.</summary>
public sealed class ThreadPhonesIsolationTests(ApiApplication app) : IClassFixture<ApiApplication>
{
    [Fact]
    public async Task AnotherUsersThread_Is404ProblemDetails_AsForTheDraft()
    {
        await app.SeedThreadAsync(ApiTestKit.UserAKey, "phones-of-a", app.Time.GetUtcNow().AddDays(-3));
        using var b = app.CreateClient(TestTokens.UserB);

        using var response = await b.GetAsync("/api/threads/phones-of-a/phones");

        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((HttpStatusCode.NotFound, "application/problem+json", "Conversation not found."),
            (response.StatusCode, response.Content.Headers.ContentType?.MediaType, problem.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task WithoutAToken_Is401()
    {
        using var anonymous = app.CreateClient(token: null);

        using var response = await anonymous.GetAsync("/api/threads/phones-of-a/phones");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
