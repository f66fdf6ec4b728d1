using Edge.Core.Readings;
using Edge.Snmp.Profiles.Tests.Support;

namespace Edge.Snmp.Profiles.Tests.Profiles;

/// <summary>apc_smx750i: Smart-UPS X 750 on an AP9631 card (sysObjectID 318.1.3.27), recorded by LibreNMS.</summary>
public class ApcSmartUpsRecordingTests
{
    private const string Name = "apc_smx750i";

    [RecordingFact]
    public void Is_decoded_by_the_apc_ups_profile()
    {
        Assert.Equal("apc-ups", Decoded.Recording(Name).Profile.Name);
    }

    [RecordingFact]
    public void Battery_readings_come_from_HighPrec_then_Adv()
    {
        var d = Decoded.Recording(Name);

        // upsHighPrecBatteryCapacity 2.3.1.0 = 1000 (0.1 %) → 100.0 %; there is no upsAdvBatteryCapacity in the recording.
        Assert.Equal(100.0, d.Value("dev", Metrics.BatteryChargePct));
        // upsAdvBatteryRunTimeRemaining 2.2.3.0 = 570900 TimeTicks = 5709 s = 95.15 min.
        Assert.Equal(95.15, d.Value("dev", Metrics.BatteryRuntimeMin), 6);
        // upsAdvBatteryTemperature 2.2.2.0 = 31 °C (no HighPrec temperature).
        Assert.Equal(31, d.Value("dev", Metrics.BatteryTemperatureC));
        // upsAdvBatteryReplaceIndicator 2.2.4.0 = noBatteryNeedsReplacing(1).
        Assert.Equal(0, d.Value("dev", Metrics.ReplaceBattery));
        // upsAdvBatteryActualVoltage 2.2.8.0 = 54 V.
        Assert.Equal(54, d.Value("dev", Metrics.BatteryVoltageV));
        // No upsBasicBatteryStatus and no RFC 1628 battery group: the status is absent, not "unknown".
        Assert.False(d.Has("dev", Metrics.BatteryStatus));
    }

    [RecordingFact]
    public void Input_and_output_readings_take_Adv_where_there_is_no_HighPrec()
    {
        var d = Decoded.Recording(Name);

        // upsAdvInputLineVoltage 3.2.1.0 = 232 V (whole volts), upsAdvInputFrequency 3.2.4.0 = 50 Hz.
        Assert.Equal(232, d.Value("dev/input/1", Metrics.VoltageV));
        Assert.Equal(50, d.Value("dev/input/1", Metrics.FrequencyHz));
        // upsHighPrecOutputLoad 4.3.3.0 = 202 (0.1 %) → 20.2 %; upsHighPrecOutputCurrent 4.3.4.0 = 6 → 0.6 A.
        Assert.Equal(20.2, d.Value("dev", Metrics.LoadPct), 6);
        Assert.Equal(20.2, d.Value("dev/output/1", Metrics.LoadPct), 6);
        Assert.Equal(0.6, d.Value("dev/output/1", Metrics.CurrentA), 6);
        // upsAdvOutputVoltage 4.2.1.0 = 232 V.
        Assert.Equal(232, d.Value("dev/output/1", Metrics.VoltageV));
    }

    [RecordingFact]
    public void On_line_with_no_test_running()
    {
        var d = Decoded.Recording(Name);

        // upsBasicOutputStatus 4.1.1.0 = onLine(2).
        Assert.Equal("normal", d.State("dev", Metrics.OutputSource));
        // No upsAdvTest objects in the recording: nothing is said about tests, so ups_test is not written.
        Assert.False(d.Has("dev", Metrics.UpsTest));
    }

    [RecordingFact]
    public void The_connected_iem_probe_reads_and_the_disconnected_one_does_not()
    {
        var d = Decoded.Recording(Name);

        // iemStatusProbeStatus.1 = connected(2), CurrentTemp.1 = 23, TempUnits.1 = celsius(1); CurrentHumid.1 = 0 (not a humidity probe).
        Assert.Equal(23, d.Value("dev/sensor/1", Metrics.TemperatureC));
        Assert.False(d.Has("dev/sensor/1", Metrics.HumidityPct));
        // Probe 2: disconnected(1), temperature −1: no reading at all, not −1 and not 0.
        Assert.False(d.Has("dev/sensor/2", Metrics.TemperatureC));
        Assert.DoesNotContain(d.Readings.All, r => r.Entity == "dev/sensor/2");
    }
}
