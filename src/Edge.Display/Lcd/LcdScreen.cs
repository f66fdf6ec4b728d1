using System.Device.I2c;
using Edge.Display.Configuration;
using Edge.Display.Pages;
using Iot.Device.CharacterLcd;
using Microsoft.Extensions.Logging;

namespace Edge.Display.Lcd;

/// <summary>
/// The HD44780 behind its PCF8574 backpack, through dotnet/iot's Lcd1602/Lcd2004 in 4-bit mode
/// (<c>uses8Bit: false</c>: the default, true, speaks the PCF2119 protocol and a backpack shows nothing). Every page
/// is written whole, row by row, padded to the width, so a glitched character lasts one page at most; the controller
/// is re-initialized every <see cref="DisplayOptions.Reinitialize"/> because noise can make it lose its nibble
/// phase, and only a new init sequence (0x3, 0x3, 0x3, 0x2) recovers that. A missing or failing display is logged
/// once and retried; it never throws to the caller.
/// </summary>
public sealed class LcdScreen(Func<I2cDevice> open, DisplayOptions options, TimeProvider time, ILogger logger) : IDisposable
{
    /// <summary>After a failure, the display is tried again this much later (each try opens the bus and re-initializes).</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(10);

    private I2cDevice? _device;
    private Hd44780? _lcd;
    private DateTimeOffset _reinitializeAt = DateTimeOffset.MinValue;
    private bool _failing;

    public long Initializations { get; private set; }

    public long Failures { get; private set; }

    public bool Working => _lcd is not null && !_failing;

    /// <summary>Writes a whole page; false when the display could not be written (it will be retried later).</summary>
    public bool Show(LcdPage page, bool backlight)
    {
        var now = time.GetUtcNow();
        if (_lcd is null && now < _reinitializeAt)
            return false;
        try
        {
            if (_lcd is null || now >= _reinitializeAt)
                Initialize(now);
            var lcd = _lcd!;
            if (lcd.BacklightOn != backlight)
                lcd.BacklightOn = backlight;
            Span<char> rom = stackalloc char[options.Columns];
            for (var row = 0; row < options.Rows; row++)
            {
                lcd.SetCursorPosition(0, row);
                LcdText.ToRom(page.Rows[row].AsSpan(0, options.Columns), rom);
                lcd.Write(rom);
            }
            if (_failing)
                DisplayLog.Recovered(logger, options.Bus, options.Address);
            _failing = false;
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or PlatformNotSupportedException or InvalidOperationException or ArgumentException)
        {
            Failures++;
            if (!_failing)
                DisplayLog.Failed(logger, options.Bus, options.Address, e.Message);
            _failing = true;
            Close();
            _reinitializeAt = now + RetryAfter;
            return false;
        }
    }

    /// <summary>Blinks without rewriting: one backlight command.</summary>
    public bool Backlight(bool on)
    {
        if (_lcd is null || _failing)
            return false;
        try
        {
            _lcd.BacklightOn = on;
            return true;
        }
        catch (IOException)
        {
            _failing = true;
            Close();
            _reinitializeAt = time.GetUtcNow() + RetryAfter;
            return false;
        }
    }

    private void Initialize(DateTimeOffset now)
    {
        Close();
        _device = open();
        // The constructors run the HD44780 4-bit init sequence (nibbles 3,3,3,2; function set 0x28; display on 0x0C;
        // entry mode 0x06; clear). They wait 1 ms between commands with Thread.Sleep: ~12 ms on the display's own loop.
        _lcd = options.Rows == 4 ? new Lcd2004(_device, uses8Bit: false) : new Lcd1602(_device, uses8Bit: false);
        _lcd.UnderlineCursorVisible = false;
        _lcd.BlinkingCursorVisible = false;
        Initializations++;
        _reinitializeAt = now + options.Reinitialize;
    }

    private void Close()
    {
        try
        {
            _lcd?.Dispose();
            _device?.Dispose();
        }
        catch (IOException)
        {
            // Disposing a display that stopped answering: nothing left to release.
        }
        _lcd = null;
        _device = null;
    }

    public void Dispose() => Close();
}
