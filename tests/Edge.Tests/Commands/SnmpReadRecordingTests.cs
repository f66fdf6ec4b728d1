using System.Text.Json;
using Edge.Testing.Snmpsim;
using Edge.Tests.Support;

namespace Edge.Tests.Commands;

/// <summary>
/// <c>edge snmp read --json</c>, the real binary, against snmpsimd serving a recording for each of these
/// profiles: the profile auto-detected from sysObjectID, and the values worked out by hand from the MIBs (the profile tests
/// give the arithmetic) arriving as numbers, and contacts as state names.
/// </summary>
public sealed class SnmpReadRecordingTests(SnmpSimulatorFixture sim) : IClassFixture<SnmpSimulatorFixture>
{
    public static TheoryData<string, string, string, string, string> Expected => new()
    {
        // recording, profile, entity (after DEVICE), metric, value as JSON
        { "akcp_serverprobe8", "akcp-sensorprobe", "/sensor/7", "temperature_c", "22" },
        { "akcp_serverprobe8", "akcp-sensorprobe", "/sensor/0", "humidity_pct", "42" },
        { "akcp_serverprobe8", "akcp-sensorprobe", "/sensor/switch-1", "contact", "\"normal\"" },
        { "rittal-cmc-iii-pu_cmciii-pu", "rittal-cmc3", "/sensor/1", "temperature_c", "39.1" },
        { "rittal-cmc-iii-pu_cmciii-pu", "rittal-cmc3", "/sensor/4", "contact", "\"closed\"" },
        { "rittal-cmc-iii-pu_cmciii-pu", "rittal-cmc3", "/sensor/3", "contact", "\"normal\"" },
        { "rittal-cmc-iii-pu", "rittal-cmc3", "/sensor/6", "contact", "\"normal\"" },
        { "rittal-cmc-iii-pu", "rittal-cmc3", "/sensor/4", "temperature_c", "18.8" },
        { "rittal-cmc-iii-pu", "rittal-cmc3", "/bank/2.PSM_P1_2", "current_a", "1.5" },
        { "rittal-cmc-iii-pu", "rittal-cmc3", "/sensor/input-1.1", "contact", "\"normal\"" },
        { "poweralert_pdu", "tripplite", "/phase/1.1", "current_a", "1" },
        { "poweralert_pdu", "tripplite", "/phase/1.1", "voltage_v", "207" },
        { "poweralert_pdu", "tripplite", "/bank/1.2", "current_a", "1" },
        { "poweralert_ups", "tripplite", "", "battery_runtime_min", "72" },
        { "liebert_weblbds", "liebert", "/output/1", "load_pct", "24" },
        { "liebert_weblbds", "liebert", "", "load_pct", "24" },
        { "liebert_mph2rg", "liebert", "/phase/1.1.1", "current_a", "2.42" },
        { "liebert", "liebert", "/sensor/1.3", "temperature_c", "20.1" },
        { "enlogic-pdu2", "enlogic-pdu", "/phase/1.2", "current_a", "4.72" },
        { "panduit", "panduit-pdu", "/bank/1.1", "current_a", "1.93" },
        { "apc-epdu_epdu1116s", "apc-epdu", "/phase/1", "energy_kwh", "332.241" },
    };

    [SnmpsimTheory]
    [MemberData(nameof(Expected))]
    public async Task Snmp_read_json_of_a_recording_names_the_profile_and_gives_the_hand_worked_values(string recording, string profile, string entity, string metric, string value)
    {
        var device = $"127.0.0.1:{sim.Agent.Port}";

        var result = await EdgeProcess.RunAsync(TimeSpan.FromSeconds(60), "snmp", "read", device, "--community", recording, "--json");

        Assert.True(result.ExitCode == 0, result.Stderr);
        using var doc = JsonDocument.Parse(result.Stdout);
        var root = doc.RootElement;
        Assert.Equal(profile, root.GetProperty("profile").GetString());
        Assert.True(root.GetProperty("reachable").GetBoolean());
        var reading = root.GetProperty("readings").EnumerateArray()
            .Single(r => r.GetProperty("entity").GetString() == device + entity && r.GetProperty("metric").GetString() == metric);
        Assert.Equal(value, reading.GetProperty("value").GetRawText());
    }
}
