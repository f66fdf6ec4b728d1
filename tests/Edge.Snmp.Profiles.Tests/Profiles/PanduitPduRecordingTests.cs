using Edge.Core.Readings;
using Edge.Snmp.Profiles.Tests.Support;

namespace Edge.Snmp.Profiles.Tests.Profiles;

/// <summary>panduit: a Panduit SmartZone G5 metered PDU P42D04M (sysObjectID 19536.10.1), PANDUIT-MIB, 6 of 12 group rows in use.</summary>
public class PanduitPduRecordingTests
{
    private const string Name = "panduit";
    private const string G5 = "1.3.6.1.4.1.19536.10.1.";

    [Fact]
    public void Is_decoded_by_the_panduit_profile()
    {
        Assert.Equal("panduit-pdu", Decoded.Recording(Name).Profile.Name);
    }

    [Fact]
    public void Input_totals_read_scaled()
    {
        var d = Decoded.Recording(Name);

        // pdug5Input row 1: 1022 VA, 956 W, total energy 7405 kWh (the MIB's unit is kWh), total current 448 (0.01 A) → 4.48 A.
        Assert.Equal(1022, d.Value("dev/inlet/1", Metrics.ApparentPowerVa));
        Assert.Equal(956, d.Value("dev/inlet/1", Metrics.PowerW));
        Assert.Equal(7405, d.Value("dev/inlet/1", Metrics.EnergyKwh));
        Assert.Equal(4.48, d.Value("dev/inlet/1", Metrics.CurrentA), 9);
    }

    [Fact]
    public void The_six_breaker_groups_read_and_the_empty_group_rows_do_not()
    {
        var d = Decoded.Recording(Name);

        // Groups 1.1–1.6: type breaker1pole(2); current 193/0/200/16/13/26 (0.01 A) → 1.93/0/2.00/0.16/0.13/0.26 A.
        // Groups 1.7–1.12: type 0, outside the enumeration: not groups of this PDU, their zeros are no reading.
        Assert.Equal(new Dictionary<string, double>
        {
            ["dev/bank/1.1"] = 1.93, ["dev/bank/1.2"] = 0, ["dev/bank/1.3"] = 2.0,
            ["dev/bank/1.4"] = 0.16, ["dev/bank/1.5"] = 0.13, ["dev/bank/1.6"] = 0.26,
        }, d.All(Metrics.CurrentA).Where(kv => kv.Key.Contains("/bank/", StringComparison.Ordinal)).ToDictionary(kv => kv.Key, kv => Math.Round(kv.Value, 9)));
        // Group 1.1: voltage 2297 (0.1 V) → 229.7 V, 454 VA, 427 W.
        Assert.Equal(229.7, d.Value("dev/bank/1.1", Metrics.VoltageV), 9);
        Assert.Equal(454, d.Value("dev/bank/1.1", Metrics.ApparentPowerVa));
        Assert.Equal(427, d.Value("dev/bank/1.1", Metrics.PowerW));
    }

    [Fact]
    public void The_input_frequency_and_each_group_s_percent_load_read()
    {
        var d = Decoded.Recording(Name);

        // pdug5InputFrequency.1 = 500, "in tenths of Hz" → 50.0 Hz (a 230 V mains, as the group voltages say).
        Assert.Equal(50.0, d.Value("dev/inlet/1", Metrics.FrequencyHz), 9);
        // pdug5GroupCurrentPercentLoad 1.1–1.6 = 12 / 0 / 12 / 1 / 0 / 1 % (1.93 A of a 16 A breaker is 12 %);
        // rows 1.7–1.12 answer 0 too but are type 0, no group of this PDU: no reading.
        Assert.Equal(new Dictionary<string, double>
        {
            ["dev/bank/1.1"] = 12, ["dev/bank/1.2"] = 0, ["dev/bank/1.3"] = 12,
            ["dev/bank/1.4"] = 1, ["dev/bank/1.5"] = 0, ["dev/bank/1.6"] = 1,
        }, d.All(Metrics.LoadPct));
    }

