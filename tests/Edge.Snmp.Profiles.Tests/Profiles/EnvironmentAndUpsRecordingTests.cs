using Edge.Core.Readings;
using Edge.Snmp.Profiles.Tests.Support;

namespace Edge.Snmp.Profiles.Tests.Profiles;

/// <summary>
/// The profiles the shared recordings do not cover, on LibreNMS recordings kept in Recordings/ (SOURCES.md):
/// apc-env (apc_emu, apc_environmental-manager), sentry3 (sentry3), eaton-ups (eatonups).
/// </summary>
public class EnvironmentAndUpsRecordingTests
{
    [RecordingFact]
    public void Apc_emu_reads_every_mem_sensor_and_humidity_only_where_there_is_one()
    {
        var d = Decoded.Recording("apc_emu");

        Assert.Equal("apc-env", d.Profile.Name);
        // memSensorsTemperature.0.N = 18 / 26 / 27 / 26 / 21 (whole degrees; no units scalar in the recording: °C),
        // every memSensorsCommStatus commsOK(2).
        Assert.Equal(new Dictionary<string, double>
        {
            ["dev/sensor/0.1"] = 18, ["dev/sensor/0.2"] = 26, ["dev/sensor/0.3"] = 27, ["dev/sensor/0.5"] = 26, ["dev/sensor/0.6"] = 21,
        }, d.All(Metrics.TemperatureC));
        // memSensorsHumidity.0.N = 30 / −1 / −1 / −1 / 38: −1 is "no humidity sensor", not a reading.
        Assert.Equal(new Dictionary<string, double> { ["dev/sensor/0.1"] = 30, ["dev/sensor/0.6"] = 38 }, d.All(Metrics.HumidityPct));
    }

    [RecordingFact]
    public void Apc_emu_reads_its_contact_inputs_and_the_fire_panel_input_in_alarm()
    {
        var d = Decoded.Recording("apc_emu");

        // memInputsStatusTable, index module.input 0.1–0.4, every memInputsCommStatus commsOK(2), no input disabled
        // (memInputsStatusCurrentState 1 / 1 / 1 / 1); memInputsStatusAlarmStatus 3 / 1 / 1 / 1: input 0.1
        // ("Brand storing", a fire-panel fault) is memCritical(3) → alarm, the others memNormal(1) → normal.
        Assert.Equal("alarm", d.State("dev/sensor/input-0.1", Metrics.Contact));
        Assert.Equal("normal", d.State("dev/sensor/input-0.2", Metrics.Contact));
        Assert.Equal("normal", d.State("dev/sensor/input-0.3", Metrics.Contact));
        Assert.Equal("normal", d.State("dev/sensor/input-0.4", Metrics.Contact));
    }

    [RecordingFact]
    public void NetBotz_200_reads_in_its_declared_celsius()
    {
        var d = Decoded.Recording("apc_environmental-manager");

        // memSensorsStatusSysTempUnits = celsius(1); temperatures 20 / 21 / 21 °C; humidity −1 / −1 / 48 %.
        Assert.Equal(20, d.Value("dev/sensor/0.1", Metrics.TemperatureC));
        Assert.Equal(21, d.Value("dev/sensor/0.3", Metrics.TemperatureC));
        Assert.Equal(new Dictionary<string, double> { ["dev/sensor/0.3"] = 48 }, d.All(Metrics.HumidityPct));
    }

    [RecordingFact]
    public void Sentry3_reads_infeeds_and_fahrenheit_probes_and_not_the_absent_ones()
    {
        var d = Decoded.Recording("sentry3");

        Assert.Equal("sentry3", d.Profile.Name);
        // infeedLoadValue.1.1 = 362, .2.1 = 502 (0.01 A) → 3.62 A, 5.02 A; infeedVoltage 2093, 2059 (0.1 V) → 209.3 V, 205.9 V.
        Assert.Equal(3.62, d.Value("dev/inlet/1.1", Metrics.CurrentA), 9);
        Assert.Equal(5.02, d.Value("dev/inlet/2.1", Metrics.CurrentA), 9);
        Assert.Equal(209.3, d.Value("dev/inlet/1.1", Metrics.VoltageV), 9);
        Assert.Equal(205.9, d.Value("dev/inlet/2.1", Metrics.VoltageV), 9);
        // tempHumidSensorTempScale fahrenheit(1): 680 → 68.0 °F → 20.0 °C; 745 → 74.5 °F → (74.5 − 32) × 5/9 = 23.61 °C.
        Assert.Equal(20.0, d.Value("dev/sensor/1.1", Metrics.TemperatureC), 9);
        Assert.Equal(23.61, d.Value("dev/sensor/1.2", Metrics.TemperatureC), 9);
        // tempHumidSensorHumidValue 52 / 43 %.
        Assert.Equal(52, d.Value("dev/sensor/1.1", Metrics.HumidityPct));
        Assert.Equal(43, d.Value("dev/sensor/1.2", Metrics.HumidityPct));
        // Sensors 2.1 and 2.2: status notFound(1), temperature and humidity −1 (the bottom of their declared range): nothing.
        Assert.DoesNotContain(d.Readings.All, r => r.Entity.StartsWith("dev/sensor/2.", StringComparison.Ordinal));
    }

