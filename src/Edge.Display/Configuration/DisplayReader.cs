using System.Globalization;
using Edge.Core.Configuration;

namespace Edge.Display.Configuration;

/// <summary>Reads and validates <c>display</c>; absent means no display.</summary>
public static class DisplayReader
{
    public static readonly IReadOnlyList<string> Drivers = ["lcd1602", "lcd2004"];

    public static DisplayOptions? Read(ConfigNode root)
    {
        if (!root.Has("display"))
            return null;
        var node = root.Child("display");
        node.OnlyKeys("driver", "bus", "address", "page", "reinitialize");
        var driver = node.OneOf("driver", Drivers, required: true);
        var bus = node.Int("bus", 0, 31) ?? 1;
        var address = 0x27;
        if (node.String("address") is { } text)
        {
            var ok = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
                ? int.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out address)
                : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out address);
            // PCF8574T straps to 0x20–0x27, PCF8574AT to 0x38–0x3F (backpacks default to 0x27 / 0x3F).
            if (!ok || address is not (>= 0x20 and <= 0x27 or >= 0x38 and <= 0x3F))
            {
                node.Problem("address", $"'{text}' is not a PCF8574 backpack address; allowed: 0x20 to 0x27 (PCF8574T) or 0x38 to 0x3F (PCF8574AT)");
                address = 0x27;
            }
        }
        var page = node.Duration("page", allowZero: false) ?? DisplayOptions.DefaultPage;
        var reinitialize = node.Duration("reinitialize", allowZero: false) ?? DisplayOptions.DefaultReinitialize;
        return driver is null ? null : new DisplayOptions(driver, bus, address, page, reinitialize);
    }
}
