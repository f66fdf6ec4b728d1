using System.Globalization;
using System.Text.Json;
using Edge.Emulators.Snmp;
using Edge.Testing.Snmpsim;
using Edge.Tests.Support;

namespace Edge.Tests.Commands;

/// <summary>
/// <c>edge snmp read --json</c> of each real recording kept in the repository (tests/Edge.Snmp.Profiles.Tests/Recordings,
/// LibreNMS, GPL-3.0; SOURCES.md there), served on loopback: the profile auto picks and one reading worked out by hand.
/// </summary>
public sealed class SnmpReadRecordingsTests
{
    [Theory]
    // ePDULoadStatusLoad.1 = 11 (0.1 A) → 1.1 A on phase 1 (phase rows come first).
    [InlineData("cyberpower_pdu81005", "cyberpower", "/phase/1", "current_a", 1.1)]
    // envirTemperature 683 (0.1 °F) → 68.3 °F → 20.17 °C.
    [InlineData("cyberpower", "cyberpower", "/sensor/0", "temperature_c", 20.17)]
    // measurementsInletSensorValue (activeEnergy) 74057676 Wh, 0 digits → 74057.676 kWh.
    [InlineData("raritan-pdu_px3", "raritan-pdu2", "/inlet/1.1", "energy_kwh", 74057.676)]
    // pduTotalEnergy 8483906 Wh → 8483.906 kWh.
    [InlineData("vertiv-pdu_mg02e4w1", "vertiv-geist-pdu", "/inlet/1", "energy_kwh", 8483.906)]
    // pduPhaseCurrent.2 = 728 centiamps → 7.28 A.
    [InlineData("vertiv-pdu_mn03edr1", "vertiv-geist-pdu", "/phase/2", "current_a", 7.28)]
    // pduLineCurrent.1 = 1255 centiamps → 12.55 A in input conductor 1 of this delta PDU.
    [InlineData("vertiv-pdu_mn03edr1", "vertiv-geist-pdu", "/inlet/line-1", "current_a", 12.55)]
    // memSensorsHumidity.0.6 = 38 %.
    [InlineData("apc_emu", "apc-env", "/sensor/0.6", "humidity_pct", 38)]
    // memSensorsHumidity.0.3 = 48 %.
    [InlineData("apc_environmental-manager", "apc-env", "/sensor/0.3", "humidity_pct", 48)]
    // infeedLoadValue.2.1 = 502 (0.01 A) → 5.02 A.
    [InlineData("sentry3", "sentry3", "/inlet/2.1", "current_a", 5.02)]
    // xupsBatTimeRemaining 8620 s → 143.67 min.
    [InlineData("eatonups", "eaton-ups", "", "battery_runtime_min", 143.67)]
    // xupsEnvAmbientTemp 29 °C (whole degrees Centigrade) → the card's own sensor/0.
    [InlineData("eatonups", "eaton-ups", "/sensor/0", "temperature_c", 29)]
    public async Task Reads_each_kept_recording_with_the_right_profile(string recording, string profile, string part, string metric, double expected)
    {
        var varBinds = SnmprecReader.ReadFile(RepoFiles.PathOf($"tests/Edge.Snmp.Profiles.Tests/Recordings/{recording}.snmprec"))
            .OrderBy(v => v.Oid).ToList();
        await using var agent = new SimulatedAgent("public", _ => varBinds, TimeProvider.System);
        var device = $"127.0.0.1:{agent.EndPoint.Port.ToString(CultureInfo.InvariantCulture)}";

        var result = await EdgeProcess.RunAsync(TimeSpan.FromSeconds(60), "snmp", "read", device, "--json");

        Assert.True(result.ExitCode == 0, result.Stderr);
        var root = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal(profile, root.GetProperty("profile").GetString());
        var reading = root.GetProperty("readings").EnumerateArray()
            .Single(r => r.GetProperty("entity").GetString() == device + part && r.GetProperty("metric").GetString() == metric);
        Assert.Equal(expected, reading.GetProperty("value").GetDouble(), 6);
    }
}
