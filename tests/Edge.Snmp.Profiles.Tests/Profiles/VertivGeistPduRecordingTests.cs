using Edge.Core.Readings;
using Edge.Snmp.Profiles.Tests.Support;

namespace Edge.Snmp.Profiles.Tests.Profiles;

/// <summary>vertiv-pdu_mg02e4w1 and vertiv-pdu_mn03edr1 (Recordings/SOURCES.md): Vertiv Geist rack PDUs, VERTIV-V5-MIB.</summary>
public class VertivGeistPduRecordingTests
{
    [RecordingFact]
    public void The_pdu_total_energy_is_read_in_kilowatt_hours()
    {
        var d = Decoded.Recording("vertiv-pdu_mg02e4w1");

        Assert.Equal("vertiv-geist-pdu", d.Profile.Name);
        // pduTotalEnergy.1 = 8483906 watt-hours → 8483.906 kWh; pduTotalRealPower.1 = 1017 W; pduMainAvail.1 = 1.
        Assert.Equal(8483.906, d.Value("dev/inlet/1", Metrics.EnergyKwh), 6);
        Assert.Equal(1017, d.Value("dev/inlet/1", Metrics.PowerW));
    }

    [RecordingFact]
    public void Phases_and_breakers_read_in_their_own_precision()
    {
        var d = Decoded.Recording("vertiv-pdu_mg02e4w1");

        // pduPhaseVoltage.1 = 2350 decivolts → 235.0 V; pduPhaseCurrent.1 = 95 centiamps → 0.95 A;
        // pduPhaseRealPower.1 = 198 W; pduPhaseApparentPower.1 = 224 VA.
        Assert.Equal(235.0, d.Value("dev/phase/1", Metrics.VoltageV), 9);
        Assert.Equal(0.95, d.Value("dev/phase/1", Metrics.CurrentA), 9);
        Assert.Equal(198, d.Value("dev/phase/1", Metrics.PowerW));
        Assert.Equal(224, d.Value("dev/phase/1", Metrics.ApparentPowerVa));
        // pduBreakerCurrent.4 = 181 centiamps → 1.81 A.
        Assert.Equal(1.81, d.Value("dev/bank/4", Metrics.CurrentA), 9);
        Assert.Equal(6, d.All(Metrics.CurrentA).Keys.Count(e => e.Contains("/bank/")));
    }

    [RecordingFact]
    public void A_pdu_without_its_main_table_still_reads_phases()
    {
        var d = Decoded.Recording("vertiv-pdu_mn03edr1");

        // pduPhaseVoltage.2 = 2079 → 207.9 V; pduPhaseCurrent.2 = 728 → 7.28 A; pduPhaseRealPower.2 = 1477 W.
        Assert.Equal(207.9, d.Value("dev/phase/2", Metrics.VoltageV), 9);
        Assert.Equal(7.28, d.Value("dev/phase/2", Metrics.CurrentA), 9);
        Assert.Equal(1477, d.Value("dev/phase/2", Metrics.PowerW));
        // pduBreakerCurrent.1 = 467 → 4.67 A. No pduMainTable in the recording: no inlet of its own, only the lines.
        Assert.Equal(4.67, d.Value("dev/bank/1", Metrics.CurrentA), 9);
        Assert.DoesNotContain(d.Readings.All, r => r.Entity.Contains("/inlet/") && !r.Entity.Contains("/inlet/line-"));
    }

    [RecordingFact]
    public void The_line_currents_of_a_delta_pdu_are_read_apart_from_its_phases()
    {
        var d = Decoded.Recording("vertiv-pdu_mn03edr1");

        // pduLineTable (VERTIV-V5-MIB pduLineCurrent, Gauge32 0..9900, "centiamps (rms)"): .1 = 1255, .2 = 1264,
        // .3 = 1259 → 12.55 A, 12.64 A, 12.59 A in the three input conductors, while each delta phase (pduPhaseCurrent
        // 725 / 728 / 723) carries 7.25 / 7.28 / 7.23 A: about 12.6 / 7.25 = 1.73 ≈ √3, as a balanced delta load gives.
        Assert.Equal(new Dictionary<string, double>
        {
            ["dev/inlet/line-1"] = 12.55, ["dev/inlet/line-2"] = 12.64, ["dev/inlet/line-3"] = 12.59,
        }, d.All(Metrics.CurrentA).Where(p => p.Key.Contains("/inlet/")).ToDictionary());
    }

    [Fact]
    public void Values_outside_the_declared_ranges_are_no_reading()
    {
        // pduTotalEnergy is Gauge32 (0..9999000): 9999001 is outside; pduPhaseCurrent (0..9900): 9901 is outside;
        // pduMainAvail 0 = the PDU's main data is unavailable: its power 500 is not a reading.
        var d = Agent.Decode("vertiv-geist-pdu",
            "1.3.6.1.4.1.21239.5.2.3.1.1.12.1|66|9999001", "1.3.6.1.4.1.21239.5.2.3.1.1.9.1|66|800",
            "1.3.6.1.4.1.21239.5.2.3.1.1.5.2|66|0", "1.3.6.1.4.1.21239.5.2.3.1.1.9.2|66|500",
            "1.3.6.1.4.1.21239.5.2.3.2.1.8.1|66|9901", "1.3.6.1.4.1.21239.5.2.3.2.1.4.1|66|2300");

        Assert.False(d.Has("dev/inlet/1", Metrics.EnergyKwh));
        Assert.Equal(800, d.Value("dev/inlet/1", Metrics.PowerW));
        Assert.DoesNotContain(d.Readings.All, r => r.Entity == "dev/inlet/2");
        Assert.False(d.Has("dev/phase/1", Metrics.CurrentA));
        Assert.Equal(230.0, d.Value("dev/phase/1", Metrics.VoltageV), 9);
    }
}
