namespace OutlookFollowUp.Mail.Mime;

/// <summary>
/// Which files of a folder are read as mail, in a fixed order. Candidates: <c>*.eml</c> and <c>*.mbox</c>;
/// files without an extension (maildir and notmuch name messages that way); files carrying a maildir info
/// suffix (<c>name:2,S</c>, whatever precedes it); anything inside a <c>cur</c> or <c>new</c> folder.
/// Other files (.txt, .json, .pdf …), hidden files and folders, and maildir <c>tmp</c> folders are ignored.
/// </summary>
internal static class MailFiles
{
    private static readonly EnumerationOptions Walk = new()
    {
        RecurseSubdirectories = true,
        IgnoreInaccessible = true,
        AttributesToSkip = FileAttributes.Hidden | FileAttributes.System,
    };

    /// <summary>Candidate files under <paramref name="folder"/>, sorted by ordinal relative path (read order is stable).</summary>
    public static IEnumerable<string> Under(string folder)
    {
        // A Maildir's own cur/ or new/ given as the folder: its files are messages whatever their names ("1529425590.M1P2.host").
        var maildirPart = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder))) is "cur" or "new";
        return Directory.EnumerateFiles(folder, "*", Walk)
            .Where(path => IsCandidate(Path.GetRelativePath(folder, path), maildirPart))
            .Order(StringComparer.Ordinal);
    }

    internal static bool IsCandidate(string relativePath, bool inMaildirPart = false)
    {
        var parts = relativePath.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        var folders = parts[..^1];
        // Maildir writes half-delivered messages to tmp/; hidden names (.notmuch, .git) hold no mail.
        if (folders.Any(f => f.StartsWith('.') || f == "tmp") || parts[^1].StartsWith('.'))
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
