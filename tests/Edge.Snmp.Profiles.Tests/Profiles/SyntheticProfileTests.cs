using Edge.Core.Readings;
using Edge.Snmp.Profiles.Tests.Support;

namespace Edge.Snmp.Profiles.Tests.Profiles;

/// <summary>What the recordings do not show, written as snmprec lines from the MIB definitions (spec/snmp-mibs.md).</summary>
public class SyntheticProfileTests
{
    [Fact]
    public void An_rfc1628_self_test_reads_as_test_not_battery()
    {
        // upsOutputSource battery(5), upsSecondsOnBattery 12, upsTestResultsSummary inProgress(5).
        var d = Agent.Decode("rfc1628", "1.3.6.1.2.1.33.1.2.2.0|2|12", "1.3.6.1.2.1.33.1.4.1.0|2|5", "1.3.6.1.2.1.33.1.7.3.0|2|5");

        Assert.Equal("test", d.State("dev", Metrics.OutputSource));
        Assert.Equal(1, d.Value("dev", Metrics.UpsTest));
    }

    [Fact]
    public void An_rfc1628_test_in_progress_alarm_also_counts()
    {
        // upsAlarmDescr.1 = upsAlarmOnBattery, .2 = upsAlarmTestInProgress; upsOutputSource normal(3) but the alarm says battery.
        var d = Agent.Decode("rfc1628", "1.3.6.1.2.1.33.1.4.1.0|2|3",
            "1.3.6.1.2.1.33.1.6.2.1.2.1|6|1.3.6.1.2.1.33.1.6.3.2", "1.3.6.1.2.1.33.1.6.2.1.2.2|6|1.3.6.1.2.1.33.1.6.3.24");

        Assert.Equal("test", d.State("dev", Metrics.OutputSource));
    }

    [Fact]
    public void A_real_rfc1628_power_failure_reads_battery()
    {
        // upsOutputSource other(1) (Tripp Lite economy) with 40 s on battery: on battery by the portable rule.
        var d = Agent.Decode("rfc1628", "1.3.6.1.2.1.33.1.2.2.0|2|40", "1.3.6.1.2.1.33.1.4.1.0|2|1", "1.3.6.1.2.1.33.1.7.3.0|2|1");

        Assert.Equal("battery", d.State("dev", Metrics.OutputSource));
        Assert.Equal(0, d.Value("dev", Metrics.UpsTest));
    }

    [Fact]
    public void Rfc1628_sentinels_are_no_reading()
    {
        // upsEstimatedMinutesRemaining 999 (cannot estimate), upsBatteryTemperature −273 (Tripp Lite, no probe).
        var d = Agent.Decode("rfc1628", "1.3.6.1.2.1.33.1.2.3.0|2|999", "1.3.6.1.2.1.33.1.2.7.0|2|-273", "1.3.6.1.2.1.33.1.2.4.0|2|97");

        Assert.False(d.Has("dev", Metrics.BatteryRuntimeMin));
        Assert.False(d.Has("dev", Metrics.BatteryTemperatureC));
        Assert.Equal(97, d.Value("dev", Metrics.BatteryChargePct));
    }

    [Fact]
    public void An_apc_calibration_reads_as_test()
    {
        // upsBasicOutputStatus onBattery(3), upsAdvTestCalibrationResults calibrationInProgress(3), upsAdvTestDiagnosticsResults ok(1).
        var d = Agent.Decode("apc-ups", "1.3.6.1.4.1.318.1.1.1.4.1.1.0|2|3", "1.3.6.1.4.1.318.1.1.1.7.2.6.0|2|3", "1.3.6.1.4.1.318.1.1.1.7.2.3.0|2|1");

        Assert.Equal("test", d.State("dev", Metrics.OutputSource));
        Assert.Equal(1, d.Value("dev", Metrics.UpsTest));
    }

    [Fact]
    public void An_apc_on_battery_with_no_test_reads_battery()
    {
        var d = Agent.Decode("apc-ups", "1.3.6.1.4.1.318.1.1.1.4.1.1.0|2|3", "1.3.6.1.4.1.318.1.1.1.7.2.6.0|2|1", "1.3.6.1.4.1.318.1.1.1.7.2.3.0|2|1");

        Assert.Equal("battery", d.State("dev", Metrics.OutputSource));
        Assert.Equal(0, d.Value("dev", Metrics.UpsTest));
    }

