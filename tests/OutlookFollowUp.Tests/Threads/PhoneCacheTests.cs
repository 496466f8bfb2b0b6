using OutlookFollowUp.Mail;
using OutlookFollowUp.Storage;
using OutlookFollowUp.Threads;

namespace OutlookFollowUp.Tests.Threads;

/// <summary>The people data's answers in the app's shared cache: found by another instance, for the same user only, for an hour.</summary>
[Trait("Needs", "Postgres")]
public sealed class PhoneCacheTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Theory, OnSqlite, OnPostgres]
    public async Task An_answer_is_found_by_another_instance_for_the_same_user_only_and_for_an_hour(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var one = new PhoneCache(InstanceCache.Over(db), db.Time);
        var two = new PhoneCache(InstanceCache.Over(db), db.Time);
        var bob = new PersonPhone("bob@tailspin.example", "Bob Nguyen", "+44 20 7946 0000", "business");
        await one.SetAsync("tenant:user-a", bob.Address, bob, Ct);
        await one.SetAsync("tenant:user-a", "dan@tailspin.example", null, Ct);

        var found = (await two.GetAsync("tenant:user-a", bob.Address, Ct), await two.GetAsync("tenant:user-a", "dan@tailspin.example", Ct));
        var otherUser = await two.GetAsync("tenant:user-b", bob.Address, Ct);
        db.Time.Advance(PhoneCache.Lifetime);
        var anHourLater = (await one.GetAsync("tenant:user-a", bob.Address, Ct), await two.GetAsync("tenant:user-a", bob.Address, Ct));

        Assert.Equal(((true, bob), (true, (PersonPhone?)null)), found);
        Assert.Equal((false, (PersonPhone?)null), otherUser);
        Assert.Equal(((false, (PersonPhone?)null), (false, (PersonPhone?)null)), anHourLater);
    }
}
