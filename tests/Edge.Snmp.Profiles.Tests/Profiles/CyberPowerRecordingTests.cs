using Edge.Core.Readings;
using Edge.Snmp.Profiles.Tests.Support;

namespace Edge.Snmp.Profiles.Tests.Profiles;

/// <summary>cyberpower_pr2200rt2uc: CyberPower PR2200RT2UC on an RMCARD (sysObjectID 3808.1.1.1), RFC 1628 + CPS-MIB + envir2 probe.</summary>
public class CyberPowerRecordingTests
{
    private const string Name = "cyberpower_pr2200rt2uc";

    [RecordingFact]
    public void Is_decoded_by_the_cyberpower_profile()
    {
        Assert.Equal("cyberpower", Decoded.Recording(Name).Profile.Name);
    }

    [RecordingFact]
    public void Battery_readings_prefer_the_CPS_MIB()
    {
        var d = Decoded.Recording(Name);

        // upsAdvanceBatteryCapacity = 100 % (RFC 1628 upsEstimatedChargeRemaining agrees).
        Assert.Equal(100, d.Value("dev", Metrics.BatteryChargePct));
        // upsAdvanceBatteryRunTimeRemaining = 1050000 TimeTicks = 10500 s = 175 min (RFC 1628 says 175 too).
        Assert.Equal(175, d.Value("dev", Metrics.BatteryRuntimeMin), 9);
        // upsAdvanceBatteryVoltage = 548 (0.1 V) → 54.8 V.
        Assert.Equal(54.8, d.Value("dev", Metrics.BatteryVoltageV), 9);
        // upsAdvanceBatteryTemperature is NULL: the RFC 1628 upsBatteryTemperature (27 °C) stays, the NULL is not a 0.
        Assert.Equal(27, d.Value("dev", Metrics.BatteryTemperatureC));
        // upsBaseBatteryStatus = batteryNormal(2); upsAdvanceBatteryReplaceIndicator = 1 (no).
        Assert.Equal("normal", d.State("dev", Metrics.BatteryStatus));
        Assert.Equal(0, d.Value("dev", Metrics.ReplaceBattery));
    }

    [RecordingFact]
    public void Input_output_and_state_prefer_the_CPS_MIB_where_the_two_disagree()
    {
        var d = Decoded.Recording(Name);

        // upsAdvanceInputLineVoltage = 1210 (0.1 V) → 121.0 V.
        Assert.Equal(121.0, d.Value("dev/input/1", Metrics.VoltageV), 9);
        // upsAdvanceOutputLoad = 3 %.
        Assert.Equal(3, d.Value("dev", Metrics.LoadPct));
        // upsAdvanceOutputCurrent = 6 (0.1 A) → 0.6 A, where RFC 1628 upsOutputCurrent says 0; power 69 W where RFC 1628 says 0.
        Assert.Equal(0.6, d.Value("dev/output/1", Metrics.CurrentA), 9);
        Assert.Equal(69, d.Value("dev/output/1", Metrics.PowerW));
        // upsBaseOutputStatus = onLine(2), upsOutputSource = normal(3).
        Assert.Equal("normal", d.State("dev", Metrics.OutputSource));
        // upsAdvanceTestDiagnosticsResults and CalibrationResults are NULL, RFC 1628 upsTestResultsSummary = donePass(1): no test running.
        Assert.Equal(0, d.Value("dev", Metrics.UpsTest));
    }

    [RecordingFact]
    public void The_envir2_probe_converts_fahrenheit_hundredths()
    {
        var d = Decoded.Recording(Name);

        // envir2TempUnit = fahrenheit(2); envir2Temperature.1 = 8304 → 83.04 °F → (83.04 − 32) × 5/9 = 28.36 °C.
        Assert.Equal(28.36, d.Value("dev/sensor/1", Metrics.TemperatureC), 9);
        // envir2Humidity.1 = 8479 (0.01 %) → 84.79 %, over the probe's own high threshold of 80 %.
        Assert.Equal(84.79, d.Value("dev/sensor/1", Metrics.HumidityPct), 9);
        // The legacy envir probe's temperature and humidity are NULL: no sensor/0.
        Assert.DoesNotContain(d.Readings.All, r => r.Entity == "dev/sensor/0");
    }

    [RecordingFact]
    public void The_envir2_contacts_read_normal()
    {
        var d = Decoded.Recording(Name);

        // envir2ContactStatus.1–4 = 1 (contactNormal; "Door Alarm", "Flood Alarm", "Air Conditioner", "ENV_Contact#1-4")
        // → contact normal (the legacy envirContactStatus.1–4 of the same inputs are NULL).
        Assert.Equal(new[] { "dev/sensor/contact-1", "dev/sensor/contact-2", "dev/sensor/contact-3", "dev/sensor/contact-4" },
            d.All(Metrics.Contact).Keys.Order());
        Assert.All(d.All(Metrics.Contact).Keys, e => Assert.Equal("normal", d.State(e, Metrics.Contact)));
    }
}