    [Fact]
    public void An_apc_card_that_lost_its_ups_marks_the_device_unavailable()
    {
        // upsCommStatus noComm(2): the card still answers with stale values.
        var d = Agent.Decode("apc-ups", "1.3.6.1.4.1.318.1.1.1.8.1.0|2|2", "1.3.6.1.4.1.318.1.1.1.2.3.1.0|66|1000");

        Assert.NotNull(d.Readings.UnavailableReason);
        Assert.Equal(0, d.Readings.Count);
    }

    [Fact]
    public void Apc_absent_gauges_are_no_reading()
    {
        // upsAdvBatteryRunTimeRemaining 4294967295 and upsAdvBatteryTemperature 4294967295: "if absent returns max value".
        var d = Agent.Decode("apc-ups", "1.3.6.1.4.1.318.1.1.1.2.2.3.0|67|4294967295", "1.3.6.1.4.1.318.1.1.1.2.2.2.0|66|4294967295");

        Assert.Equal(0, d.Readings.Count);
    }

    [Fact]
    public void Sentry3_reads_infeeds_in_hundredths_and_fahrenheit_probes()
    {
        // Values from the LibreNMS sentry3 recording (spec/snmpsim.md): tempHumidSensorTempValue 680 / 745 / −1 / −1 (0.1 °F).
        var d = Agent.Decode("sentry3",
            "1.3.6.1.4.1.1718.3.2.2.1.5.1.1|2|1", "1.3.6.1.4.1.1718.3.2.2.1.7.1.1|2|512", "1.3.6.1.4.1.1718.3.2.2.1.11.1.1|2|2083",
            "1.3.6.1.4.1.1718.3.2.2.1.12.1.1|2|1010",
            "1.3.6.1.4.1.1718.3.2.5.1.4.1.1|2|0", "1.3.6.1.4.1.1718.3.2.5.1.4.1.2|2|0", "1.3.6.1.4.1.1718.3.2.5.1.4.2.1|2|1",
            "1.3.6.1.4.1.1718.3.2.5.1.6.1.1|2|680", "1.3.6.1.4.1.1718.3.2.5.1.6.1.2|2|745", "1.3.6.1.4.1.1718.3.2.5.1.6.2.1|2|-1",
            "1.3.6.1.4.1.1718.3.2.5.1.10.1.1|2|41", "1.3.6.1.4.1.1718.3.2.5.1.10.1.2|2|-1",
            "1.3.6.1.4.1.1718.3.2.5.1.13.1.1|2|1", "1.3.6.1.4.1.1718.3.2.5.1.13.1.2|2|1", "1.3.6.1.4.1.1718.3.2.5.1.13.2.1|2|1");

        // infeedLoadValue 512 (0.01 A) → 5.12 A; infeedVoltage 2083 (0.1 V) → 208.3 V; infeedPower 1010 W.
        Assert.Equal(5.12, d.Value("dev/inlet/1.1", Metrics.CurrentA), 9);
        Assert.Equal(208.3, d.Value("dev/inlet/1.1", Metrics.VoltageV), 9);
        Assert.Equal(1010, d.Value("dev/inlet/1.1", Metrics.PowerW));
        // 68.0 °F → 20.0 °C; 74.5 °F → 23.61 °C; humidity 41 %, −1 = none; sensor 2.1 notFound(1).
        Assert.Equal(20.0, d.Value("dev/sensor/1.1", Metrics.TemperatureC), 9);
        Assert.Equal(23.61, d.Value("dev/sensor/1.2", Metrics.TemperatureC), 9);
        Assert.Equal(41, d.Value("dev/sensor/1.1", Metrics.HumidityPct));
        Assert.False(d.Has("dev/sensor/1.2", Metrics.HumidityPct));
        Assert.DoesNotContain(d.Readings.All, r => r.Entity == "dev/sensor/2.1");
    }

