using System.CommandLine;
using System.CommandLine.Parsing;

namespace OutlookFollowUp.Manifest;

/// <summary><c>manifest --host URL --client-id GUID [--addin-id GUID] [--out DIR]</c> as System.CommandLine symbols; every problem is one line.</summary>
internal sealed class ManifestArguments
{
    public Option<Uri> Host { get; } = new("--host")
    {
        Description = "The deployment's origin, https with no path.",
        HelpName = "https://followup.contoso.com",
        Required = true,
        CustomParser = ParseOrigin,
    };

    public Option<Guid> ClientId { get; } = new("--client-id")
    {
        Description = "The Entra application (client) id.",
        HelpName = "guid",
        Required = true,
        CustomParser = r => ParseGuid(r, allowEmpty: false,
            "--client-id must be the Entra application (client) id, a GUID such as 6f1a2b3c-4d5e-6f70-8192-a3b4c5d6e7f8"),
    };

    public Option<Guid> AddInId { get; } = new("--addin-id")
    {
        Description = "The add-in's own id; keep the default unless you ship a second copy.",
        HelpName = "guid",
        DefaultValueFactory = _ => Guid.Parse(ManifestTemplates.AddInId),
        CustomParser = r => ParseGuid(r, allowEmpty: true, "--addin-id must be a GUID"),
    };

    public Option<string> Out { get; } = new("--out")
    {
        Description = "Where to write, relative to where you run it.",
        HelpName = "folder",
        DefaultValueFactory = _ => ".",
    };

    public IEnumerable<Option> All => [Host, ClientId, AddInId, Out];

    public (Deployment Deployment, string OutDir) Read(ParseResult result) =>
        (new Deployment(result.GetValue(Host)!, result.GetValue(ClientId), result.GetValue(AddInId)), Path.GetFullPath(result.GetValue(Out)!));

    private static Uri ParseOrigin(ArgumentResult result)
    {
        var text = result.Tokens[0].Value;

        // Only an origin: every manifest URL is origin + path, and Office SSO derives the app ID URI from the host.
        if (Uri.TryCreate(text, UriKind.Absolute, out var origin)
            && origin.Scheme == Uri.UriSchemeHttps
            && origin.UserInfo.Length == 0
            && origin.AbsolutePath == "/"
            && origin.Query.Length == 0
            && origin.Fragment.Length == 0)
        {
            return origin;
        }

        result.AddError($"--host must be an absolute https URL with no path, query or user info, such as https://followup.contoso.com (got '{Shorten(text)}').");
        return null!;
    }

    private static Guid ParseGuid(ArgumentResult result, bool allowEmpty, string message)
    {
        var text = result.Tokens[0].Value;
        if (Guid.TryParseExact(text, "D", out var id) && (allowEmpty || id != Guid.Empty))
        {
            return id;
        }

        result.AddError($"{message} (got '{Shorten(text)}').");
        return Guid.Empty;
    }

    private static string Shorten(string value) => FollowUps.OptionRules.Shorten(value);
}
