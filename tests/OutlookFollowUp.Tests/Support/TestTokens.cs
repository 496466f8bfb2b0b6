using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace OutlookFollowUp.Tests.Support;

/// <summary>Real v2 access tokens signed by a key that only the test host trusts (TodoApi style: no mocked auth).</summary>
public static class TestTokens
{
    public const string ClientId = "6f1c5e0a-3b1d-4c8e-9a51-0d7e4c2b9f10";
    public const string TenantA = "11111111-1111-1111-1111-111111111111";
    public const string TenantB = "22222222-2222-2222-2222-222222222222";
    public const string OtherTenant = "99999999-9999-9999-9999-999999999999";
    public const string Instance = "https://login.microsoftonline.com/";

    public static readonly RsaSecurityKey Key = new(RSA.Create(2048)) { KeyId = "test-key" };

    /// <summary>A key the host has never seen, for the forged-signature case.</summary>
    public static readonly RsaSecurityKey ForeignKey = new(RSA.Create(2048)) { KeyId = "test-key" };

    public static string Issuer(string tenant) => $"{Instance}{tenant}/v2.0";

    public sealed record Spec
    {
        public string Tenant { get; init; } = TenantA;
        public string ObjectId { get; init; } = "aaaaaaaa-0000-0000-0000-00000000000a";
        public string? Issuer { get; init; }
        public string Audience { get; init; } = ClientId;
        public string? Scope { get; init; } = "access_as_user";
        public string[] Roles { get; init; } = [];
        public DateTimeOffset? NotBefore { get; init; }
        public DateTimeOffset? Expires { get; init; }
        public SecurityKey SigningKey { get; init; } = Key;
    }

    public static string Mint(Spec spec)
    {
        var now = DateTimeOffset.UtcNow;
        var claims = new Dictionary<string, object>
        {
            ["tid"] = spec.Tenant,
            ["oid"] = spec.ObjectId,
            ["sub"] = spec.ObjectId,
            ["ver"] = "2.0",
            ["azp"] = "pane-client-id",
        };
        if (spec.Scope is not null)
        {
            claims["scp"] = spec.Scope;
        }

        if (spec.Roles.Length > 0)
        {
            claims["roles"] = spec.Roles;
        }

        var notBefore = spec.NotBefore ?? now.AddMinutes(-5);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = spec.Issuer ?? Issuer(spec.Tenant),
            Audience = spec.Audience,
            Claims = claims,
            IssuedAt = notBefore.UtcDateTime,
            NotBefore = notBefore.UtcDateTime,
            Expires = (spec.Expires ?? now.AddHours(1)).UtcDateTime,
            SigningCredentials = new SigningCredentials(spec.SigningKey, SecurityAlgorithms.RsaSha256),
        });
    }

    public static string UserA => Mint(new Spec());

    public static string UserB => Mint(new Spec { ObjectId = "bbbbbbbb-0000-0000-0000-00000000000b" });

    public static string Admin => Mint(new Spec { Roles = ["FollowUp.Admin"] });
}
