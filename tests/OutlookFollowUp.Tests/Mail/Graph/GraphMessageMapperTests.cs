using Microsoft.Graph.Models;
using OutlookFollowUp.Mail.Graph;

namespace OutlookFollowUp.Tests.Mail.Graph;

public sealed class GraphMessageMapperTests
{
    private static readonly DateTimeOffset Sent = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);

    private static Message Message(List<InternetMessageHeader>? headers = null, List<SingleValueLegacyExtendedProperty>? properties = null) => new()
    {
        Id = "id-1",
        From = new Recipient { EmailAddress = new EmailAddress { Address = "Me@Contoso.COM", Name = "Me" } },
        ToRecipients = [new Recipient { EmailAddress = new EmailAddress { Address = "Ana@Fabrikam.com" } }],
        SentDateTime = Sent,
        ReceivedDateTime = Sent.AddMinutes(2),
        InternetMessageHeaders = headers,
        SingleValueExtendedProperties = properties,
    };

    [Fact]
    public void Sent_items_are_dated_by_sent_time_and_inbound_mail_by_received_time()
    {
        Assert.Equal(Sent, GraphMessageMapper.Map(Message(), sentByMe: true).Date);
        Assert.Equal(Sent.AddMinutes(2), GraphMessageMapper.Map(Message(), sentByMe: false).Date);
    }

    [Fact]
    public void Addresses_are_lower_cased()
    {
        var record = GraphMessageMapper.Map(Message(), sentByMe: true);

        Assert.Equal(("me@contoso.com", "ana@fabrikam.com"), (record.From, record.To[0].Address));
    }

    [Fact]
    public void Sent_items_without_headers_take_threading_ids_and_class_from_mapi_properties_in_graphs_spelling()
    {
        var record = GraphMessageMapper.Map(Message(properties:
        [
            new() { Id = "String 0x1a", Value = "IPM.Note.Rules.OofTemplate.Microsoft" },
            new() { Id = "String 0x1042", Value = "<a@x>" },
            new() { Id = "String 0x1039", Value = "<r1@x> <r2@x>" },
        ]), sentByMe: true);

        Assert.Equal("IPM.Note.Rules.OofTemplate.Microsoft", record.Facts.MessageClass);
        Assert.Equal(["<a@x>"], record.InReplyTo);
        Assert.Equal(["<r1@x>", "<r2@x>"], record.References);
    }

    [Fact]
    public void Inbound_header_facts_are_read()
    {
        var record = GraphMessageMapper.Map(Message(headers:
        [
            new() { Name = "auto-submitted", Value = "auto-replied" },
            new() { Name = "X-MS-Exchange-Inbox-Rules-Loop", Value = "me@contoso.com" },
            new() { Name = "List-Unsubscribe", Value = "<mailto:u@x>" },
            new() { Name = "Precedence", Value = "bulk" },
            new() { Name = "Content-Type", Value = "Multipart/Report; report-type=delivery-status" },
            new() { Name = "Thread-Index", Value = "AQHZ" },
            new() { Name = "In-Reply-To", Value = "<h@x>" },
        ]), sentByMe: false);

        Assert.Equal("auto-replied", record.Facts.AutoSubmitted);
        Assert.True(record.Facts.AutoReplyHeader);
        Assert.True(record.Facts.ListUnsubscribe);
        Assert.Equal("bulk", record.Facts.Precedence);
        Assert.Equal("multipart/report", record.Facts.ContentType);
        Assert.Equal(Convert.FromBase64String("AQHZ"), record.ThreadIndex);
        Assert.Equal(["<h@x>"], record.InReplyTo);
    }

    [Fact]
    public void An_undecodable_thread_index_is_null_not_an_error()
    {
        var record = GraphMessageMapper.Map(Message(headers: [new() { Name = "Thread-Index", Value = "not base64!" }]), sentByMe: false);

        Assert.Null(record.ThreadIndex);
    }
}
