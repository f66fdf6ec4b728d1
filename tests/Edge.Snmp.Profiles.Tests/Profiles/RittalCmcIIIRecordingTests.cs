using Edge.Core.Readings;
using Edge.Snmp.Profiles.Tests.Support;

namespace Edge.Snmp.Profiles.Tests.Profiles;

/// <summary>
/// Two Rittal CMC III walks (RITTAL-CMC-III-MIB variable table): rittal-cmc-iii-pu_cmciii-pu, a CMC III PU with seven
/// door-opening units (each with a temperature), seven door sensors and a leakage sensor; rittal-cmc-iii-pu, a PU
/// Compact with a temperature sensor, a door sensor and two smoke detectors.
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
        // PSM_P1_1.Unit.Value 14 A×10⁻¹ is a power strip's current, not a sensor: not read as one.
        Assert.Equal(4, d.All(Metrics.Contact).Count);
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