    [Fact]
    public void Sentry3_minus_one_is_no_reading_even_for_a_found_probe()
    {
        // A found(0) probe answering tempHumidSensorTempValue −1 and humidity −1 (its declared range is −1..2540, −1..100).
        var d = Agent.Decode("sentry3",
            "1.3.6.1.4.1.1718.3.2.5.1.4.1.1|2|0", "1.3.6.1.4.1.1718.3.2.5.1.6.1.1|2|-1", "1.3.6.1.4.1.1718.3.2.5.1.10.1.1|2|-1",
            "1.3.6.1.4.1.1718.3.2.2.1.7.1.1|2|-1", "1.3.6.1.4.1.1718.3.2.2.1.11.1.1|2|2301");

        Assert.DoesNotContain(d.Readings.All, r => r.Entity == "dev/sensor/1.1");
        Assert.False(d.Has("dev/inlet/1.1", Metrics.CurrentA));
        Assert.Equal(230.1, d.Value("dev/inlet/1.1", Metrics.VoltageV), 9);
    }

    [RecordingFact]
    public void Eaton_connectups_reads_the_xups_mib()
    {
        var d = Decoded.Recording("eatonups");

        Assert.Equal("eaton-ups", d.Profile.Name);
        // xupsBatTimeRemaining 8620 s → 8620 / 60 = 143.666… → 143.67 min; xupsBatVoltage 78 V; xupsBatCapacity 100 %.
        Assert.Equal(143.67, d.Value("dev", Metrics.BatteryRuntimeMin), 9);
        Assert.Equal(78, d.Value("dev", Metrics.BatteryVoltageV));
        Assert.Equal(100, d.Value("dev", Metrics.BatteryChargePct));
        // xupsInputVoltage 228 / 232 / 231 V, xupsInputCurrent 5 A each, xupsInputFrequency 500 → 50.0 Hz.
        Assert.Equal(232, d.Value("dev/input/2", Metrics.VoltageV));
        Assert.Equal(5, d.Value("dev/input/3", Metrics.CurrentA));
        Assert.Equal(50.0, d.Value("dev/input/1", Metrics.FrequencyHz), 9);
        // xupsOutputTable: voltage 230 / 231 / 230 V, current 1 / 5 / 5 A, watts 231 / 944 / 882 W; xupsOutputLoad 25 %.
        Assert.Equal(944, d.Value("dev/output/2", Metrics.PowerW));
        Assert.Equal(1, d.Value("dev/output/1", Metrics.CurrentA));
        Assert.Equal(25, d.Value("dev", Metrics.LoadPct));
        // xupsOutputSource normal(3); xupsBatteryAbmStatus batteryResting(4), xupsTestBatteryStatus passed(2): no test.
        Assert.Equal("normal", d.State("dev", Metrics.OutputSource));
        Assert.Equal(0, d.Value("dev", Metrics.UpsTest));
        // EMP: xupsEnvRemoteTemp 21 °C, xupsEnvRemoteHumidity 26 %.
        Assert.Equal(21, d.Value("dev/sensor/1", Metrics.TemperatureC));
        Assert.Equal(26, d.Value("dev/sensor/1", Metrics.HumidityPct));
    }

    [RecordingFact]
    public void Eaton_connectups_reads_its_own_ambient_temperature_apart_from_the_emp_probe()
    {
        var d = Decoded.Recording("eatonups");

        // xupsEnvAmbientTemp.0 = 29 (Integer32 −100..200, "degrees Centigrade", the ambient temperature "in the vicinity
        // of the UPS or SNMP agent") → sensor/0 29 °C; the EMP probe's 21 °C stays sensor/1.
        Assert.Equal(new Dictionary<string, double> { ["dev/sensor/0"] = 29, ["dev/sensor/1"] = 21 }, d.All(Metrics.TemperatureC));
    }

    [Fact]
    public void Eaton_values_outside_their_declared_ranges_are_no_reading()
    {
        // xupsEnvRemoteTemp is Integer32 (−100..200): 4294967295 is outside; xupsBatCapacity (0..100): 101 is outside;
        // xupsOutputLoad (0..200): 201 is outside.
        var d = Agent.Decode("eaton-ups", "1.3.6.1.4.1.534.1.6.5.0|2|4294967295", "1.3.6.1.4.1.534.1.2.4.0|2|101", "1.3.6.1.4.1.534.1.4.1.0|2|201");

        Assert.Equal(0, d.Readings.Count);
    }
}
