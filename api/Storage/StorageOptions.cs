using Microsoft.Extensions.Options;

namespace OutlookFollowUp.Storage;

public enum StorageProvider
{
    Sqlite,
    Postgres,
}

/// <summary>The <c>Storage</c> configuration section; the connection string comes from <c>ConnectionStrings:FollowUps</c>.</summary>
public sealed class StorageOptions
{
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>Folder for the default SQLite file, relative to the content root.</summary>
    public string DataFolder { get; set; } = "App_Data";

    /// <summary>Apply missing schema steps when the app starts (safe with several instances on PostgreSQL).</summary>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>Resolved from ConnectionStrings:FollowUps, or the default SQLite file; not bound from the section.</summary>
    public string? ConnectionString { get; set; }
}

internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        if (!Enum.IsDefined(options.Provider))
        {
            return ValidateOptionsResult.Fail("Storage:Provider must be Sqlite or Postgres.");
        }

        return string.IsNullOrWhiteSpace(options.ConnectionString)
            ? ValidateOptionsResult.Fail(
                $"Storage:Provider is {options.Provider} but ConnectionStrings:FollowUps is not set. "
                + "Set it (e.g. \"Host=...;Database=...;Username=...;Password=...\") or use Storage:Provider=Sqlite.")
            : ValidateOptionsResult.Success;
    }
}