    [Fact]
    public void Eaton_xups_overrides_rfc1628_and_knows_its_battery_test()
    {
        var d = Agent.Decode("eaton-ups",
            "1.3.6.1.2.1.33.1.2.3.0|2|24", "1.3.6.1.2.1.33.1.4.1.0|2|5",
            // xupsBatTimeRemaining 1464 s → 24.4 min; xupsBatCapacity 93 %; xupsBatteryAbmStatus batteryUnderTest(7).
            "1.3.6.1.4.1.534.1.2.1.0|2|1464", "1.3.6.1.4.1.534.1.2.4.0|2|93", "1.3.6.1.4.1.534.1.2.5.0|2|7",
            // xupsOutputSource battery(5); xupsOutputLoad 19 %; xupsInputVoltage.1 230 V; xupsInputFrequency 500 (0.1 Hz).
            "1.3.6.1.4.1.534.1.4.5.0|2|5", "1.3.6.1.4.1.534.1.4.1.0|2|19", "1.3.6.1.4.1.534.1.3.4.1.2.1|2|230", "1.3.6.1.4.1.534.1.3.1.0|2|500");

        Assert.Equal(24.4, d.Value("dev", Metrics.BatteryRuntimeMin), 9);
        Assert.Equal(93, d.Value("dev", Metrics.BatteryChargePct));
        Assert.Equal("test", d.State("dev", Metrics.OutputSource));
        Assert.Equal(19, d.Value("dev", Metrics.LoadPct));
        Assert.Equal(230, d.Value("dev/input/1", Metrics.VoltageV));
        Assert.Equal(50.0, d.Value("dev/input/1", Metrics.FrequencyHz), 9);
    }

    [Fact]
    public void Geist_v4_reads_tenths_in_the_configured_unit_and_skips_unavailable_probes()
    {
        var d = Agent.Decode("geist-watchdog",
            // temperatureUnits fahrenheit(0); internal probe 1 available, 752 → 75.2 °F → 24.0 °C, humidity 40 %.
            "1.3.6.1.4.1.21239.5.1.1.7.0|2|0",
            "1.3.6.1.4.1.21239.5.1.2.1.4.1|2|1", "1.3.6.1.4.1.21239.5.1.2.1.5.1|2|752", "1.3.6.1.4.1.21239.5.1.2.1.6.1|2|40",
            // remote temperature probe 1 unavailable(0): its value is not a reading.
            "1.3.6.1.4.1.21239.5.1.4.1.4.1|2|0", "1.3.6.1.4.1.21239.5.1.4.1.5.1|2|0");

        Assert.Equal(24.0, d.Value("dev/sensor/2.1", Metrics.TemperatureC), 9);
        Assert.Equal(40, d.Value("dev/sensor/2.1", Metrics.HumidityPct));
        Assert.DoesNotContain(d.Readings.All, r => r.Entity == "dev/sensor/4.1");
    }

    [Fact]
    public void Vertiv_geist_pdu_reads_phases_and_breakers_in_their_own_precision()
    {
        var d = Agent.Decode("vertiv-geist-pdu",
            "1.3.6.1.4.1.21239.5.2.3.2.1.4.1.1|2|2301", "1.3.6.1.4.1.21239.5.2.3.2.1.8.1.1|2|1234", "1.3.6.1.4.1.21239.5.2.3.2.1.12.1.1|2|2700",
            "1.3.6.1.4.1.21239.5.2.3.3.1.4.1.1|2|612");

        Assert.Equal(230.1, d.Value("dev/phase/1.1", Metrics.VoltageV), 9);
        Assert.Equal(12.34, d.Value("dev/phase/1.1", Metrics.CurrentA), 9);
        Assert.Equal(2700, d.Value("dev/phase/1.1", Metrics.PowerW));
        Assert.Equal(6.12, d.Value("dev/bank/1.1", Metrics.CurrentA), 9);
    }

    [Fact]
    public void A_null_value_is_no_reading_not_zero()
    {
        // CyberPower upsAdvanceBatteryTemperature NULL (type 5), upsAdvanceOutputLoad present.
        var d = Agent.Decode("cyberpower", "1.3.6.1.4.1.3808.1.1.1.2.2.3.0|5|", "1.3.6.1.4.1.3808.1.1.1.4.2.3.0|66|41");

        Assert.False(d.Has("dev", Metrics.BatteryTemperatureC));
        Assert.Equal(41, d.Value("dev", Metrics.LoadPct));
    }
}
