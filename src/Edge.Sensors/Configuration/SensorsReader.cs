using System.Globalization;
using System.Text.RegularExpressions;
using Edge.Core.Configuration;
using Edge.Sensors.Bus;

namespace Edge.Sensors.Configuration;

/// <summary>Reads and validates <c>sensors</c>.</summary>
public static partial class SensorsReader
{
    public static readonly IReadOnlyList<string> Drivers = ["hwmon", "simulated", .. I2cDrivers.All.Select(d => d.Name)];
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(10);

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,63}$")]
    private static partial Regex IdPattern();

    public static List<SensorOptions> Read(ConfigNode root)
    {
        var sensors = new List<SensorOptions>();
        foreach (var node in root.Items("sensors"))
        {
            node.OnlyKeys("id", "driver", "interval", "path", "offset", "baseTemperature", "bus", "address", "mux", "powerPin");
            var id = node.String("id", required: true);
            if (id is not null && !IdPattern().IsMatch(id))
                node.Problem("id", $"'{id}' is not allowed; allowed: 1 to 64 characters of a-z, 0-9, '_' and '-' (it is the DEVICE of entity ids, so no '/')");
            var driver = node.OneOf("driver", Drivers, required: true);
            var interval = node.Duration("interval", allowZero: false) ?? DefaultInterval;
            var path = node.String("path", required: driver == "hwmon");
            var offset = node.Number("offset") ?? 0;
            var baseTemperature = node.Number("baseTemperature") ?? 24;
            var options = new SensorOptions(id ?? "", driver ?? "", interval) { Path = path, Offset = offset, BaseTemperature = baseTemperature };
            if (driver is not null && I2cDrivers.Find(driver) is { } i2c)
                options = ReadI2c(node, options, i2c);
            else
                NotForThisDriver(node, driver, "bus", "address", "mux", "powerPin");
            if (id is not null && driver is not null)
                sensors.Add(options);
        }
        CheckAddressConflicts(root, sensors);
        return sensors;
    }

    private static SensorOptions ReadI2c(ConfigNode node, SensorOptions options, I2cDriver driver)
    {
        // Single-shot measurements at most once a second (self-heating; see I2cSensor.MinSpacing).
        if (options.Interval < TimeSpan.FromSeconds(1))
            node.Problem("interval", $"'{Core.Rules.Durations.Format(options.Interval)}' is too short for an I2C sensor; allowed: 1s or more (a chip measuring more often heats itself)");
        var bus = node.Int("bus", 0, 31) ?? 1;
        var address = Address(node, "address") ?? driver.DefaultAddress;
        if (!driver.Addresses.Contains(address))
            node.Problem("address", $"0x{address:x2} is not an address of the {driver.Chip}; allowed: {string.Join(", ", driver.Addresses.Select(a => $"0x{a:x2}"))}");
        MuxAddress? mux = null;
        if (node.Has("mux"))
        {
            var muxNode = node.Child("mux");
            muxNode.OnlyKeys("address", "channel");
            var muxAddress = Address(muxNode, "address") ?? 0x70;
            if (muxAddress is < 0x70 or > 0x77)
                muxNode.Problem("address", $"0x{muxAddress:x2} is not a TCA9548A address; allowed: 0x70 to 0x77");
            var channel = muxNode.Int("channel", 0, 7, required: true) ?? 0;
            mux = new MuxAddress(muxAddress, channel);
        }
        var powerPin = node.Int("powerPin", 0, 27);
        if (powerPin is >= 0 and <= 3)
            node.Problem("powerPin", $"GPIO {powerPin} is an I2C pin (GPIO0/1 bus 0, GPIO2/3 bus 1); allowed: another GPIO from 4 to 27");
        return options with { Bus = bus, Address = address, Mux = mux, PowerPin = powerPin };
    }

    /// <summary>An I2C address: "0x44" (as printed by i2cdetect) or a number.</summary>
    private static int? Address(ConfigNode node, string key)
    {
        var text = node.String(key);
        if (text is null)
            return null;
        var ok = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? int.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value)
            : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
        if (ok && value is >= 0x03 and <= 0x77)
            return value;
        node.Problem(key, $"'{text}' is not an I2C address; allowed: a 7-bit address from 0x03 to 0x77, e.g. \"0x44\"");
        return null;
    }

    private static void NotForThisDriver(ConfigNode node, string? driver, params string[] keys)
    {
        if (driver is null)
            return;
        foreach (var key in keys.Where(node.Has))
            node.Problem(key, $"is a setting of the I2C drivers ({string.Join(", ", I2cDrivers.All.Select(d => d.Name))}), not of '{driver}'");
    }

    /// <summary>
    /// Two chips answering at one address on one segment cannot both be read; a TCA9548A answers on the main bus and
    /// on every channel behind it, so nothing else may use its address on that bus (SHTC3 is fixed at 0x70, the
    /// mux's default).
    /// </summary>
    private static void CheckAddressConflicts(ConfigNode root, List<SensorOptions> sensors)
    {
        var i2c = sensors.Select((s, index) => (s, index)).Where(x => x.s.IsI2c).ToList();
        foreach (var group in i2c.GroupBy(x => (x.s.Bus, x.s.Mux, x.s.Address)).Where(g => g.Count() > 1))
        {
            var where = group.Key.Mux is { } m ? $"channel {m.Channel} of the multiplexer at 0x{m.Address:x2} on bus {group.Key.Bus}" : $"bus {group.Key.Bus}";
            root.Problem($"sensors[{group.Last().index}].address", $"0x{group.Key.Address:x2} is already used on {where} by sensor '{group.First().s.Id}'; put one of them behind a TCA9548A channel or use the chip's other address");
        }
        foreach (var (sensor, index) in i2c)
        {
            var muxes = i2c.Where(x => x.s.Bus == sensor.Bus && x.s.Mux is not null).Select(x => x.s.Mux!.Value.Address).Distinct();
            if (muxes.Contains(sensor.Address))
                root.Problem($"sensors[{index}].address", $"0x{sensor.Address:x2} on bus {sensor.Bus} is the address of a TCA9548A multiplexer there; set the multiplexer's A0–A2 pins for 0x71 or above");
        }
    }
}
