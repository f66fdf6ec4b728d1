using Edge.Core.Readings;
using Edge.Snmp.Profiles.Tests.Support;

namespace Edge.Snmp.Profiles.Tests.Profiles;

/// <summary>enlogic-pdu2: an Enlogic three-phase rack PDU (sysObjectID 38446.1), ENLOGIC-PDU-MIB, with 3 of 12 breaker rows in use.</summary>
public class EnlogicPduRecordingTests
{
    private const string Name = "enlogic-pdu2";
    private const string Pdu = "1.3.6.1.4.1.38446.1.";

    [Fact]
    public void Is_decoded_by_the_enlogic_profile()
    {
        Assert.Equal("enlogic-pdu", Decoded.Recording(Name).Profile.Name);
    }

    [Fact]
    public void Unit_totals_and_the_three_phases_read_scaled()
    {
        var d = Decoded.Recording(Name);

        // pduUnitStatus row 1: active power 1120 W, apparent 1222 VA, energy 527776 (0.1 kWh) → 52777.6 kWh.
        Assert.Equal(1120, d.Value("dev/inlet/1", Metrics.PowerW));
        Assert.Equal(1222, d.Value("dev/inlet/1", Metrics.ApparentPowerVa));
        Assert.Equal(52777.6, d.Value("dev/inlet/1", Metrics.EnergyKwh), 9);
        // pduInputPhaseStatus rows 1.1–1.3: current 277/472/318 (0.01 A) → 2.77/4.72/3.18 A, voltage 205 V each,
        // active power 521/599/0 W (the device's own 0 on phase 3), apparent power 568/652/0 VA.
        Assert.Equal(2.77, d.Value("dev/phase/1.1", Metrics.CurrentA), 9);
        Assert.Equal(4.72, d.Value("dev/phase/1.2", Metrics.CurrentA), 9);
        Assert.Equal(3.18, d.Value("dev/phase/1.3", Metrics.CurrentA), 9);
        Assert.Equal(205, d.Value("dev/phase/1.2", Metrics.VoltageV));
        Assert.Equal(599, d.Value("dev/phase/1.2", Metrics.PowerW));
        Assert.Equal(652, d.Value("dev/phase/1.2", Metrics.ApparentPowerVa));
    }

    [Fact]
    public void Only_the_breakers_the_pdu_has_read_as_banks()
    {
        var d = Decoded.Recording(Name);

        // Breakers 1.1–1.3: load state normal(5), current 277/318/0 (0.01 A) → 2.77/3.18/0.00 A. Breakers 1.4–1.12:
        // load state 0, outside the enumeration: not breakers of this PDU, their 0 A is no reading.
        Assert.Equal(new Dictionary<string, double> { ["dev/bank/1.1"] = 2.77, ["dev/bank/1.2"] = 3.18, ["dev/bank/1.3"] = 0 },
            d.All(Metrics.CurrentA).Where(kv => kv.Key.Contains("/bank/", StringComparison.Ordinal)).ToDictionary(kv => kv.Key, kv => Math.Round(kv.Value, 9)));
    }

    [Fact]
    public void A_negative_measurement_is_no_reading_and_metered_outlets_read()
    {
        // pduInputPhaseStatusCurrent.1.1 = −1 (Integer32, not a magnitude); outlet 1.7 metered: 152 (0.01 A) → 1.52 A, 180 W.
        var d = Decoded.RecordingWith(Name, Pdu + "3.4.1.5.1.1|2|-1", Pdu + "5.9.1.5.1.7|2|152", Pdu + "5.9.1.6.1.7|2|180");

        Assert.False(d.Has("dev/phase/1.1", Metrics.CurrentA));
        Assert.Equal(205, d.Value("dev/phase/1.1", Metrics.VoltageV));
        Assert.Equal(1.52, d.Value("dev/outlet/1.7", Metrics.CurrentA), 9);
        Assert.Equal(180, d.Value("dev/outlet/1.7", Metrics.PowerW));
    }
}
