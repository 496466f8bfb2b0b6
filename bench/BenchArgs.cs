using System.Globalization;

namespace OutlookFollowUp.Bench;

/// <summary>The command line of the figures that run the product as processes: <c>--name value</c> pairs.</summary>
internal sealed class BenchArgs(IReadOnlyDictionary<string, string> values)
{
    public static BenchArgs Parse(IEnumerable<string> args, params string[] known)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        using var e = args.GetEnumerator();
        while (e.MoveNext())
        {
            var name = e.Current.StartsWith("--", StringComparison.Ordinal) ? e.Current[2..] : throw new BenchUsageException($"unexpected argument '{e.Current}'");
            if (!known.Contains(name))
            {
                throw new BenchUsageException($"unknown option --{name} (known: {string.Join(", ", known.Select(k => "--" + k))})");
            }

            values[name] = e.MoveNext() ? e.Current : throw new BenchUsageException($"--{name} needs a value");
        }

        return new BenchArgs(values);
    }

    public int Int(string name, int fallback, int min, int max)
    {
        if (!values.TryGetValue(name, out var text))
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new BenchUsageException($"--{name} must be a whole number from {min} to {max}, not '{text}'");
    }

    public string? Text(string name) => values.GetValueOrDefault(name);
}

internal sealed class BenchUsageException(string message) : Exception(message);
