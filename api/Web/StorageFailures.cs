using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;
using ProblemDetails = Microsoft.AspNetCore.Mvc.ProblemDetails;

namespace OutlookFollowUp.Web;

/// <summary>
/// The database out of reach for a moment — PostgreSQL refusing connections (down, restarting, "too many clients"),
/// the connection pool exhausted, SQLite busy past its timeout — is an outage, not a bug: 503 with Retry-After, so the
/// pane and Graph's notifications try again. Nothing was written: every write is one transaction.
/// </summary>
internal sealed partial class StorageFailureHandler(IProblemDetailsService problems, ILogger<StorageFailureHandler> logger) : IExceptionHandler
{
    /// <summary>Short: a pool frees up or a server restarts within seconds.</summary>
    internal static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (Transient(exception) is not { } cause)
        {
            return false;
        }

        LogUnavailable(logger, cause.GetType().Name, (cause as PostgresException)?.SqlState ?? (cause as SqliteException)?.SqliteErrorCode.ToString(CultureInfo.InvariantCulture));
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        response.Headers.RetryAfter = ((int)RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = Storage.StorageWrites.IsRefused(cause)
                ? new ProblemDetails
                {
                    Status = StatusCodes.Status503ServiceUnavailable,
                    Title = "The follow-up database cannot store changes.",
                    Detail = "Nothing was changed: the database is read-only or its disk is full. Tell your administrator; reading still works.",
                }
                : new ProblemDetails
                {
                    Status = StatusCodes.Status503ServiceUnavailable,
                    Title = "The follow-up database is busy or unreachable.",
                    Detail = "Nothing was changed. Try again in a few seconds; if it keeps happening, tell your administrator.",
                },
        });
    }

    /// <summary>The transient database failure in <paramref name="exception"/> or its inner exceptions (EF Core wraps them), or null.</summary>
    internal static Exception? Transient(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                // Npgsql's own judgement: connection failures and timeouts, 53xxx (too many connections, out of
                // resources), 57P0x (shutting down, cannot connect now), 08xxx (connection exceptions), 40001/40P01.
                case NpgsqlException { IsTransient: true }:
                // SQLITE_BUSY and SQLITE_LOCKED: another writer held the file past the busy timeout.
                case SqliteException { SqliteErrorCode: 5 or 6 }:
                    return e;
                // Read-only or out of space: every write fails until someone acts, and none was stored.
                case var _ when Storage.StorageWrites.IsRefused(e):
                    return e;
                case AggregateException aggregate:
                    return aggregate.InnerExceptions.Select(Transient).FirstOrDefault(t => t is not null);
            }
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database is unavailable ({Kind} {Code}); answered 503")]
    private static partial void LogUnavailable(ILogger logger, string kind, string? code);
}