    [Fact]
    public void A_negative_value_is_not_available_and_phases_and_outlets_read_where_answered()
    {
        // pdug5InputPowerWatts −1 ("a negative value indicates that this object is not available"); phase 1.1: 2298 (0.1 V)
        // → 229.8 V, 455 (0.01 A) → 4.55 A; outlet 1.4: 37 (0.01 A) → 0.37 A, 8 W.
        var d = Decoded.RecordingWith(Name, G5 + "2.1.1.5.1|2|-1", G5 + "2.2.1.3.1.1|2|2298", G5 + "2.2.1.11.1.1|2|455",
            G5 + "5.1.1.5.1.4|2|37", G5 + "5.1.1.13.1.4|2|8");

        Assert.False(d.Has("dev/inlet/1", Metrics.PowerW));
        Assert.Equal(1022, d.Value("dev/inlet/1", Metrics.ApparentPowerVa));
        Assert.Equal(229.8, d.Value("dev/phase/1.1", Metrics.VoltageV), 9);
        Assert.Equal(4.55, d.Value("dev/phase/1.1", Metrics.CurrentA), 9);
        Assert.Equal(0.37, d.Value("dev/outlet/1.4", Metrics.CurrentA), 9);
        Assert.Equal(8, d.Value("dev/outlet/1.4", Metrics.PowerW));
    }

    [Fact]
    public void Environment_probes_read_temperature_humidity_and_contacts_only_when_connected()
    {
        // The recording has no probes; PANDUIT-MIB's environment tables for PDU 1: pdug5TemperatureScale fahrenheit(2);
        // temperature probe 1 connected(2) at 77 °F → (77 − 32) × 5 / 9 = 25 °C, probe 2 disconnected(1); humidity probe 1
        // connected, 45 %RH; door 1 doorOpen(1) with no probe status (an internal sensor), door 2 connected but
        // badDoorSensor(3); dry contact 1 connected and alarmed(2); spot 1 connected, noleak(1); rope 1 disconnected, leak(2).
        var d = Decoded.RecordingWith(Name,
            G5 + "4.1.1.1.1|2|2",
            G5 + "4.2.1.3.1.1|2|2", G5 + "4.2.1.4.1.1|2|77", G5 + "4.2.1.3.1.2|2|1", G5 + "4.2.1.4.1.2|2|0",
            G5 + "4.3.1.3.1.1|2|2", G5 + "4.3.1.4.1.1|2|45",
            G5 + "4.4.1.4.1.1|2|1", G5 + "4.4.1.3.1.2|2|2", G5 + "4.4.1.4.1.2|2|3",
            G5 + "4.5.1.3.1.1|2|2", G5 + "4.5.1.4.1.1|2|2",
            G5 + "4.6.1.3.1.1|2|2", G5 + "4.6.1.4.1.1|2|1",
            G5 + "4.7.1.3.1.1|2|1", G5 + "4.7.1.4.1.1|2|2");

        Assert.Equal(25, d.Value("dev/sensor/1.1", Metrics.TemperatureC), 9);
        Assert.False(d.Has("dev/sensor/1.2", Metrics.TemperatureC));
        Assert.Equal(45, d.Value("dev/sensor/1.1", Metrics.HumidityPct));
        Assert.Equal("open", d.State("dev/sensor/door-1.1", Metrics.Contact));
        Assert.False(d.Has("dev/sensor/door-1.2", Metrics.Contact));
        Assert.Equal("alarm", d.State("dev/sensor/dry-1.1", Metrics.Contact));
        Assert.Equal("normal", d.State("dev/sensor/spot-1.1", Metrics.Contact));
        Assert.False(d.Has("dev/sensor/rope-1.1", Metrics.Contact));
    }
}
