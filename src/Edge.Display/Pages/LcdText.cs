using System.Globalization;

namespace Edge.Display.Pages;

/// <summary>Text for a character LCD: fixed width, and only what the HD44780's A00 ROM can show.</summary>
public static class LcdText
{
    /// <summary>The degree sign in the HD44780 A00 character ROM (datasheet Table 4, code 1101 1111).</summary>
    public const char RomDegree = '\u00DF';

    /// <summary>Cut to <paramref name="width"/> (a long name loses its end, not the value after it) and pad with spaces.</summary>
    public static string Fit(string text, int width) => text.Length >= width ? text[..width] : text.PadRight(width);

    /// <summary>Left part and right part on one row: the right part (a value) always shows, the left (a name) is cut.</summary>
    public static string Split(string left, string right, int width)
    {
        if (right.Length >= width)
            return Fit(right, width);
        var room = width - right.Length - 1;
        return Fit(left.Length > room ? left[..room] : left, width - right.Length) + right;
    }

    public static string Temperature(double? c) => c is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) + "°C" : "--.-°C";

    /// <summary>Time left as "1h05m" from an hour up, else "12m30s"; never negative.</summary>
    public static string Remaining(TimeSpan t)
    {
        if (t < TimeSpan.Zero)
            t = TimeSpan.Zero;
        return t.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalHours}h{t.Minutes:00}m")
            : string.Create(CultureInfo.InvariantCulture, $"{t.Minutes}m{t.Seconds:00}s");
    }

    public static string Humidity(double? rh) => rh is { } v ? v.ToString("0", CultureInfo.InvariantCulture) + "%" : "--%";

    /// <summary>
    /// Hd44780.Write sends each char's low byte: '°' (U+00B0) would land as 0xB0, a katakana glyph on the A00 ROM.
    /// Map it to 0xDF and anything else outside printable ASCII to '?'.
    /// </summary>
    public static void ToRom(ReadOnlySpan<char> text, Span<char> rom)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            rom[i] = c == '°' ? RomDegree : c is >= ' ' and <= '}' ? c : '?';
        }
    }
}
