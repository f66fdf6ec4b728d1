using Edge.Core.Readings;
using Edge.Snmp.Profiles.Tests.Support;

namespace Edge.Snmp.Profiles.Tests.Profiles;

/// <summary>
/// Two Liebert rack PDUs on LIEBERT-GP-PDU-MIB, with the sysObjectID of Liebert's UPS cards (476.1.42):
/// liebert_mph2rg, an MPH2 (MPHR3142, one input line, one 16-receptacle branch), and liebert, an MPH
/// (MPH-NCV27AXXD30, three branches and four auxiliary sensors; its sysDescr names a GXT2 UPS, but what it answers is a PDU).
/// </summary>
public class LiebertPduRecordingTests
{
    private const string Mph2 = "liebert_mph2rg";
    private const string Mph = "liebert";
    private const string Aux = "1.3.6.1.4.1.476.1.42.3.8.60.15.1.";

    [Fact]
    public void Both_are_decoded_by_the_liebert_profile()
    {
        Assert.Equal("liebert", Decoded.Recording(Mph2).Profile.Name);
        Assert.Equal("liebert", Decoded.Recording(Mph).Profile.Name);
    }

    [Fact]
    public void The_mph2_reads_its_input_line_branch_and_receptacles()
    {
        var d = Decoded.Recording(Mph2);

        // lgpPduPsTable row 1.1: energy 20450 (0.1 kWh) → 2045.0 kWh, power 514 W, apparent power 551 VA.
        Assert.Equal(2045.0, d.Value("dev/inlet/1.1", Metrics.EnergyKwh), 9);
        Assert.Equal(514, d.Value("dev/inlet/1.1", Metrics.PowerW));
        Assert.Equal(551, d.Value("dev/inlet/1.1", Metrics.ApparentPowerVa));
        // lgpPduPsLineTable row 1.1.1: voltage 2381 (0.1 V) → 238.1 V, current 242 (0.01 A) → 2.42 A, power 498 W.
        Assert.Equal(238.1, d.Value("dev/phase/1.1.1", Metrics.VoltageV), 9);
        Assert.Equal(2.42, d.Value("dev/phase/1.1.1", Metrics.CurrentA), 9);
        Assert.Equal(498, d.Value("dev/phase/1.1.1", Metrics.PowerW));
        // lgpPduRbTable row 1.2: current 228 (0.01 A) → 2.28 A, voltage 2385 → 238.5 V, power 508 W, energy 20452 → 2045.2 kWh.
        Assert.Equal(2.28, d.Value("dev/bank/1.2", Metrics.CurrentA), 9);
        Assert.Equal(238.5, d.Value("dev/bank/1.2", Metrics.VoltageV), 9);
        Assert.Equal(508, d.Value("dev/bank/1.2", Metrics.PowerW));
        Assert.Equal(2045.2, d.Value("dev/bank/1.2", Metrics.EnergyKwh), 9);
        // lgpPduRcpTable rows 1.2.1–1.2.16: receptacle 15 current 96 (0.01 A) → 0.96 A, power 239 W; receptacle 1 reads 0 A (idle, a real zero).
        Assert.Equal(0.96, d.Value("dev/outlet/1.2.15", Metrics.CurrentA), 9);
        Assert.Equal(239, d.Value("dev/outlet/1.2.15", Metrics.PowerW));
        Assert.Equal(0, d.Value("dev/outlet/1.2.1", Metrics.CurrentA));
        Assert.Equal(16, d.All(Metrics.CurrentA).Keys.Count(e => e.StartsWith("dev/outlet/", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_mph_reads_its_branches_and_its_temperature_and_humidity_sensors()
    {
        var d = Decoded.Recording(Mph);

        // lgpPduPsTable 1.1: energy 959375 → 95937.5 kWh, power 2411 W; line 1.1.1: 1196 → 119.6 V, 2045 → 20.45 A.
        Assert.Equal(95937.5, d.Value("dev/inlet/1.1", Metrics.EnergyKwh), 9);
        Assert.Equal(119.6, d.Value("dev/phase/1.1.1", Metrics.VoltageV), 9);
        Assert.Equal(20.45, d.Value("dev/phase/1.1.1", Metrics.CurrentA), 9);
        // Branch currents 1428/196/419 (0.01 A) → 14.28/1.96/4.19 A.
        Assert.Equal(14.28, d.Value("dev/bank/1.1", Metrics.CurrentA), 9);
        Assert.Equal(1.96, d.Value("dev/bank/1.2", Metrics.CurrentA), 9);
        Assert.Equal(4.19, d.Value("dev/bank/1.3", Metrics.CurrentA), 9);
        // lgpPduAuxMeasTable: sensors 1 and 4 humidity(2), hum 142/172 (0.1 %RH) → 14.2/17.2 %; sensors 2 and 3
        // temperature(1), tempDegC 175/201 (0.1 °C) → 17.5/20.1 °C (their tempDegF 635/682 = 63.5/68.2 °F agree).
        Assert.Equal(14.2, d.Value("dev/sensor/1.1", Metrics.HumidityPct), 9);
        Assert.Equal(17.5, d.Value("dev/sensor/1.2", Metrics.TemperatureC), 9);
        Assert.Equal(20.1, d.Value("dev/sensor/1.3", Metrics.TemperatureC), 9);
        Assert.Equal(17.2, d.Value("dev/sensor/1.4", Metrics.HumidityPct), 9);
        // No UPS here: no RFC 1628 and no LIEBERT-GP-POWER readings.
        Assert.False(d.Has("dev", Metrics.LoadPct));
        Assert.False(d.Has("dev", Metrics.OutputSource));
    }

    [Fact]
    public void Door_contact_and_leak_sensors_read_contact_states()
    {
        // Sensor 1 turned into a door-closure(3) reading open(1), sensor 4 a contact-closure(4) reading closed(2),
        // sensor 2 a leak-detection(6) reading leak-detected(2), sensor 3 a leak-detection with cable-fault(4).
        var d = Decoded.RecordingWith(Mph,
            Aux + "10.1.1.1|2|3", Aux + "120.1.1.1|2|1",
            Aux + "10.1.4.1|2|4", Aux + "130.1.4.1|2|2",
            Aux + "10.1.2.1|2|6", Aux + "165.1.2.1|2|2",
            Aux + "10.1.3.1|2|6", Aux + "165.1.3.1|2|4");

        Assert.Equal("open", d.State("dev/sensor/1.1", Metrics.Contact));
        Assert.Equal("closed", d.State("dev/sensor/1.4", Metrics.Contact));
        Assert.Equal("alarm", d.State("dev/sensor/1.2", Metrics.Contact));
        Assert.False(d.Has("dev/sensor/1.3", Metrics.Contact)); // a broken leak cable is not a leak, nor a dry floor
        Assert.False(d.Has("dev/sensor/1.1", Metrics.HumidityPct)); // a door now, not a humidity sensor
    }
}
