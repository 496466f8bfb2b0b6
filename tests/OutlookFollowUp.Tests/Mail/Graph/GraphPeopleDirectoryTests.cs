using OutlookFollowUp.GraphSimulator;
using OutlookFollowUp.Mail;
using OutlookFollowUp.Mail.Graph;

namespace OutlookFollowUp.Tests.Mail.Graph;

/// <summary>
/// Phone numbers from the user's people data through the real SDK against the in-memory Graph: one <c>$batch</c> of
/// <c>/me/people?$search</c> parts per 20 addresses, the right person, the right number.
/// </summary>
public sealed class GraphPeopleDirectoryTests : IDisposable
{
    private const string Ana = "ana@fabrikam.com";

    private readonly GraphRig _rig = new(o => o.MaxRetries = 2);

    public void Dispose() => _rig.Dispose();

    private IPeopleDirectory People => (IPeopleDirectory)_rig.Reader;

    private int BatchPosts => _rig.Server.Requests.Count(r => r.Method == HttpMethod.Post && r.Uri.AbsolutePath.EndsWith("/$batch", StringComparison.Ordinal));

    private static InMemoryPhone Phone(string type, string number) => new(type, number);

    private void Person(string name, string address, params InMemoryPhone[] phones) => _rig.Mailbox.AddPerson(new(name, [address], phones));

    [Fact]
    public async Task APersonWithABusinessNumber_AnswersIt_WithItsTypeAndName()
    {
        Person("Ana Silva", Ana, Phone("business", "+39 02 1234 5678"));

        var found = await People.GetPhonesAsync([Ana], CancellationToken.None);

        Assert.Equal(new PersonPhone(Ana, "Ana Silva", "+39 02 1234 5678", "business"), found.Answers[Ana]);
        Assert.True(found.Known);
    }

    [Fact]
    public async Task MobileIsPreferred_OverBusiness_AndFaxOrPagerNeverCount()
    {
        Person("Ana Silva", Ana, Phone("businessFax", "+39 02 0000 0001"), Phone("business", "+39 02 1234 5678"), Phone("pager", "+39 02 0000 0002"), Phone("mobile", "+39 333 123 4567"));

        var found = await People.GetPhonesAsync([Ana], CancellationToken.None);

        Assert.Equal(("+39 333 123 4567", "mobile"), (found.Answers[Ana]!.Number, found.Answers[Ana]!.Type));
    }

    [Fact]
    public async Task OnlyFaxAndPagerNumbers_OrNone_AnswerNoPhone()
    {
        Person("Ana Silva", Ana, Phone("businessFax", "+39 02 0000 0001"), Phone("pager", "+39 02 0000 0002"));
        Person("Bob Nguyen", "bob@fabrikam.com");

        var found = await People.GetPhonesAsync([Ana, "bob@fabrikam.com"], CancellationToken.None);

        Assert.Equal([Ana, "bob@fabrikam.com"], found.Answers.Keys.Order(StringComparer.Ordinal));
        Assert.All(found.Answers.Values, Assert.Null);
    }

    [Fact]
    public async Task APersonTheSearchFinds_WhoseAddressDiffers_IsIgnored()
    {
        // Graph's search is fuzzy: "ana@fabrikam.com" also finds Ana Costa, first; only Ana Silva holds the address.
        Person("Ana Costa", "ana.costa@contoso.com", Phone("mobile", "+34 600 000 000"));
        Person("Ana Silva", Ana, Phone("business", "+39 02 1234 5678"));
        Person("Ana Rossi", "ana@fabrikam.com.example", Phone("mobile", "+39 333 000 0000"));

        var found = await People.GetPhonesAsync([Ana, "ANA.COSTA@contoso.com", "nobody@fabrikam.com"], CancellationToken.None);

        Assert.Equal("+39 02 1234 5678", found.Answers[Ana]!.Number);
        Assert.Equal("+34 600 000 000", found.Answers["ana.costa@contoso.com"]!.Number);
        Assert.Null(found.Answers["nobody@fabrikam.com"]);
    }

    [Fact]
    public async Task WithoutPeopleRead_GraphsForbidden_IsTheProductsAccessDenied_NamingPeopleRead()
    {
        Person("Ana Silva", Ana, Phone("mobile", "+39 333 123 4567"));
        _rig.Mailbox.PeopleReadGranted = false;

        var denied = await Assert.ThrowsAsync<MailAccessDeniedException>(() => People.GetPhonesAsync([Ana, "bob@fabrikam.com"], CancellationToken.None));

        Assert.Equal(GraphMailReader.PeoplePermission, denied.RequiredPermission);
        Assert.Equal(1, BatchPosts); // refused for good: not retried
    }

