namespace OutlookFollowUp.Tests.Support;

/// <summary>
/// Locates <c>../shared</c> beside the repository (test material that is read in place, never copied).
/// Tests that need it use <see cref="SharedFactAttribute"/> / <see cref="SharedTheoryAttribute"/>, which
/// report them as skipped, with the reason, when the folder is absent — never as a silent pass.
/// </summary>
public static class SharedFolder
{
    public static readonly string? Root = Find();

    public const string MissingReason = "../shared is missing beside the repository: this test reads real test material from it.";

    public static string Path(params string[] parts) =>
        System.IO.Path.Combine([Root ?? throw new InvalidOperationException(MissingReason), .. parts]);

    private static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "OutlookFollowUp.sln")))
            {
                var shared = System.IO.Path.GetFullPath(System.IO.Path.Combine(dir.FullName, "..", "shared"));
                return File.Exists(System.IO.Path.Combine(shared, "DESIGN.md")) ? shared : null;
            }
        }

        return null;
    }
}

public sealed class SharedFactAttribute : FactAttribute
{
    public SharedFactAttribute()
    {
        if (SharedFolder.Root is null)
        {
            Skip = SharedFolder.MissingReason;
        }
    }
}

public sealed class SharedTheoryAttribute : TheoryAttribute
{
    public SharedTheoryAttribute()
    {
        if (SharedFolder.Root is null)
        {
            Skip = SharedFolder.MissingReason;
        }
    }
}
