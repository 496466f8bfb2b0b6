using System.Globalization;

namespace OutlookFollowUp.Scan;

/// <summary>Parses `scan` arguments; a malformed one yields a single-line error, never an exception.</summary>
public static class ScanArguments
{
    public const string Usage =
        "usage: scan <mbox file | folder of .eml> --me ADDRESS [--me ADDRESS ...] [--now ISO-8601] [--window-hours 24..48] " +
        "[--lookback-days N] [--business-days] [--time-zone IANA] [--format json|table]";

    public static bool TryParse(IReadOnlyList<string> args, out ScanRequest request, out string error)
    {
        request = new ScanRequest();
        error = "";
        var me = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                if (request.Path is not null)
                {
                    return Fail($"Unexpected argument '{Shorten(arg)}': give one path.", out error);
                }

                request = request with { Path = arg };
                continue;
            }

            if (arg == "--business-days")
            {
                request = request with { BusinessDays = true };
                continue;
            }

            if (i + 1 >= args.Count)
            {
                return Fail($"{arg} needs a value.", out error);
            }

            var value = args[++i];
            switch (arg)
            {
                case "--me":
                    me.Add(value.Trim());
                    break;
                case "--now" when TryParseInstant(value, out var now):
                    request = request with { Now = now };
                    break;
                case "--now":
                    return Fail($"--now must be an ISO-8601 date and time, such as 2026-11-23T09:00:00Z; got '{Shorten(value)}'.", out error);
                case "--window-hours" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var hours):
                    request = request with { WindowHours = hours };
                    break;
                case "--lookback-days" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var days):
                    request = request with { LookbackDays = days };
                    break;
                case "--window-hours" or "--lookback-days":
                    return Fail($"{arg} must be a whole number; got '{Shorten(value)}'.", out error);
                case "--time-zone":
                    request = request with { TimeZone = value };
                    break;
                case "--format" when Enum.TryParse<ScanFormat>(value, ignoreCase: true, out var format) && !int.TryParse(value, out _):
                    request = request with { Format = format };
                    break;
                case "--format":
                    return Fail($"--format must be json or table; got '{Shorten(value)}'.", out error);
                default:
                    return Fail($"Unknown option '{Shorten(arg)}'. {Usage}", out error);
            }
        }

        request = request with { Me = me };
        return true;
    }

    /// <summary>ISO-8601 with an offset or Z; a time without one is taken as UTC.</summary>
    private static bool TryParseInstant(string value, out DateTimeOffset instant) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out instant)
        && value.Contains('-', StringComparison.Ordinal);

    private static bool Fail(string message, out string error)
    {
        error = message;
        return false;
    }

    private static string Shorten(string value) => FollowUps.OptionRules.Shorten(value);
}
