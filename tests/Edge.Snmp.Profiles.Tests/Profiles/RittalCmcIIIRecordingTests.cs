using Edge.Core.Alerts;
using Edge.Core.Readings;
using Edge.Core.Rules;
using Edge.Snmp.Profiles.Tests.Support;

namespace Edge.Snmp.Profiles.Tests.Profiles;

/// <summary>
/// Two Rittal CMC III walks (RITTAL-CMC-III-MIB variable table): rittal-cmc-iii-pu_cmciii-pu, a CMC III PU with seven
/// door-opening units (each with a temperature), seven door sensors, a leakage sensor and an I/O unit whose inputs are
/// not wired (logic "0:Off / 1:On"); rittal-cmc-iii-pu, a PU Compact with a temperature sensor, a door sensor, two smoke
/// detectors, two digital inputs wired to a UPS (logic "0:Alarm / 1:OK") and two power-strip modules (PSM).
/// </summary>
public class RittalCmcIIIRecordingTests
{
    private const string Pu = "rittal-cmc-iii-pu_cmciii-pu";
    private const string Compact = "rittal-cmc-iii-pu";
    private const string Var = "1.3.6.1.4.1.2606.7.4.2.2.1.";

    [Fact]
    public void Both_are_decoded_by_the_cmc3_profile()
    {
        Assert.Equal("rittal-cmc3", Decoded.Recording(Pu).Profile.Name);
        Assert.Equal("rittal-cmc3", Decoded.Recording(Compact).Profile.Name);
    }

    [Fact]
    public void Temperatures_are_the_integer_value_scaled_by_the_variables_own_scale()
    {
        var d = Decoded.Recording(Pu);

        // Temperature.Value rows: unit "degree C", cmcIIIVarScale −100, cmcIIIVarValueInt 3910 (device 1), 2410 (11),
        // 2420 (12), 2280 (13), 2390 (14), 2380 (15), 2420 (16), 2420 (17) → ÷100. Device 13's valueStr says "22.90" and
        // 16's "24.10": the string was sampled at another moment; the integer is the number.
        Assert.Equal(new Dictionary<string, double>
        {
            ["dev/sensor/1"] = 39.1, ["dev/sensor/11"] = 24.1, ["dev/sensor/12"] = 24.2, ["dev/sensor/13"] = 22.8,
            ["dev/sensor/14"] = 23.9, ["dev/sensor/15"] = 23.8, ["dev/sensor/16"] = 24.2, ["dev/sensor/17"] = 24.2,
        }, d.All(Metrics.TemperatureC).ToDictionary(kv => kv.Key, kv => Math.Round(kv.Value, 9)));
        // Not read: System.Temperature.Value (device 1, 4290 → 42.9 °C, the PU's electronics) and the door-opening
        // units' Door Opening.Automatic.Temperature.Value (a repeat of their own temperature).
        Assert.DoesNotContain(42.9, d.All(Metrics.TemperatureC).Values.Select(v => Math.Round(v, 9)));
    }

