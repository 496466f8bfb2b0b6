using OutlookFollowUp.FollowUps;

namespace OutlookFollowUp.Tests.Mail.Mime;

public sealed class AddressMappingTests
{
    [Fact]
    public void From_IsLowerCasedAddressWithItsDisplayName()
    {
        var record = OneMessage.Read(Eml.Message().Without("From").Header("From", "\"Ana Pérez\" <  Ana.Perez@Example.ORG >"));

        Assert.Equal(("ana.perez@example.org", "Ana Pérez"), (record.From, record.FromName));
    }

    [Fact]
    public void From_WithSeveralMailboxes_IsTheFirst()
    {
        var record = OneMessage.Read(Eml.Message().Without("From").Header("From", "a@example.org, b@example.org"));

        Assert.Equal("a@example.org", record.From);
    }

    [Fact]
    public void From_Absent_FallsBackToSender()
    {
        var record = OneMessage.Read(Eml.Message().Without("From").Header("Sender", "List Bot <BOT@lists.example.org>"));

        Assert.Equal(("bot@lists.example.org", "List Bot"), (record.From, record.FromName));
    }

    [Fact]
    public void From_AbsentWithoutSender_IsEmpty()
    {
        var record = OneMessage.Read(Eml.Message().Without("From"));

        Assert.Equal(("", null), (record.From, record.FromName));
    }

    [Fact]
    public void To_GroupAddresses_AreExpanded()
    {
        var record = OneMessage.Read(Eml.Message().Without("To").Header("To", "Team: x@example.org, Y <y@example.org>;, z@example.org"));

        Assert.Equal(["x@example.org", "y@example.org", "z@example.org"], record.To.Select(a => a.Address));
    }

    [Fact]
    public void To_DuplicatesInAnyCase_AreKeptOnceWithTheFirstName()
    {
        var record = OneMessage.Read(Eml.Message().Without("To").Header("To", "Bo <BO@example.org>, bo@example.org, Other <Bo@Example.org>"));

        Assert.Equal([new MailAddress("bo@example.org", "Bo")], record.To);
    }

    [Fact]
    public void To_EmptyGroup_GivesNoAddresses()
    {
        var record = OneMessage.Read(Eml.Message().Without("To").Header("To", "undisclosed-recipients:;"));

        Assert.Empty(record.To);
    }

    [Fact]
    public void Cc_SeveralCcHeaders_AreAllRead()
    {
        var record = OneMessage.Read(Eml.Message().Header("Cc", "Bob <bob@example.org>").Header("cc", "Charles <CHARLES@example.org>"));

        Assert.Equal(["bob@example.org", "charles@example.org"], record.Cc.Select(a => a.Address));
    }

    [Fact]
    public void Cc_GroupAndMailbox_AreFlattenedLowerCased()
    {
        var record = OneMessage.Read(Eml.Message().Header("Cc", "Ops: P@Example.org;, Q <Q@example.org>"));

        Assert.Equal([new MailAddress("p@example.org"), new MailAddress("q@example.org", "Q")], record.Cc);
    }
}
