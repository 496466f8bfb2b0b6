using System.IO.Enumeration;

namespace OutlookFollowUp.Mail.Mime;

/// <summary>
/// Which files of a folder are read as mail, in a fixed order. Candidates: <c>*.eml</c> and <c>*.mbox</c>;
/// files without an extension (maildir and notmuch name messages that way); files carrying a maildir info
/// suffix (<c>name:2,S</c>, whatever precedes it); anything inside a <c>cur</c> or <c>new</c> folder, Maildir++
/// folders (<c>.Sent/cur</c>) included. Other files (.txt, .json, .pdf …), hidden files, other hidden folders
/// (<c>.git</c>, <c>.notmuch</c>) and maildir <c>tmp</c> folders are ignored.
/// </summary>
internal static class MailFiles
{
    private static readonly EnumerationOptions Walk = new()
    {
        RecurseSubdirectories = true,
        IgnoreInaccessible = true,
        AttributesToSkip = FileAttributes.System, // hidden folders are looked at: Maildir++ keeps Sent and Drafts in .Sent, .Drafts
    };

    /// <summary>Candidate files under <paramref name="folder"/>, sorted by ordinal relative path (read order is stable).</summary>
    public static IEnumerable<string> Under(string folder)
    {
        // A Maildir's own cur/ or new/ given as the folder: its files are messages whatever their names ("1529425590.M1P2.host").
        var maildirPart = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder))) is "cur" or "new";
        var files = new FileSystemEnumerable<string>(folder, static (ref FileSystemEntry entry) => entry.ToFullPath(), Walk)
        {
            ShouldIncludePredicate = static (ref FileSystemEntry entry) => !entry.IsDirectory,
            ShouldRecursePredicate = static (ref FileSystemEntry entry) => !entry.FileName.StartsWith('.') || IsMaildirFolder(entry.ToFullPath()),
        };
        return files.Where(path => IsCandidate(Path.GetRelativePath(folder, path), maildirPart)).Order(StringComparer.Ordinal);
    }

    private static bool IsMaildirFolder(string path) =>
        Directory.Exists(Path.Combine(path, "cur")) || Directory.Exists(Path.Combine(path, "new"));

    internal static bool IsCandidate(string relativePath, bool inMaildirPart = false)
    {
        var parts = relativePath.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        var folders = parts[..^1];
        // Maildir writes half-delivered messages to tmp/; hidden names (.notmuch, .git) hold no mail, except a
        // Maildir++ folder's own cur/ and new/ (.Sent/cur/…).
        if (folders.Where((f, i) => f == "tmp" || (f.StartsWith('.') && !(i == folders.Length - 2 && folders[i + 1] is "cur" or "new"))).Any()
            || parts[^1].StartsWith('.'))
        {
            return false;
        }

        var name = parts[^1];
        if (name.Contains(":2,", StringComparison.Ordinal) || (folders.Length > 0 ? folders[^1] is "cur" or "new" : inMaildirPart))
        {
            return true;
        }

        var extension = Path.GetExtension(name);
        return extension.Length == 0
            || extension.Equals(".eml", StringComparison.OrdinalIgnoreCase)
            || extension.Equals(".mbox", StringComparison.OrdinalIgnoreCase);
    }
}
