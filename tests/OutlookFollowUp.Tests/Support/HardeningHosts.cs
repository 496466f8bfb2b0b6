using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using OutlookFollowUp.GraphSimulator;

namespace OutlookFollowUp.Tests.Support;

/// <summary>Local mode on TestServer (<see cref="Kestrel"/> false) or on real Kestrel at 127.0.0.1, which passes raw request targets through untouched.</summary>
public sealed class HardeningHost : LocalAppFactory
{
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    public HardeningHost(InMemoryMailbox mailbox, bool kestrel)
        : base(mailbox, Now, "followups-hardening-")
    {
        if (kestrel)
        {
            UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
            StartServer();
            BaseUrl = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        }
    }

    public Uri? BaseUrl { get; }

    /// <summary>A client for either server, addressed as the browser would (localhost on TestServer, 127.0.0.1:port on Kestrel).</summary>
    public HttpClient Client() => BaseUrl is null ? CreateClient() : new HttpClient { BaseAddress = BaseUrl };
}

/// <summary>A mailbox whose conversation ids hold '/', '+' and '=' as Graph's standard base64 ids do.</summary>
public static class Base64Mailbox
{
    public const string Me = "me@contoso.com";

    /// <summary>Each key waits on Ana (sent 50 hours before <see cref="HardeningHost.Now"/>).</summary>
    public static readonly string[] Keys = ["AAQkADk/Zm+Nz==", "AAQkAD+/+/=", "AAQk%2F/plain"];

    public static InMemoryMailbox Create()
    {
        var mailbox = new InMemoryMailbox(Me, Me, "UTC");
        for (var i = 0; i < Keys.Length; i++)
        {
            var at = HardeningHost.Now.AddHours(-50 - i);
            mailbox.Put("sentitems", new InMemoryMessage
            {
                Id = $"AAMkMsg{i}-x_y=", // REST message ids are URL-safe base64; conversation ids are not
                InternetMessageId = $"<msg-{i}@contoso.com>",
                ConversationId = Keys[i],
                Subject = $"Question {i}",
                From = new InMemoryAddress(Me),
                To = [new InMemoryAddress("ana@fabrikam.com", "Ana")],
                SentDateTime = at,
                ReceivedDateTime = at,
                ExtendedProperties = new Dictionary<string, string> { ["String 0x001A"] = "IPM.Note" },
            });
        }

        return mailbox;
    }
}
