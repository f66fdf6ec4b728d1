using Edge.Core.Configuration;
using Edge.Core.Rules;
using Edge.Sensors.Configuration;

namespace Edge.Configuration;

/// <summary>Reads <c>maintenance</c> (<c>maxDuration</c>) and <c>maintenanceButton</c> (<c>pin</c>, <c>duration</c>, <c>ledPin</c>).</summary>
public static class MaintenanceReader
{
    // BCM GPIO 0-27 are the 40-pin header's; 2/3 are I2C-1 (SDA/SCL: the sensors and the LCD), 0/1 the ID EEPROM's
    // I2C-0 that the HAT specification reserves. A button there would short the bus each press.
    private const int HighestHeaderGpio = 27;
    private static readonly int[] I2cPins = [0, 1, 2, 3];

    public static MaintenanceOptions Read(ConfigNode root, IReadOnlyList<SensorOptions> sensors)
    {
        var section = root.Child("maintenance");
        section.OnlyKeys("maxDuration");
        var max = section.Duration("maxDuration", allowZero: false) ?? MaintenanceOptions.Default.MaxDuration;
        if (!root.Has("maintenanceButton"))
            return new MaintenanceOptions(max, null);

        var node = root.Child("maintenanceButton");
        node.OnlyKeys("pin", "duration", "ledPin");
        var pin = node.Int("pin", 0, HighestHeaderGpio, required: true);
        var duration = node.Duration("duration", allowZero: false) ?? MaintenanceButtonOptions.DefaultDuration;
        if (duration > max)
            node.Problem("duration", $"{Durations.Format(duration)} is longer than maintenance.maxDuration ({Durations.Format(max)})");
        var led = node.Int("ledPin", 0, HighestHeaderGpio);
        CheckPin(node, "pin", pin, sensors);
        CheckPin(node, "ledPin", led, sensors);
        if (pin is not null && pin == led)
            node.Problem("ledPin", $"GPIO{led} is already the button's pin; the LED needs a pin of its own");
        return new MaintenanceOptions(max, pin is null ? null : new MaintenanceButtonOptions(pin.Value, duration, led));
    }

    private static void CheckPin(ConfigNode node, string key, int? pin, IReadOnlyList<SensorOptions> sensors)
    {
        if (pin is not { } p)
            return;
        if (I2cPins.Contains(p))
            node.Problem(key, $"GPIO{p} is an I2C pin (GPIO2/3 are SDA/SCL of the sensors' bus, GPIO0/1 the HAT EEPROM's); allowed: GPIO 4-27 not used otherwise, e.g. 17 or 27 (hardware.md)");
        foreach (var sensor in sensors.Where(s => s.PowerPin == p))
            node.Problem(key, $"GPIO{p} is already sensor '{sensor.Id}''s powerPin; a pin can do one thing");
    }
}
