using Edge.Core.Readings;
using Edge.Snmp.Profiles.Tests.Support;

namespace Edge.Snmp.Profiles.Tests.Profiles;

/// <summary>
/// cyberpower (Recordings/SOURCES.md): a CyberPower OL2200RTXL2U UPS whose card reports the ePDU sysObjectID
/// 3808.1.1.3, with only the CPS-MIB UPS objects, the legacy envir probe and one stray ePDU object.
/// </summary>
public class CyberPowerUpsRecordingTests
{
    private const string Name = "cyberpower";

    [RecordingFact]
    public void The_ups_reads_from_the_CPS_MIB_whatever_its_sysObjectID()
    {
        var d = Decoded.Recording(Name);

        Assert.Equal("cyberpower", d.Profile.Name);
        // upsBaseBatteryStatus batteryNormal(2); upsAdvanceBatteryCapacity 100 %; upsAdvanceBatteryTemperature 36 °C.
        Assert.Equal("normal", d.State("dev", Metrics.BatteryStatus));
        Assert.Equal(100, d.Value("dev", Metrics.BatteryChargePct));
        Assert.Equal(36, d.Value("dev", Metrics.BatteryTemperatureC));
        // upsAdvanceBatteryRunTimeRemaining 174000 TimeTicks = 1740 s = 29 min.
        Assert.Equal(29, d.Value("dev", Metrics.BatteryRuntimeMin), 9);
        // upsAdvanceInputLineVoltage 1195 (0.1 V) → 119.5 V, frequency 600 (0.1 Hz) → 60.0 Hz.
        Assert.Equal(119.5, d.Value("dev/input/1", Metrics.VoltageV), 9);
        Assert.Equal(60.0, d.Value("dev/input/1", Metrics.FrequencyHz), 9);
        // upsAdvanceOutputVoltage 1202 → 120.2 V; upsAdvanceOutputCurrent 65 (0.1 A) → 6.5 A; onLine(2) → normal.
        Assert.Equal(120.2, d.Value("dev/output/1", Metrics.VoltageV), 9);
        Assert.Equal(6.5, d.Value("dev/output/1", Metrics.CurrentA), 9);
        Assert.Equal("normal", d.State("dev", Metrics.OutputSource));
    }

    [RecordingFact]
    public void The_legacy_probe_is_in_tenths_of_fahrenheit()
    {
        var d = Decoded.Recording(Name);

        // envirTemperature 683 (0.1 °F) → 68.3 °F → (68.3 − 32) × 5/9 = 20.17 °C; envirHumidity 56 %.
        Assert.Equal(20.17, d.Value("dev/sensor/0", Metrics.TemperatureC), 9);
        Assert.Equal(56, d.Value("dev/sensor/0", Metrics.HumidityPct));
    }

    [RecordingFact]
    public void A_stray_ePDU_object_at_index_0_makes_no_phase_or_bank()
    {
        // ePDULoadStatusActivePower.0 = 500: index 0 is outside ePDULoadStatusIndex (1..10) and has no load column.
        var d = Decoded.Recording(Name);

        Assert.DoesNotContain(d.Readings.All, r => r.Entity.Contains("/phase/") || r.Entity.Contains("/bank/") || r.Entity.Contains("/inlet/"));
    }

    [RecordingFact]
    public void The_legacy_contact_table_reads_and_an_abnormal_contact_is_an_alarm()
    {
        var d = Decoded.Recording(Name);

        // envirContactStatus.1–4 = 1 / 1 / 2 / 1 (contactNormal(1), contactAbnormal(2); names "Door Alarm", "Flood Alarm",
        // "Contact#3", "Contact#4", every envirContactNormalState normalOpen(1)): contact 3 is closed where it should be
        // open → alarm. No envir2 table in this recording.
        Assert.Equal("normal", d.State("dev/sensor/contact-1", Metrics.Contact));
        Assert.Equal("normal", d.State("dev/sensor/contact-2", Metrics.Contact));
        Assert.Equal("alarm", d.State("dev/sensor/contact-3", Metrics.Contact));
        Assert.Equal("normal", d.State("dev/sensor/contact-4", Metrics.Contact));
    }
}
