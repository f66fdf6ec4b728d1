using System.Globalization;

namespace Edge.Core.Configuration;

/// <summary>Memory sizes as the configuration writes them: bytes, or a number with KiB, MiB or GiB.</summary>
public static class ByteSizes
{
    public const string Allowed = "a number of bytes, or a number with KiB, MiB or GiB (e.g. \"8MiB\")";

    public static bool TryParse(string text, out long bytes)
    {
        bytes = 0;
        var s = text.Trim();
        long unit = 1;
        foreach (var (suffix, size) in new[] { ("KiB", 1L << 10), ("MiB", 1L << 20), ("GiB", 1L << 30) })
        {
            if (s.EndsWith(suffix, StringComparison.Ordinal))
            {
                unit = size;
                s = s[..^suffix.Length].TrimEnd();
                break;
            }
        }
        if (!double.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n) || n * unit > long.MaxValue / 2)
            return false;
        bytes = (long)(n * unit);
        return bytes > 0;
    }

    public static string Format(long bytes) => bytes switch
    {
        >= 1L << 30 => $"{bytes / (double)(1L << 30):0.##} GiB",
        >= 1L << 20 => $"{bytes / (double)(1L << 20):0.##} MiB",
        >= 1L << 10 => $"{bytes / (double)(1L << 10):0.##} KiB",
        _ => $"{bytes} bytes",
    };
}
