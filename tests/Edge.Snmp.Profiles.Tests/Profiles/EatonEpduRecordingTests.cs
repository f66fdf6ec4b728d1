using Edge.Core.Readings;
using Edge.Snmp.Profiles.Tests.Support;

namespace Edge.Snmp.Profiles.Tests.Profiles;

/// <summary>eatonpdu_2: Eaton ePDU MA EMA114-10, 1 phase 16 A, 24 outlets (sysObjectID 534.6.6.7), standalone (strap 0).</summary>
public class EatonEpduRecordingTests
{
    private const string Name = "eatonpdu_2";

    [RecordingFact]
    public void Is_decoded_by_the_eaton_epdu_profile()
    {
        Assert.Equal("eaton-epdu", Decoded.Recording(Name).Profile.Name);
    }

    [RecordingFact]
    public void The_input_conductor_reads_in_milli_units()
    {
        var d = Decoded.Recording(Name);

        // inputCurrent.0.1.1 = 14108 mA → 14.108 A (inputCurrentThStatus highWarning(3): over its 12.8 A warning).
        Assert.Equal(14.108, d.Value("dev/phase/0.1.1", Metrics.CurrentA), 9);
        // inputVoltage.0.1.1 = 118450 mV → 118.45 V.
        Assert.Equal(118.45, d.Value("dev/phase/0.1.1", Metrics.VoltageV), 9);
        // inputWatts.0.1.1 = 1589 W; inputCurrentPercentLoad.0.1.1 = 88 %.
        Assert.Equal(1589, d.Value("dev/phase/0.1.1", Metrics.PowerW));
        Assert.Equal(88, d.Value("dev/phase/0.1.1", Metrics.LoadPct));
    }

    [RecordingFact]
    public void The_inlet_carries_the_totals_and_the_frequency()
    {
        var d = Decoded.Recording(Name);

        // inputTotalWatts.0.1 = 1584 W, inputTotalVA.0.1 = 1673 VA, inputTotalWh.0.1 = 8185493 Wh → 8185.493 kWh.
        Assert.Equal(1584, d.Value("dev/inlet/0.1", Metrics.PowerW));
        Assert.Equal(1673, d.Value("dev/inlet/0.1", Metrics.ApparentPowerVa));
        Assert.Equal(8185.493, d.Value("dev/inlet/0.1", Metrics.EnergyKwh), 9);
        // inputFrequency.0.1 = 600 (0.1 Hz) → 60.0 Hz.
        Assert.Equal(60.0, d.Value("dev/inlet/0.1", Metrics.FrequencyHz), 9);
    }

    [RecordingFact]
    public void Every_outlet_reads_current_and_power()
    {
        var d = Decoded.Recording(Name);

        // outletCurrent.0.1 = 790 mA → 0.790 A; outletWatts.0.1 = 80 W; 24 outlets.
        Assert.Equal(0.79, d.Value("dev/outlet/0.1", Metrics.CurrentA), 9);
        Assert.Equal(80, d.Value("dev/outlet/0.1", Metrics.PowerW));
        Assert.Equal(24, d.All(Metrics.CurrentA).Keys.Count(e => e.Contains("/outlet/")));
    }
}
