using System.Globalization;

namespace Edge.Core.Rules;

/// <summary>Durations as the configuration writes them: a number and a unit (<c>500ms</c>, <c>10s</c>, <c>2m</c>, <c>1h</c>, <c>1d</c>).</summary>
public static class Durations
{
    public const string Allowed = "a number with a unit: ms, s, m, h or d (e.g. \"500ms\", \"10s\", \"2m\", \"1h\")";

    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
            return false;
        var s = text.Trim();
        var unitStart = s.Length;
        while (unitStart > 0 && char.IsAsciiLetter(s[unitStart - 1]))
            unitStart--;
        if (unitStart == 0 || unitStart == s.Length)
            return false;
        if (!double.TryParse(s.AsSpan(0, unitStart), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
            return false;
        double? ms = s[unitStart..] switch
        {
            "ms" => n,
            "s" => n * 1000,
            "m" => n * 60_000,
            "h" => n * 3_600_000,
            "d" => n * 86_400_000,
            _ => null,
        };
        if (ms is null || double.IsNaN(ms.Value) || Math.Abs(ms.Value) > TimeSpan.MaxValue.TotalMilliseconds)
            return false;
        value = TimeSpan.FromMilliseconds(ms.Value);
        return true;
    }

    public static string Format(TimeSpan t) => t switch
    {
        { Ticks: 0 } => "0s",
        _ when t.TotalMilliseconds < 1000 => $"{t.TotalMilliseconds:0}ms",
        _ when t.Ticks % TimeSpan.TicksPerHour == 0 => $"{t.TotalHours:0}h",
        _ when t.Ticks % TimeSpan.TicksPerMinute == 0 => $"{t.TotalMinutes:0}m",
        _ => $"{t.TotalSeconds:0.###}s",
    };
}
