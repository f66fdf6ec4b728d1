using Edge.Core.Readings;
using Edge.Snmp.Profiles.Tests.Support;

namespace Edge.Snmp.Profiles.Tests.Profiles;

/// <summary>poweralert_ups (Recordings/SOURCES.md): a Tripp Lite UPS whose RFC 1628 battery temperature is the −273 sentinel.</summary>
public class TrippLiteRfc1628RecordingTests
{
    [RecordingFact]
    public void Minus_273_degrees_is_no_probe_and_the_rest_reads()
    {
        var d = Decoded.Recording("poweralert_ups", profileName: "rfc1628");

        // upsBatteryTemperature −273: Tripp Lite's "no probe" (inside Integer32, a declared sentinel).
        Assert.False(d.Has("dev", Metrics.BatteryTemperatureC));
        // upsEstimatedMinutesRemaining 72 min; upsEstimatedChargeRemaining 100 %; upsBatteryVoltage 821 (0.1 V) → 82.1 V.
        Assert.Equal(72, d.Value("dev", Metrics.BatteryRuntimeMin));
        Assert.Equal(100, d.Value("dev", Metrics.BatteryChargePct));
        Assert.Equal(82.1, d.Value("dev", Metrics.BatteryVoltageV), 9);
        // upsOutputSource other(1), upsSecondsOnBattery 0: "other", not battery.
        Assert.Equal("other", d.State("dev", Metrics.OutputSource));
        // upsOutputCurrent.1 = 14 (0.1 A) → 1.4 A; upsOutputPower.1 = 301 W; upsOutputPercentLoad.1 = 10 %.
        Assert.Equal(1.4, d.Value("dev/output/1", Metrics.CurrentA), 9);
        Assert.Equal(301, d.Value("dev/output/1", Metrics.PowerW));
        Assert.Equal(10, d.Value("dev", Metrics.LoadPct));
    }

    [Fact]
    public void Eaton_9px_zero_battery_temperature_is_no_probe()
    {
        // upsBatteryTemperature 0: what an Eaton 9PX answers without a probe (spec/snmp-mibs.md §1), declared a sentinel.
        var d = Agent.Decode("rfc1628", "1.3.6.1.2.1.33.1.2.7.0|2|0", "1.3.6.1.2.1.33.1.2.4.0|2|97");

        Assert.False(d.Has("dev", Metrics.BatteryTemperatureC));
        Assert.Equal(97, d.Value("dev", Metrics.BatteryChargePct));
    }
}
