using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OutlookFollowUp.GraphSimulator;
using OutlookFollowUp.Local;

namespace OutlookFollowUp.Tests.Mail;

/// <summary>POST /api/threads/{threadKey}/draft against the sample mailbox in local mode.</summary>
public class DraftApiTests
{
    internal static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    internal const string Offsite = "Budget numbers for the offsite";

    [Fact]
    public async Task Draft_CreatesAReplyAllDraftInDrafts_WithTheCommentHtmlEncoded()
    {
        var mailbox = SampleMailbox.Create(Now);
        using var host = new LocalApiHost(mailbox, Now);
        using var client = host.CreateClient();
        var offsite = await ThreadAsync(host, Offsite);

        using var response = await PostAsync(client, offsite.ThreadKey, new { messageId = offsite.MessageId, comment = "Hi <b>Bob</b> & Carla,\n\nAny news?" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var draft = mailbox.Find((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("draftId").GetString()!)!;
        Assert.Equal(
            (1, "RE: " + Offsite, offsite.ThreadKey, "Hi &lt;b&gt;Bob&lt;/b&gt; &amp; Carla,<br><br>Any news?"),
            (mailbox.Count("drafts"), (string?)draft["subject"], (string?)draft["conversationId"], (string?)draft["body"]!["content"]));
    }

    [Fact]
    public async Task Draft_DoesNotCloseTheThread_WhileUnsent()
    {
        using var host = new LocalApiHost(SampleMailbox.Create(Now), Now);
        using var client = host.CreateClient();
        var offsite = await ThreadAsync(host, Offsite);
        using var response = await PostAsync(client, offsite.ThreadKey, new { messageId = offsite.MessageId, comment = "Any news?" });

        var after = await host.SyncAsync();

        Assert.Contains(after.Threads, t => t.ThreadKey == offsite.ThreadKey);
    }

    [Fact]
    public async Task Draft_MessageDeletedSinceTheSync_Is404ProblemDetails()
    {
        var mailbox = SampleMailbox.Create(Now);
        using var host = new LocalApiHost(mailbox, Now);
        using var client = host.CreateClient();
        var offsite = await ThreadAsync(host, Offsite);
        mailbox.Remove("sentitems", offsite.MessageId);

        using var response = await PostAsync(client, offsite.ThreadKey, new { messageId = offsite.MessageId, comment = "Any news?" });

        await AssertNotFoundAsync(response, mailbox, "Message not found.");
    }

    [Fact]
    public async Task Draft_GraphUnavailable_Is503ProblemDetails_WithRetryAfter()
    {
        using var host = new LocalApiHost(SampleMailbox.Create(Now), Now);
        using var client = host.CreateClient();
        var offsite = await ThreadAsync(host, Offsite);
        host.Graph.Faults.Next(GraphMatch.Url("createReplyAll"), Fault.Unavailable(0), times: 1000);

        using var response = await PostAsync(client, offsite.ThreadKey, new { messageId = offsite.MessageId, comment = "Any news?" });

        Assert.Equal((HttpStatusCode.ServiceUnavailable, "application/problem+json", true),
            (response.StatusCode, response.Content.Headers.ContentType?.MediaType, response.Headers.RetryAfter is not null));
    }

    [Fact]
    public async Task Draft_WithoutMailReadWrite_Is403ProblemDetails_NamingThePermission()
    {
        using var host = new LocalApiHost(SampleMailbox.Create(Now), Now);
        using var client = host.CreateClient();
        var offsite = await ThreadAsync(host, Offsite);
        host.Graph.Faults.Next(GraphMatch.Url("createReplyAll"), Fault.Status(HttpStatusCode.Forbidden));

        using var response = await PostAsync(client, offsite.ThreadKey, new { messageId = offsite.MessageId, comment = "Any news?" });

        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((HttpStatusCode.Forbidden, "application/problem+json", "Mail.ReadWrite"),
            (response.StatusCode, response.Content.Headers.ContentType?.MediaType, problem.GetProperty("permission").GetString()));
        Assert.Contains("Mail.ReadWrite", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    internal static async Task<ThreadBody> ThreadAsync(LocalApiHost host, string subject) =>
        (await host.ThreadsAsync()).Threads.Single(t => t.Subject == subject);

    internal static Task<HttpResponseMessage> PostAsync(HttpClient client, string threadKey, object body) =>
        client.PostAsJsonAsync($"/api/threads/{Uri.EscapeDataString(threadKey)}/draft", body);

    internal static async Task AssertNotFoundAsync(HttpResponseMessage response, InMemoryMailbox mailbox, string title = "Conversation not found.")
    {
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((HttpStatusCode.NotFound, "application/problem+json", title, 0),
            (response.StatusCode, response.Content.Headers.ContentType?.MediaType, problem.GetProperty("title").GetString(), mailbox.Count("drafts")));
    }
}

/// <summary>
/// The draft requests that must change nothing share one host (they assert that no draft was made); the ones that
/// create drafts or break Graph keep their own. An unexpected Graph request still fails the class when the host goes.
/// </summary>
public sealed class DraftRefusalTests(DraftRefusalTests.Host host) : IClassFixture<DraftRefusalTests.Host>
{
    [Fact]
    public async Task Draft_UnknownThread_Is404ProblemDetails_AndCreatesNothing()
    {
        var offsite = await host.OffsiteAsync();

        using var response = await DraftApiTests.PostAsync(host.Client, "AAQkSample-nope=", new { messageId = offsite.MessageId, comment = "Any news?" });

        await DraftApiTests.AssertNotFoundAsync(response, host.Mailbox);
    }

    [Fact]
    public async Task Draft_MessageThatIsNotTheThreadsLast_Is404ProblemDetails_AndCreatesNothing()
    {
        var offsite = await host.OffsiteAsync();
        var other = (await host.Api.ThreadsAsync()).Threads.First(t => t.ThreadKey != offsite.ThreadKey);

        using var response = await DraftApiTests.PostAsync(host.Client, offsite.ThreadKey, new { messageId = other.MessageId, comment = "Any news?" });

        await DraftApiTests.AssertNotFoundAsync(response, host.Mailbox, "Message not found.");
    }

    [Theory]
    [InlineData(null, "Any news?", "messageId")]
    [InlineData("", "Any news?", "messageId")]
    [InlineData("OVERSIZED", "Any news?", "messageId")]
    [InlineData("ID", null, "comment")]
    [InlineData("ID", "", "comment")]
    [InlineData("ID", "OVERSIZED", "comment")]
    public async Task Draft_MissingOrOversizedField_Is400ValidationProblem_AndCreatesNothing(string? messageId, string? comment, string field)
    {
        var (mailbox, client, offsite) = (host.Mailbox, host.Client, await host.OffsiteAsync());
        messageId = messageId switch { "ID" => offsite.MessageId, "OVERSIZED" => new string('a', 1025), _ => messageId };
        comment = comment == "OVERSIZED" ? new string('a', 4001) : comment;

        using var response = await DraftApiTests.PostAsync(client, offsite.ThreadKey, new { messageId, comment });

        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((HttpStatusCode.BadRequest, "application/problem+json", true, 0),
            (response.StatusCode, response.Content.Headers.ContentType?.MediaType, problem.GetProperty("errors").TryGetProperty(field, out _), mailbox.Count("drafts")));
    }

    /// <summary>One local-mode app on the sample mailbox for the whole class.</summary>
    public sealed class Host : IDisposable
    {
        public Host()
        {
            Mailbox = SampleMailbox.Create(DraftApiTests.Now);
            Api = new LocalApiHost(Mailbox, DraftApiTests.Now);
            Client = Api.CreateClient();
        }

        public InMemoryMailbox Mailbox { get; }

        public LocalApiHost Api { get; }

        public HttpClient Client { get; }

        public Task<ThreadBody> OffsiteAsync() => DraftApiTests.ThreadAsync(Api, DraftApiTests.Offsite);

        public void Dispose()
        {
            Client.Dispose();
            Api.Dispose();
        }
    }
}
