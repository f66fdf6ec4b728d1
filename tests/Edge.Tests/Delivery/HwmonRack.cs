using System.Globalization;
using System.Text.Json.Nodes;

namespace Edge.Tests.Delivery;

/// <summary>
/// A rack of hwmon sensors made of files in a temp dir (temp1_input in millidegrees, as the kernel writes it), and
/// the edge.json that watches them with a rule that pages above 30 °C and resolves at 29 °C.
/// </summary>
public sealed class HwmonRack : IDisposable
{
    public const string Key = "E2Ekey0123456789abcdefABCDEF0123";
    public const string ContactName = "Lab ops";
    public const string ContactEmail = "lab-ops@example.com";

    private readonly TempDir _dir = new();

    /// <summary>Whether an event PagerDuty received names the box's owner (appliance.contact) in its custom_details.</summary>
    public static bool NamesTheContact(Edge.Emulators.PagerDuty.ReceivedEvent e) =>
        e.CustomDetails?["contact"] is JsonObject c && (string?)c["name"] == ContactName && (string?)c["email"] == ContactEmail;

    public HwmonRack(int sensors, Uri connector)
    {
        StateDir = Path.Combine(Root, "state");
        Sensors = Enumerable.Range(1, sensors).Select(i => $"h{i}").ToArray();
        foreach (var s in Sensors)
        {
            Directory.CreateDirectory(Path.Combine(Root, s));
            Set(s, 20);
        }
        var config = new JsonObject
        {
            ["appliance"] = new JsonObject
            {
                ["id"] = "e2e-rack", ["site"] = "LAB", ["rack"] = "R1",
                ["contact"] = new JsonObject { ["name"] = ContactName, ["email"] = ContactEmail },
            },
            ["stateDir"] = StateDir,
            ["pagerduty"] = new JsonObject { ["connector"] = connector.ToString(), ["routingKey"] = Key, ["clock"] = "assume-synchronized" },
            ["sensors"] = new JsonArray(Sensors.Select(s => (JsonNode)new JsonObject { ["id"] = s, ["driver"] = "hwmon", ["path"] = Path.Combine(Root, s), ["interval"] = "100ms" }).ToArray()),
            ["rules"] = new JsonArray(new JsonObject
            {
                ["id"] = "hot", ["type"] = "sensor", ["select"] = "*", ["metric"] = "temperature_c", ["above"] = 30, ["clear"] = 29, ["severity"] = "critical",
            }),
        };
        ConfigFile = Path.Combine(Root, "edge.json");
        File.WriteAllText(ConfigFile, config.ToJsonString());
    }

    public string Root => _dir.Path;
    public string StateDir { get; }
    public string ConfigFile { get; }
    public string[] Sensors { get; }
    public Dictionary<string, double> Temperatures { get; } = [];

    public IEnumerable<string> Hot => Sensors.Where(s => Temperatures[s] > 30);

    public static string DedupKey(string sensor) => $"e2e-rack/hot/{sensor}";

    /// <summary>Written to a temp file and renamed, as sysfs never shows a half-written value.</summary>
    public void Set(string sensor, double celsius)
    {
        var file = Path.Combine(Root, sensor, "temp1_input");
        File.WriteAllText(file + ".tmp", ((long)(celsius * 1000)).ToString(CultureInfo.InvariantCulture));
        File.Move(file + ".tmp", file, overwrite: true);
        Temperatures[sensor] = celsius;
    }

    public string[] Args(params string[] command) => [.. command, "--config", ConfigFile];

    public void Dispose() => _dir.Dispose();
}
