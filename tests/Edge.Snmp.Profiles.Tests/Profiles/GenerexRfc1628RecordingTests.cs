using Edge.Core.Readings;
using Edge.Snmp.Profiles.Tests.Support;

namespace Edge.Snmp.Profiles.Tests.Profiles;

/// <summary>generex-ups_cs141: Generex CS141 card on a 3-phase "Multimatic Upscale" UPS; reports the UPS-MIB OID as its sysObjectID.</summary>
public class GenerexRfc1628RecordingTests
{
    private const string Name = "generex-ups_cs141";

    [RecordingFact]
    public void Is_decoded_by_the_rfc1628_profile()
    {
        Assert.Equal("rfc1628", Decoded.Recording(Name).Profile.Name);
    }

    [RecordingFact]
    public void The_ups_is_on_bypass_with_a_normal_battery()
    {
        var d = Decoded.Recording(Name);

        // upsOutputSource = bypass(4); upsBatteryStatus = batteryNormal(2); upsSecondsOnBattery = 0.
        Assert.Equal("bypass", d.State("dev", Metrics.OutputSource));
        Assert.Equal("normal", d.State("dev", Metrics.BatteryStatus));
        // upsEstimatedChargeRemaining = 100 %, upsEstimatedMinutesRemaining = 544 min.
        Assert.Equal(100, d.Value("dev", Metrics.BatteryChargePct));
        Assert.Equal(544, d.Value("dev", Metrics.BatteryRuntimeMin));
        // upsBatteryVoltage = 2716 (0.1 V) → 271.6 V; upsBatteryTemperature = 25 °C.
        Assert.Equal(271.6, d.Value("dev", Metrics.BatteryVoltageV), 9);
        Assert.Equal(25, d.Value("dev", Metrics.BatteryTemperatureC));
    }

    [RecordingFact]
    public void Three_input_and_output_lines_are_read_with_their_scaling()
    {
        var d = Decoded.Recording(Name);

        // upsInputVoltage.1-3 = 233 / 233 / 235 V; upsInputFrequency = 500 (0.1 Hz) → 50.0 Hz.
        Assert.Equal(new Dictionary<string, double> { ["dev/input/1"] = 233, ["dev/input/2"] = 233, ["dev/input/3"] = 235, ["dev/output/1"] = 233, ["dev/output/2"] = 233, ["dev/output/3"] = 235 },
            d.All(Metrics.VoltageV));
        Assert.Equal(50.0, d.Value("dev/input/2", Metrics.FrequencyHz), 9);
        // upsOutputCurrent.1-3 = 3 / 21 / 2 (0.1 A) → 0.3 / 2.1 / 0.2 A.
        Assert.Equal(0.3, d.Value("dev/output/1", Metrics.CurrentA), 9);
        Assert.Equal(2.1, d.Value("dev/output/2", Metrics.CurrentA), 9);
        Assert.Equal(0.2, d.Value("dev/output/3", Metrics.CurrentA), 9);
        // upsOutputPower.1-3 = −4 / 469 / −26 W. Its SYNTAX is NonNegativeInteger (0..2147483647): −4 and −26 are outside
        // the declared range, so lines 1 and 3 have no power reading; line 2 reads 469 W.
        Assert.False(d.Has("dev/output/1", Metrics.PowerW));
        Assert.Equal(469, d.Value("dev/output/2", Metrics.PowerW));
        Assert.False(d.Has("dev/output/3", Metrics.PowerW));
        // upsOutputPercentLoad.1-3 = 2 / 14 / 2 %; the device's load is the highest line, 14 %.
        Assert.Equal(14, d.Value("dev/output/2", Metrics.LoadPct));
        Assert.Equal(14, d.Value("dev", Metrics.LoadPct));
        // upsOutputFrequency = 500 → 50.0 Hz on every output line.
        Assert.Equal(50.0, d.Value("dev/output/3", Metrics.FrequencyHz), 9);
    }
}