    [Fact]
    public async Task AThrottledPart_IsRetriedAfterItsRetryAfter_AndAnswers()
    {
        Person("Ana Silva", Ana, Phone("mobile", "+39 333 123 4567"));
        Person("Bob Nguyen", "bob@fabrikam.com", Phone("business", "+44 20 7946 0000"));
        _rig.Server.Faults.Next(GraphMatch.Part("\"ana@fabrikam.com\""), Fault.Throttle(1));
        var started = TimeProvider.System.GetTimestamp();

        var found = await People.GetPhonesAsync([Ana, "bob@fabrikam.com"], CancellationToken.None);

        Assert.Equal(("+39 333 123 4567", "+44 20 7946 0000"), (found.Answers[Ana]!.Number, found.Answers["bob@fabrikam.com"]!.Number));
        Assert.Equal((2, 3), (BatchPosts, _rig.Server.BatchParts.Count));
        Assert.True(TimeProvider.System.GetElapsedTime(started) >= TimeSpan.FromSeconds(1), "the retry waited for the part's Retry-After");
    }

    [Fact]
    public async Task APartStillThrottledAfterTheRounds_IsAbsent_TheOthersAnswer()
    {
        Person("Bob Nguyen", "bob@fabrikam.com", Phone("business", "+44 20 7946 0000"));
        _rig.Server.Faults.Next(GraphMatch.Part("\"ana@fabrikam.com\""), Fault.Throttle(0), times: 10);

        var found = await People.GetPhonesAsync([Ana, "bob@fabrikam.com"], CancellationToken.None);

        Assert.Equal(["bob@fabrikam.com"], found.Answers.Keys);
    }

    [Fact]
    public async Task EveryPartStillThrottled_IsTheProductsUnavailable()
    {
        _rig.Server.Faults.Next(GraphMatch.Part("/me/people"), Fault.Throttle(0), times: 10);

        var busy = await Assert.ThrowsAsync<MailUnavailableException>(() => People.GetPhonesAsync([Ana], CancellationToken.None));

        Assert.Equal(MailUnavailableReason.Throttled, busy.Reason);
    }

    [Fact]
    public async Task TwentyAddresses_CostOneBatchRequest()
    {
        var addresses = Enumerable.Range(0, 20).Select(i => $"person{i}@fabrikam.com").ToList();
        foreach (var address in addresses)
        {
            Person($"Person {address[6..address.IndexOf('@', StringComparison.Ordinal)]}", address, Phone("mobile", "+39 333 000 0000"));
        }

        var found = await People.GetPhonesAsync(addresses, CancellationToken.None);

        Assert.Equal((1, 1, 20), (_rig.Attempts, BatchPosts, found.Answers.Values.Count(p => p is not null)));
    }

    [Fact]
    public async Task MoreThanTwentyAddresses_AreSplitIntoBatchesOfTwenty()
    {
        var addresses = Enumerable.Range(0, 45).Select(i => $"person{i}@fabrikam.com").ToList();
        foreach (var address in addresses)
        {
            Person($"Person {address[6..address.IndexOf('@', StringComparison.Ordinal)]}", address, Phone("business", "+39 02 0000 0000"));
        }

        var found = await People.GetPhonesAsync(addresses, CancellationToken.None);

        Assert.Equal((3, 3, 45), (BatchPosts, _rig.Attempts, found.Answers.Values.Count(p => p is not null)));
        Assert.All(_rig.Server.BatchParts, p => Assert.StartsWith("GET /me/people?", p, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnAppOnlyReader_AnswersUnknown_WithoutAskingGraph()
    {
        Person("Ana Silva", Ana, Phone("mobile", "+39 333 123 4567"));
        var appOnly = (IPeopleDirectory)_rig.Factory.CreateReader("user-2", userId: "00000000-0000-0000-0000-000000000002");

        var found = await appOnly.GetPhonesAsync([Ana], CancellationToken.None);

        Assert.Equal((false, 0), (found.Known, found.Answers.Count));
        Assert.Empty(_rig.Server.Requests);
    }
}
