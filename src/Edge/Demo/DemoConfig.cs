namespace Edge.Demo;

/// <summary>
/// The embedded default configuration of <c>edge demo</c>: two simulated sensors polled every second, a hot-rack rule
/// that the simulated spike trips within about 15 s and that resolves about 20 s later, a rate-of-change rule, and the
/// ASHRAE A1 preset enabled in one line; and a simulated UPS and PDU served over UDP on loopback (<see cref="DemoUps"/>,
/// <see cref="DemoPdu"/>) whose ports are known only once their agents are bound, polled every 2 s; and a simulated Device42 whose prohibited software pages at once.
/// </summary>
internal static class DemoConfig
{
    // `edge demo` starts a simulated Device42 on a free loopback port and writes its password to the state directory;
    // these stand-ins in the embedded text are replaced with both before it is read.
    public const string Device42Url = "http://127.0.0.1:42042/";
    public const string Device42PasswordFile = "/run/edge-demo/device42.password";
    public const string Device42User = "edge-demo";

    /// <summary>The simulated appliance's password: the demo's test checks that it is never printed.</summary>
    public const string Device42Password = "demo-d42-secret-never-shown";

    /// <summary>The configuration with fixed example ports, as shown to whoever copies it.</summary>
    public static string Json => For(16161, 16162);

    public static string For(int upsPort, int pduPort) => $$"""
    {
      // edge demo: the real daemon on simulated sensors. Copy what you like into /etc/edge/edge.json.
      "appliance": { "id": "demo-rack", "site": "DEMO", "rack": "R1" },
      "sensors": [
        { "id": "rack-top",    "driver": "simulated", "interval": "1s", "baseTemperature": 24.5 },
        { "id": "rack-bottom", "driver": "simulated", "interval": "1s", "baseTemperature": 20 }
      ],
      "snmp": [
        { "id": "demo-ups", "host": "127.0.0.1:{{upsPort}}", "community": "demo", "interval": "2s", "timeout": "500ms", "retries": 1 },
        { "id": "demo-pdu", "host": "127.0.0.1:{{pduPort}}", "community": "demo", "interval": "2s", "timeout": "500ms", "retries": 1 }
      ],
      "rules": [
        { "id": "rack-hot", "type": "sensor", "select": "*", "metric": "temperature_c",
          "above": 27, "clear": 26, "for": "3s", "clearFor": "2s", "severity": "critical",
          "summary": "{entity} is hot: {value} °C (limit {above} °C)" },
        { "id": "rack-heating-fast", "type": "sensor", "select": "rack-*", "metric": "temperature_c",
          "rising": 6, "window": "10s", "severity": "warning" },
        { "preset": "ashrae-a1" },
        { "id": "ups-on-battery", "type": "ups", "select": "demo-ups", "metric": "output_source", "state": "battery",
          "for": "4s", "clearFor": "2s", "severity": "critical", "summary": "{entity} is on battery" },
        { "id": "pdu-bank-high", "type": "bank", "select": "demo-pdu/bank/*", "metric": "current_a",
          "above": 10, "clear": 9, "for": "4s", "severity": "warning", "summary": "{entity} draws {value} A (limit {above} A)" },
        { "id": "power-unit-offline", "type": "power-unit-offline", "select": "*", "for": "6s" },
        { "preset": "ups-lost-on-battery" },
        { "id": "no-prohibited-software", "type": "prohibited-software", "severity": "error",
          "summary": "[{appliance}] prohibited software installed: {entity}" },
        { "id": "subnet-full", "type": "subnet", "metric": "used_pct", "above": 90, "clear": 85 }
      ],
      // A simulated Device42 (docs/inventory.md): a prohibited title on two workstations, a nearly full subnet.
      "device42": { "url": "http://127.0.0.1:42042/", "user": "edge-demo", "passwordFile": "/run/edge-demo/device42.password",
                    "interval": "5s", "timeout": "2s" }
    }
    """;
}
