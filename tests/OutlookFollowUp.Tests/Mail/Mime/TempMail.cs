using System.Text;

namespace OutlookFollowUp.Tests.Mail.Mime;

/// <summary>A throw-away folder for mail files; deleted with everything in it on dispose.</summary>
public sealed class TempMail : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("followup-mime-").FullName;

    /// <summary>Writes <paramref name="text"/> (LF line ends) at a path relative to <see cref="Root"/>; returns the full path.</summary>
    public string Write(string relativePath, string text) => WriteBytes(relativePath, Encoding.UTF8.GetBytes(text));

    public string WriteBytes(string relativePath, byte[] bytes)
    {
        var full = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
        return full;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}

/// <summary>Builds one RFC 5322 message as text: headers in the order given, then a short body.</summary>
public sealed class Eml
{
    private readonly StringBuilder headers = new();
    private string body = "Hello.\n";

    public static Eml Message(string messageId = "<m1@example.org>") =>
        new Eml().Header("From", "Ana <ana@example.org>").Header("To", "bo@example.org")
            .Header("Date", "Tue, 02 Jan 2024 09:30:00 +0100").Header("Subject", "Hi").Header("Message-ID", messageId);

    public static Eml Empty() => new();

    public Eml Header(string name, string value)
    {
        headers.Append(name).Append(": ").Append(value).Append('\n');
        return this;
    }

    /// <summary>Removes every header with that name (case-insensitive) written so far.</summary>
    public Eml Without(string name)
    {
        var kept = headers.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(line => !line.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase));
        headers.Clear();
        foreach (var line in kept)
        {
            headers.Append(line).Append('\n');
        }

        return this;
    }

    public Eml Body(string text)
    {
        body = text;
        return this;
    }

    public override string ToString() => $"{headers}\n{body}";
}

/// <summary>Joins messages into mbox text, each after its own "From " separator line.</summary>
public static class Mbox
{
    public static string Of(params Eml[] messages) =>
        string.Concat(messages.Select(m => $"From sender@example.org  Tue Jan  2 09:30:00 2024\n{m}\n"));
}
