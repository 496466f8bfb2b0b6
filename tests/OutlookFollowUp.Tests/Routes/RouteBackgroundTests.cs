using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using OutlookFollowUp.Mail;
using OutlookFollowUp.MailIndex;
using OutlookFollowUp.Routes;
using static OutlookFollowUp.Tests.Routes.RoutesMailbox;

namespace OutlookFollowUp.Tests.Routes;

/// <summary>
/// A Teams answer brings no mail: the background rounds sync mailboxes with open reminders every background interval,
/// notifications or not, so the routes are checked with the pane closed (a mailbox without reminders waits for the
/// pane: its subscriptions' renewals only); and DELETE /api/me erases what the checks stored.
/// </summary>
public sealed class RouteBackgroundTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 18, 11, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task With_the_pane_closed_a_Teams_answer_leaves_the_index_within_the_background_interval()
    {
        var mailbox = Create(Now);
        using var host = new LocalApiHost(mailbox, Now);
        await host.ThreadsAsync();
        using (var client = host.CreateClient())
        using (var created = await client.PostAsJsonAsync("/api/reminders", new { messageId = "AAMkRoutes001=", afterHours = 24 }))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        mailbox.PostChatMessage(BenChat, BenId, Now.AddMinutes(1));
        var interval = host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<BackgroundOptions>>().Value.BackgroundInterval;
        host.Clock.Advance(interval + TimeSpan.FromMinutes(1));

        await WaitUntilAsync(async () => !(await ThreadsAsync(host)).Contains("Contract"));
    }

    [Fact]
    public async Task Delete_me_erases_the_route_facts()
    {
        var mailbox = Create(Now);
        mailbox.PostChatMessage(BenChat, BenId, Now.AddHours(-1));
        using var host = new LocalApiHost(mailbox, Now);
        await host.ThreadsAsync();
        Assert.NotNull(await FactsAsync(host));

        using var client = host.CreateClient();
        using var deleted = await client.DeleteAsync(new Uri("/api/me", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Null(await FactsAsync(host));
    }

    private static async Task<RouteSnapshot?> FactsAsync(LocalApiHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IRouteStore>().GetAsync(OutlookFollowUp.Local.LocalMode.SampleUserKey, CancellationToken.None);
    }

    /// <summary>The index as the last sync left it, read without a request (a request would sync).</summary>
    private static async Task<IReadOnlyList<string>> ThreadsAsync(LocalApiHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var threads = await scope.ServiceProvider.GetRequiredService<IThreadIndex>().GetThreadsAsync(OutlookFollowUp.Local.LocalMode.SampleUserKey, null, CancellationToken.None);
        return [.. threads.Threads.Select(t => t.Subject)];
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> done)
    {
        var clock = Stopwatch.StartNew();
        while (!await done())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), "the background worker did not get there in 20 s");
            await Task.Delay(50);
        }
    }
}