    [Fact]
    public void Door_sensors_read_closed_the_leak_sensor_normal_and_the_inactive_door_sensor_nothing()
    {
        var d = Decoded.Recording(Pu);

        // Access.Status of devices 4–10 = 13 (cmcIIIMsgStatus closed(13), valueStr "Closed"); Leakage.Status of device
        // 3 = ok(4); device 1's Access.Status = inactive(27): switched off, no reading.
        var contacts = d.All(Metrics.Contact);
        Assert.Equal(["dev/sensor/10", "dev/sensor/3", "dev/sensor/4", "dev/sensor/5", "dev/sensor/6", "dev/sensor/7", "dev/sensor/8", "dev/sensor/9"],
            contacts.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("normal", d.State("dev/sensor/3", Metrics.Contact));
        Assert.All(contacts.Keys.Where(e => e != "dev/sensor/3"), e => Assert.Equal("closed", d.State(e, Metrics.Contact)));
    }

    [Fact]
    public void The_compact_reads_its_temperature_door_and_smoke_detectors()
    {
        var d = Decoded.Recording(Compact);

        // Temperature.Value 2090 (device 1) and 1880 (device 4), scale −100 → 20.9 °C, 18.8 °C.
        Assert.Equal(20.9, d.Value("dev/sensor/1", Metrics.TemperatureC), 9);
        Assert.Equal(18.8, d.Value("dev/sensor/4", Metrics.TemperatureC), 9);
        // Access.Status closed(13) on devices 1 and 5; Smoke.Status ok(4) on devices 3 and 6.
        Assert.Equal("closed", d.State("dev/sensor/1", Metrics.Contact));
        Assert.Equal("closed", d.State("dev/sensor/5", Metrics.Contact));
        Assert.Equal("normal", d.State("dev/sensor/3", Metrics.Contact));
        Assert.Equal("normal", d.State("dev/sensor/6", Metrics.Contact));
        // PSM_P1_1.Unit.Value 14 A×10⁻¹ is a power strip's current, not a sensor: not read as one. The other two
        // contacts are the digital inputs (below).
        Assert.Equal(["dev/sensor/1", "dev/sensor/3", "dev/sensor/5", "dev/sensor/6", "dev/sensor/input-1.1", "dev/sensor/input-1.2"],
            d.All(Metrics.Contact).Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_compacts_power_strip_modules_read_as_banks_with_their_current()
    {
        var d = Decoded.Recording(Compact);

        // Device 2, rows 2.10 PSM_P1_1.Unit.Value and 2.60 PSM_P1_2.Unit.Value: type value(2), unit "A", cmcIIIVarScale
        // −10, cmcIIIVarValueInt 14 and 15 → 14 ÷ 10 = 1.4 A, 15 ÷ 10 = 1.5 A (valueStr "1.4 A", "1.5 A"; LibreNMS the same).
        Assert.Equal(new Dictionary<string, double> { ["dev/bank/2.PSM_P1_1"] = 1.4, ["dev/bank/2.PSM_P1_2"] = 1.5 },
            d.All(Metrics.CurrentA).ToDictionary(kv => kv.Key, kv => Math.Round(kv.Value, 9)));
        // Their limits (PSM_P1_1.Unit.SetPtHighAlarm 16 A) and the plugs' relay and status rows are not currents.
        Assert.Equal(2, d.Readings.All.Count(x => x.Entity.StartsWith("dev/bank/", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_power_strip_module_of_no_value_quality_or_another_unit_is_no_reading()
    {
        // Row 2.10 (PSM_P1_1.Unit.Value) with cmcIIIVarQuality okNoValue(22); row 2.60 (PSM_P1_2) with unit "mA".
        var d = Decoded.RecordingWith(Compact, Var + "14.2.10|2|22", Var + "5.2.60|4|mA");

        Assert.False(d.Has("dev/bank/2.PSM_P1_1", Metrics.CurrentA));
        Assert.False(d.Has("dev/bank/2.PSM_P1_2", Metrics.CurrentA));
    }

    [Fact]
    public void The_compacts_digital_inputs_read_normal_and_the_pus_unwired_inputs_nothing()
    {
        // PU Compact, device 1: Input 1.Status (row 1.21, "Netzausfall Akkubetr", mains failure / on battery) and
        // Input 2.Status (row 1.27, "Akku defekt", battery defective), type status(7), cmcIIIVarValueInt 4 = ok(4) → normal.
        var compact = Decoded.Recording(Compact);
        Assert.Equal("normal", compact.State("dev/sensor/input-1.1", Metrics.Contact));
        Assert.Equal("normal", compact.State("dev/sensor/input-1.2", Metrics.Contact));

        // PU: device 1's Input 1–2 and the I/O unit's (device 2) Input 1–8 report setOff(10) (valueStr "Off", logic
        // "0:Off / 1:On"): an input without alarm meaning, no reading.
        var pu = Decoded.Recording(Pu);
        Assert.DoesNotContain(pu.All(Metrics.Contact).Keys, e => e.Contains("/sensor/input-", StringComparison.Ordinal));
    }

    [Fact]
    public void An_input_in_alarm_reads_alarm_and_an_inactive_or_switched_input_nothing()
    {
        // I/O unit (device 2) of the PU: Input 3.Status (row 2.17) alarm(5), Input 4.Status (row 2.23) ok(4), Input 5.Status
        // (row 2.29) setOn(11), Input 6.Status (row 2.35) inactive(27); Input 7 keeps its recorded setOff(10).
        var d = Decoded.RecordingWith(Pu, Var + "11.2.17|2|5", Var + "11.2.23|2|4", Var + "11.2.29|2|11", Var + "11.2.35|2|27");

        Assert.Equal("alarm", d.State("dev/sensor/input-2.3", Metrics.Contact));
        Assert.Equal("normal", d.State("dev/sensor/input-2.4", Metrics.Contact));
        Assert.False(d.Has("dev/sensor/input-2.5", Metrics.Contact));
        Assert.False(d.Has("dev/sensor/input-2.6", Metrics.Contact));
        Assert.False(d.Has("dev/sensor/input-2.7", Metrics.Contact));
        // Device 2 has no sensor of its own: an input never lands on sensor/2.
        Assert.False(d.Has("dev/sensor/2", Metrics.Contact));
    }

    [Fact]
    public void A_mains_failure_input_in_alarm_triggers_a_contact_rule_and_the_battery_input_does_not()
    {
        // The PU Compact's Input 1 (mains failure) set to alarm(5); Input 2 (battery defective) stays ok(4). The door
        // (closed) and smoke detectors (normal) are not in the rule's states.
        var bench = new RuleBench(["dev"], RuleBench.Rule("rack-contact-alarm", RuleType.Sensor, Metrics.Contact, states: ["alarm"]));

        bench.Feed(Decoded.RecordingWith(Compact, Var + "11.1.21|2|5").Readings.All);

        var e = Assert.Single(bench.Events);
        Assert.Equal(EventAction.Trigger, e.Action);
        Assert.Equal("dev/sensor/input-1.1", e.Entity);
    }

    [Fact]
    public void A_bank_rule_pages_for_the_power_strip_module_over_its_current()
    {
        // Bank rule above 1.45 A: PSM_P1_2 draws 1.5 A (15 ÷ 10), PSM_P1_1 1.4 A (14 ÷ 10).
        var bench = new RuleBench(["pdu-r"], RuleBench.Rule("psm-current-high", RuleType.Bank, Metrics.CurrentA, above: 1.45));

        bench.Feed(Decoded.Recording(Compact, "pdu-r").Readings.All);

        var e = Assert.Single(bench.Events);
        Assert.Equal(EventAction.Trigger, e.Action);
        Assert.Equal("pdu-r/bank/2.PSM_P1_2", e.Entity);
    }

    [Fact]
    public void Each_door_status_of_the_mib_maps_to_a_contact_state()
    {
        // Access.Status (row DEVICE.5) of device 4 open(12), 5 unlocked-by-reader (16, named doorOpen), 6 locked(14),
        // 7 alarm(5), 8 configChanged(2): the last is not a door state, so no reading.
        var d = Decoded.RecordingWith(Pu, Var + "11.4.5|2|12", Var + "11.5.5|2|16", Var + "11.6.5|2|14", Var + "11.7.5|2|5", Var + "11.8.5|2|2");

        Assert.Equal("open", d.State("dev/sensor/4", Metrics.Contact));
        Assert.Equal("open", d.State("dev/sensor/5", Metrics.Contact));
        Assert.Equal("closed", d.State("dev/sensor/6", Metrics.Contact));
        Assert.Equal("alarm", d.State("dev/sensor/7", Metrics.Contact));
        Assert.False(d.Has("dev/sensor/8", Metrics.Contact));
        Assert.Equal("closed", d.State("dev/sensor/9", Metrics.Contact));
    }

    [Theory]
    [InlineData(5)]  // alarm
    [InlineData(22)] // detected
    public void A_leak_sensor_in_alarm_reads_alarm(int status)
    {
        var d = Decoded.RecordingWith(Pu, $"{Var}11.3.4|2|{status}");

        Assert.Equal("alarm", d.State("dev/sensor/3", Metrics.Contact));
    }

    [Fact]
    public void A_variable_of_no_value_quality_is_no_reading_and_a_fahrenheit_unit_is_converted()
    {
        // Device 11's Temperature.Value (row 11.2) with cmcIIIVarQuality okNoValue(22); device 12's (row 12.2) in
        // "degree F" with valueInt 7520: 75.20 °F → (75.2 − 32) × 5 / 9 = 24.0 °C.
        var d = Decoded.RecordingWith(Pu, Var + "14.11.2|2|22", Var + "5.12.2|4|degree F", Var + "11.12.2|2|7520");

        Assert.False(d.Has("dev/sensor/11", Metrics.TemperatureC));
        Assert.Equal(24.0, d.Value("dev/sensor/12", Metrics.TemperatureC), 9);
    }

    [Fact]
    public void A_humidity_unit_reads_percent_scaled_and_out_of_range_is_no_reading()
    {
        // No recording has a CMC III humidity sensor; the MIB's variable table for one: Humidity.Value, value(2), "%",
        // scale −10. Device 4 valueInt 455 → 45.5 %; device 5 valueInt 1234 → 123.4 %, not a relative humidity.
        var d = Agent.Decode("rittal-cmc3",
            Var + "3.4.1|4|Humidity.Value", Var + "4.4.1|2|2", Var + "5.4.1|4|%", Var + "7.4.1|2|-10", Var + "11.4.1|2|455", Var + "14.4.1|2|2",
            Var + "3.5.1|4|Humidity.Value", Var + "4.5.1|2|2", Var + "5.5.1|4|%", Var + "7.5.1|2|-10", Var + "11.5.1|2|1234", Var + "14.5.1|2|2");

        Assert.Equal(45.5, d.Value("dev/sensor/4", Metrics.HumidityPct), 9);
        Assert.False(d.Has("dev/sensor/5", Metrics.HumidityPct));
    }
}
