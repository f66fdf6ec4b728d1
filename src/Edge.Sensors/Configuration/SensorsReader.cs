using System.Text.RegularExpressions;
using Edge.Core.Configuration;

namespace Edge.Sensors.Configuration;

/// <summary>Reads and validates <c>sensors</c>.</summary>
public static partial class SensorsReader
{
    public static readonly IReadOnlyList<string> Drivers = ["hwmon", "simulated"];
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(10);

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,63}$")]
    private static partial Regex IdPattern();

    public static List<SensorOptions> Read(ConfigNode root)
    {
        var sensors = new List<SensorOptions>();
        foreach (var node in root.Items("sensors"))
        {
            node.OnlyKeys("id", "driver", "interval", "path", "offset", "baseTemperature");
            var id = node.String("id", required: true);
            if (id is not null && !IdPattern().IsMatch(id))
                node.Problem("id", $"'{id}' is not allowed; allowed: 1 to 64 characters of a-z, 0-9, '_' and '-' (it is the DEVICE of entity ids, so no '/')");
            var driver = node.OneOf("driver", Drivers, required: true);
            var interval = node.Duration("interval", allowZero: false) ?? DefaultInterval;
            var path = node.String("path", required: driver == "hwmon");
            var offset = node.Number("offset") ?? 0;
            var baseTemperature = node.Number("baseTemperature") ?? 24;
            if (id is not null && driver is not null)
                sensors.Add(new SensorOptions(id, driver, interval) { Path = path, Offset = offset, BaseTemperature = baseTemperature });
        }
        return sensors;
    }
}
