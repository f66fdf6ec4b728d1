namespace Edge.Display.Configuration;

/// <summary>
/// <c>display</c> in the configuration: an HD44780 character LCD behind a PCF8574 backpack. Defaults live here.
/// </summary>
public sealed record DisplayOptions(string Driver, int Bus, int Address, TimeSpan Page, TimeSpan Reinitialize)
{
    public static readonly TimeSpan DefaultPage = TimeSpan.FromSeconds(5);

    /// <summary>A controller glitched by noise (lost nibble phase) shows garbage until re-initialized; every few minutes heals it.</summary>
    public static readonly TimeSpan DefaultReinitialize = TimeSpan.FromMinutes(5);

    public int Columns => Driver == "lcd2004" ? 20 : 16;

    public int Rows => Driver == "lcd2004" ? 4 : 2;
}
