using System.Text.Json;
using Edge.Core.Configuration;
using Edge.Delivery.Configuration;
using Edge.Display.Configuration;
using Edge.Core.Readings;
using Edge.Inventory.Configuration;
using Edge.Sensors.Configuration;
using Edge.Snmp.Configuration;
using Microsoft.Extensions.Configuration;
using Edge.Pipeline;
using Edge.Sources;
using Edge.Status;
using Edge.Systemd;

namespace Edge.Configuration;

/// <summary>
/// Loads /etc/edge/edge.json (JSON with comments) through Microsoft.Extensions.Configuration and validates it as a
/// whole: every problem, each with its JSON path and line, or a configuration every stage can run on.
/// </summary>
public static class EdgeConfigLoader
{
    public const string DefaultPath = "/etc/edge/edge.json";
    public const string DefaultStateDir = "/var/lib/edge";

    private static readonly string[] TopLevelKeys = ["appliance", "stateDir", "limits", "sensors", "snmp", "snmpTraps", "rules", "status", "heartbeat", "peers", "pagerduty", "display", "device42", "maintenance", "maintenanceButton"];

    public static ConfigLoadResult Load(string path, string? stateDirOverride = null)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Failed(path, null, new ConfigProblem("$", $"cannot read the configuration file: {e.Message}"));
        }
        return Parse(path, bytes, stateDirOverride);
    }

    public static ConfigLoadResult Parse(string path, byte[] bytes, string? stateDirOverride = null)
    {
        try
        {
            using var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                return Failed(path, 1, new ConfigProblem("$", "the configuration must be a JSON object ({ ... })"));
        }
        catch (JsonException e)
        {
            return Failed(path, (int?)e.LineNumber + 1, new ConfigProblem("$", $"malformed JSON at line {e.LineNumber + 1}, column {e.BytePositionInLine + 1}: {FirstSentence(e.Message)}"));
        }

        IConfiguration configuration;
        try
        {
            configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(bytes)).Build();
        }
        catch (FormatException e)
        {
            // Duplicate keys pass JsonDocument but not the configuration provider.
            return Failed(path, null, new ConfigProblem("$", FirstSentence(e.InnerException?.Message ?? e.Message)));
        }

        var problems = new ConfigProblems();
        var root = new ConfigNode(configuration, problems);
        root.OnlyKeys(TopLevelKeys);
        var stateDir = stateDirOverride ?? root.String("stateDir") ?? DefaultStateDir;
        var sensors = SensorsReader.Read(root);
        var display = DisplayReader.Read(root);
        var snmp = SnmpReader.Read(root);
        var snmpTraps = SnmpTrapReader.Read(root);
        var peers = WatchReader.ReadPeers(root);
        var heartbeat = WatchReader.ReadHeartbeat(root);
        var sources = sensors.Select(s => s.Descriptor).Concat(snmp.Select(d => d.Descriptor)).Concat(peers.Select(p => p.Descriptor)).ToList();
        var paths = sensors.Select(_ => "$.sensors").Concat(snmp.Select(d => d.ConfigPath)).Concat(peers.Select(_ => "$.peers")).ToList();
        var device42 = Device42Reader.Read(root);
        if (device42 is not null)
        {
            // Inventory entity ids start with their kind (software/…), so those words cannot also be device ids.
            foreach (var reserved in sources.Where(s => EntityId.TryParseInventoryKind(s.Id, out _)))
                problems.Add("$.sensors", $"device id '{reserved.Id}' is reserved while \"device42\" is configured: inventory entity ids start with it");
            sources.Add(device42.Descriptor);
            paths.Add("$.device42");
        }
        var firstUse = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < sources.Count; i++)
        {
            if (firstUse.TryGetValue(sources[i].Id, out var first))
                problems.Add(paths[i] is "$.sensors" or "$.peers" or "$.device42" ? paths[i] : paths[i] + ".id",
                    $"duplicate device id '{sources[i].Id}' (first used in {first}); sensor, SNMP device and peer ids must be unique, they are the DEVICE of entity ids");
            else
                firstUse[sources[i].Id] = paths[i];
        }
        var monitor = MonitorConfigReader.Read(root, sources, Environment.MachineName.ToLowerInvariant());
        var statusListen = StatusReader.Read(root);
        var maintenance = MaintenanceReader.Read(root, sensors);
        var delivery = PagerDutyReader.Read(root, monitor?.Rules ?? [], Environment.GetEnvironmentVariable("CREDENTIALS_DIRECTORY"));

        if (problems.Any || monitor is null)
        {
            var lines = JsonLineIndex.Build(bytes);
            return new ConfigLoadResult(null, problems.All.Select(p => new LocatedProblem(path, lines.LineOf(p.Path), p)).ToList());
        }
        return new ConfigLoadResult(new EdgeConfig(path, stateDir, monitor, sensors, snmp) { StatusListen = statusListen, Heartbeat = heartbeat, Peers = peers, Delivery = delivery, Display = display, Device42 = device42, SnmpTraps = snmpTraps, Maintenance = maintenance }, []);
    }

    /// <summary>
    /// Where the daemon serves its status, read from the file even when the rest of it is invalid: after a rejected
    /// edit the operator most needs <c>edge status</c>.
    /// </summary>
    public static string? StatusListenOf(string path)
    {
        try
        {
            var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(File.ReadAllBytes(path))).Build();
            var problems = new ConfigProblems();
            var listen = StatusReader.Read(new ConfigNode(configuration, problems));
            return problems.Any ? EdgeConfig.DefaultStatusListen : listen;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or System.Text.Json.JsonException)
        {
            return EdgeConfig.DefaultStatusListen;
        }
    }

    private static ConfigLoadResult Failed(string path, int? line, ConfigProblem problem) =>
        new(null, [new LocatedProblem(path, line, problem)]);

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". ", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message.TrimEnd('.');
    }
}
