namespace OutlookFollowUp.Manifest;

/// <summary>Parses <c>manifest --host URL --client-id GUID [--addin-id GUID] [--out DIR]</c>; every problem is one line for stderr.</summary>
internal static class ManifestArguments
{
    public const string Usage = "usage: manifest --host https://HOST[:PORT] --client-id GUID [--addin-id GUID] [--out DIR]";

    public static (Deployment? Deployment, string OutDir, string? Error) Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            var flag = args[i];
            if (flag is not ("--host" or "--client-id" or "--addin-id" or "--out"))
            {
                return Fail($"unknown argument '{flag}'. {Usage}");
            }

            if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                return Fail($"{flag} needs a value. {Usage}");
            }

            if (!values.TryAdd(flag, args[++i]))
            {
                return Fail($"{flag} is given twice.");
            }
        }

        if (!values.TryGetValue("--host", out var hostText))
        {
            return Fail($"--host is required. {Usage}");
        }

        if (!values.TryGetValue("--client-id", out var clientIdText))
        {
            return Fail($"--client-id is required. {Usage}");
        }

        if (!TryParseOrigin(hostText, out var origin))
        {
            return Fail($"--host must be an absolute https URL with no path, query or user info, such as https://followup.contoso.com (got '{hostText}').");
        }

        if (!Guid.TryParseExact(clientIdText, "D", out var clientId) || clientId == Guid.Empty)
        {
            return Fail($"--client-id must be the Entra application (client) id, a GUID such as 6f1a2b3c-4d5e-6f70-8192-a3b4c5d6e7f8 (got '{clientIdText}').");
        }

        var addInId = Guid.Parse(ManifestTemplates.AddInId);
        if (values.TryGetValue("--addin-id", out var addInIdText) && !Guid.TryParseExact(addInIdText, "D", out addInId))
        {
            return Fail($"--addin-id must be a GUID (got '{addInIdText}').");
        }

        var outDir = values.GetValueOrDefault("--out", Directory.GetCurrentDirectory());
        return (new Deployment(origin, clientId, addInId), outDir, null);
    }

    private static bool TryParseOrigin(string text, out Uri origin)
    {
        // Only an origin: every manifest URL is origin + path, and Office SSO derives the app ID URI from the host.
        var ok = Uri.TryCreate(text, UriKind.Absolute, out origin!)
            && origin.Scheme == Uri.UriSchemeHttps
            && origin.UserInfo.Length == 0
            && origin.AbsolutePath == "/"
            && origin.Query.Length == 0
            && origin.Fragment.Length == 0;
        return ok;
    }

    private static (Deployment?, string, string?) Fail(string error) => (null, "", error);
}
