namespace Edge.Demo;

/// <summary>
/// The embedded default configuration of <c>edge demo</c>: two simulated sensors polled every second, a hot-rack rule
/// that the simulated spike trips within about 15 s and that resolves about 20 s later, a rate-of-change rule, and the
/// ASHRAE A1 preset enabled in one line.
/// </summary>
internal static class DemoConfig
{
    public const string Json = """
    {
      // edge demo: the real daemon on simulated sensors. Copy what you like into /etc/edge/edge.json.
      "appliance": { "id": "demo-rack", "site": "DEMO", "rack": "R1" },
      "sensors": [
        { "id": "rack-top",    "driver": "simulated", "interval": "1s", "baseTemperature": 24.5 },
        { "id": "rack-bottom", "driver": "simulated", "interval": "1s", "baseTemperature": 20 }
      ],
      "rules": [
        { "id": "rack-hot", "type": "sensor", "select": "*", "metric": "temperature_c",
          "above": 27, "clear": 26, "for": "3s", "clearFor": "2s", "severity": "critical",
          "summary": "{entity} is hot: {value} °C (limit {above} °C)" },
        { "id": "rack-heating-fast", "type": "sensor", "select": "rack-*", "metric": "temperature_c",
          "rising": 6, "window": "10s", "severity": "warning" },
        { "preset": "ashrae-a1" }
      ]
    }
    """;
}
