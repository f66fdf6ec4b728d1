using Edge.Core.Alerts;
using Edge.Core.Readings;
using Edge.Core.Rules;
using Edge.Snmp.Profiles.Tests.Support;

namespace Edge.Snmp.Profiles.Tests.Profiles;

/// <summary>
/// apc-epdu_epdu1116s: APC Easy PDU EPDU1116S, firmware Ver11.10 (sysObjectID 318.1.3.4.9 masterSwitchePDU), which
/// answers only PowerNet-MIB's ePDU group: ePDUPhaseStatus rows 1–3, all zero but phase 1's energy.
/// </summary>
public class ApcEasyPdu1116sRecordingTests
{
    private const string Name = "apc-epdu_epdu1116s";

    [RecordingFact]
    public void Is_decoded_by_the_easy_pdu_profile_not_rpdu2()
    {
        Assert.Equal("apc-epdu", Decoded.Recording(Name).Profile.Name);
    }

    [RecordingFact]
    public void Phase_energy_is_watt_hours_read_as_kilowatt_hours()
    {
        var d = Decoded.Recording(Name);

        // ePDUPhaseStatusEnergy.1 = 332241 ("Units:1 Wh") → 332241 / 1000 = 332.241 kWh (LibreNMS: divisor 1000, 332.241).
        Assert.Equal(332.241, d.Value("dev/phase/1", Metrics.EnergyKwh), 9);
        // .2 and .3 = 0 Wh.
        Assert.Equal(0.0, d.Value("dev/phase/2", Metrics.EnergyKwh));
        Assert.Equal(0.0, d.Value("dev/phase/3", Metrics.EnergyKwh));
    }

    [RecordingFact]
    public void Every_phase_row_reads_voltage_current_and_power()
    {
        var d = Decoded.Recording(Name);

        // ePDUPhaseStatusVoltage/Current/ActivePower .1–.3 are all 0 in the recording (LibreNMS shows 0 for all nine).
        foreach (var phase in new[] { "dev/phase/1", "dev/phase/2", "dev/phase/3" })
        {
            Assert.Equal(0.0, d.Value(phase, Metrics.VoltageV));
            Assert.Equal(0.0, d.Value(phase, Metrics.CurrentA));
            Assert.Equal(0.0, d.Value(phase, Metrics.PowerW));
        }
        // The recording has no ApparentPower column and no device status numbers: no VA, no inlet.
        Assert.Empty(d.All(Metrics.ApparentPowerVa));
        Assert.DoesNotContain(d.Readings.All, r => r.Entity.Contains("/inlet/"));
        Assert.Equal(12, d.Readings.Count);
    }

    [RecordingFact]
    public void Phase_current_is_hundredths_and_voltage_tenths()
    {
        // The MIB's units, on this walk with a load put on phase 1:
        // ePDUPhaseStatusCurrent "Units:0.01 A": 1234 → 12.34 A; ePDUPhaseStatusVoltage "Units:0.1 V": 2306 → 230.6 V;
        // ePDUPhaseStatusActivePower "Units:1 Watt": 2650 W; ePDUPhaseStatusApparentPower "Units:1 VA": 2846 VA.
        var d = Decoded.RecordingWith(Name,
            "1.3.6.1.4.1.318.1.1.30.4.2.1.5.1|2|1234", "1.3.6.1.4.1.318.1.1.30.4.2.1.4.1|2|2306",
            "1.3.6.1.4.1.318.1.1.30.4.2.1.6.1|2|2650", "1.3.6.1.4.1.318.1.1.30.4.2.1.8.1|2|2846");

        Assert.Equal(12.34, d.Value("dev/phase/1", Metrics.CurrentA), 9);
        Assert.Equal(230.6, d.Value("dev/phase/1", Metrics.VoltageV), 9);
        Assert.Equal(2650, d.Value("dev/phase/1", Metrics.PowerW));
        Assert.Equal(2846, d.Value("dev/phase/1", Metrics.ApparentPowerVa));
    }

    [RecordingFact]
    public void The_device_status_row_is_the_inlet_and_notSupported_is_no_reading()
    {
        // ePDUDeviceStatusActivePower.1 "Units:1 Watt" 2650 W; Energy.1 "Units:1 Wh" 1500000 → 1500 kWh;
        // ApparentPower.1 = −1, the MIB's notSupported: no reading.
        var d = Decoded.RecordingWith(Name,
            "1.3.6.1.4.1.318.1.1.30.2.1.1.7.1|2|2650", "1.3.6.1.4.1.318.1.1.30.2.1.1.11.1|2|1500000",
            "1.3.6.1.4.1.318.1.1.30.2.1.1.9.1|2|-1");

        Assert.Equal(2650, d.Value("dev/inlet/1", Metrics.PowerW));
        Assert.Equal(1500, d.Value("dev/inlet/1", Metrics.EnergyKwh), 9);
        Assert.False(d.Has("dev/inlet/1", Metrics.ApparentPowerVa));
    }

    [RecordingFact]
    public void A_phase_over_the_operators_limit_triggers_an_infeed_rule()
    {
        // ePDUPhaseStatusCurrent.1 = 1450 (0.01 A) → 14.50 A on this 16 A PDU, over a rule at 12.8 A (80 % of 16 A);
        // phases 2 and 3 stay at 0 A.
        var bench = new RuleBench(["dev"], RuleBench.Rule("infeed-current-high", RuleType.Infeed, Metrics.CurrentA, above: 12.8));

        bench.Feed(Decoded.RecordingWith(Name, "1.3.6.1.4.1.318.1.1.30.4.2.1.5.1|2|1450").Readings.All);

        var e = Assert.Single(bench.Events);
        Assert.Equal(EventAction.Trigger, e.Action);
        Assert.Equal("dev/phase/1", e.Entity);
    }
}
