using Edge.Core.Readings;
using Edge.Snmp.Profiles.Tests.Support;

namespace Edge.Snmp.Profiles.Tests.Profiles;

/// <summary>
/// akcp_serverprobe8: an AKCP sensorProbe8 (SP8406i, sysObjectID 3854.1) with three temperature/humidity probes
/// (ports 0, 6, 7) and five dry contacts in use (switches 1–5: a UPS's and a rectifier's alarm outputs), SPAGENT-MIB.
/// </summary>
public class AkcpSensorProbeRecordingTests
{
    private const string Name = "akcp_serverprobe8";
    private const string Temp = "1.3.6.1.4.1.3854.1.2.2.1.16.1.";
    private const string Switch = "1.3.6.1.4.1.3854.1.2.2.1.18.1.";

    [Fact]
    public void Is_decoded_by_the_akcp_profile()
    {
        Assert.Equal("akcp-sensorprobe", Decoded.Recording(Name).Profile.Name);
    }

    [Fact]
    public void The_three_online_probes_read_temperature_and_humidity_on_one_entity_each()
    {
        var d = Decoded.Recording(Name);

        // sensorProbeTempDegree.0/.6/.7 = 20/20/22 with sensorProbeTempDegreeType = celsius(1): whole °C as they stand.
        Assert.Equal(20, d.Value("dev/sensor/0", Metrics.TemperatureC));
        Assert.Equal(20, d.Value("dev/sensor/6", Metrics.TemperatureC));
        Assert.Equal(22, d.Value("dev/sensor/7", Metrics.TemperatureC));
        // sensorProbeHumidityPercent.0/.6/.7 = 42/41/39 %.
        Assert.Equal(42, d.Value("dev/sensor/0", Metrics.HumidityPct));
        Assert.Equal(41, d.Value("dev/sensor/6", Metrics.HumidityPct));
        Assert.Equal(39, d.Value("dev/sensor/7", Metrics.HumidityPct));
    }

    [Fact]
    public void Offline_ports_read_nothing_not_zero()
    {
        var d = Decoded.Recording(Name);

        // Ports 1–5: sensorProbeTempOnline/HumidityOnline = offline(2), degree 0 and percent 0 (humidity raw 786..869 is
        // the A/D count of an open input, not a value): no reading at all.
        Assert.Equal(["dev/sensor/0", "dev/sensor/6", "dev/sensor/7"], d.All(Metrics.TemperatureC).Keys.Order());
        Assert.Equal(["dev/sensor/0", "dev/sensor/6", "dev/sensor/7"], d.All(Metrics.HumidityPct).Keys.Order());
    }

    [Fact]
    public void The_five_online_switches_are_contacts_in_their_normal_state()
    {
        var d = Decoded.Recording(Name);

        // sensorProbeSwitchOnline.1–.5 = online(1), sensorProbeSwitchStatus = normal(2); the other 63 rows are
        // offline(2) with noStatus(1): not contacts.
        Assert.Equal(["dev/sensor/switch-1", "dev/sensor/switch-2", "dev/sensor/switch-3", "dev/sensor/switch-4", "dev/sensor/switch-5"],
            d.All(Metrics.Contact).Keys.Order());
        Assert.All(d.All(Metrics.Contact).Keys, e => Assert.Equal("normal", d.State(e, Metrics.Contact)));
    }

    [Fact]
    public void A_switch_out_of_its_normal_state_is_an_alarm_and_an_errored_or_unjudged_one_is_no_reading()
    {
        // Switch 2 highCritical(4), switch 3 lowCritical(6) (the MIB: not in its configured normal state = critical);
        // switch 4 sensorError(7), switch 5 noStatus(1).
        var d = Decoded.RecordingWith(Name, Switch + "3.2|2|4", Switch + "3.3|2|6", Switch + "3.4|2|7", Switch + "3.5|2|1");

        Assert.Equal("normal", d.State("dev/sensor/switch-1", Metrics.Contact));
        Assert.Equal("alarm", d.State("dev/sensor/switch-2", Metrics.Contact));
        Assert.Equal("alarm", d.State("dev/sensor/switch-3", Metrics.Contact));
        Assert.False(d.Has("dev/sensor/switch-4", Metrics.Contact));
        Assert.False(d.Has("dev/sensor/switch-5", Metrics.Contact));
    }

    [Fact]
    public void A_fahrenheit_probe_is_converted_and_an_errored_probe_is_no_reading()
    {
        // Port 6 set to fahr(0) reading 77 °F: (77 − 32) × 5 / 9 = 25 °C. Port 7 status sensorError(7): its 22 is not a reading.
        var d = Decoded.RecordingWith(Name, Temp + "12.6|2|0", Temp + "3.6|2|77", Temp + "4.7|2|7");

        Assert.Equal(25, d.Value("dev/sensor/6", Metrics.TemperatureC), 9);
        Assert.False(d.Has("dev/sensor/7", Metrics.TemperatureC));
        Assert.Equal(20, d.Value("dev/sensor/0", Metrics.TemperatureC));
    }
}
