using Edge.Core.Readings;
using Edge.Snmp.Profiles.Tests.Support;

namespace Edge.Snmp.Profiles.Tests.Profiles;

/// <summary>
/// raritan-pdu_px3 (Recordings/SOURCES.md): a Raritan PX3-5493U-K2 answering both value columns of PDU2-MIB's
/// measurement tables, with SignedValue 0 for active energy (beyond Integer32's range, so undefined by the MIB).
/// </summary>
public class RaritanPx3RecordingTests
{
    private const string Name = "raritan-pdu_px3";
    private const string Inlet = "1.3.6.1.4.1.13742.6.5.2.3.1.";

    [RecordingFact]
    public void Active_energy_comes_from_the_unsigned_column()
    {
        var d = Decoded.Recording(Name);

        Assert.Equal("raritan-pdu2", d.Profile.Name);
        // measurementsInletSensorValue.1.1.8 (activeEnergy) = 74057676, inletSensorDecimalDigits 0 → 74,057,676 Wh
        // = 74057.676 kWh; the SignedValue column says 0.
        Assert.Equal(74057.676, d.Value("dev/inlet/1.1", Metrics.EnergyKwh), 6);
        // measurementsOutletSensorValue.1.1.8 = 5812658 Wh → 5812.658 kWh (outlet SignedValue also 0).
        Assert.Equal(5812.658, d.Value("dev/outlet/1.1", Metrics.EnergyKwh), 6);
    }

    [RecordingFact]
    public void Every_inlet_reading_is_the_unsigned_column_scaled_by_its_digits()
    {
        var d = Decoded.Recording(Name);

        // inletSensorSignedMinimum is 0 for every sensor: none has a signed range. Unsigned values, digits:
        // rmsCurrent 7467, 3 digits → 7.467 A (SignedValue 7661 was sampled at another moment);
        // rmsVoltage 229, 0 → 229 V; activePower 1665, 0 → 1665 W (SignedValue 1715); apparentPower 1751 VA;
        // frequency 500, 1 digit → 50.0 Hz.
        Assert.Equal(7.467, d.Value("dev/inlet/1.1", Metrics.CurrentA), 9);
        Assert.Equal(229, d.Value("dev/inlet/1.1", Metrics.VoltageV));
        Assert.Equal(1665, d.Value("dev/inlet/1.1", Metrics.PowerW));
        Assert.Equal(1751, d.Value("dev/inlet/1.1", Metrics.ApparentPowerVa));
        Assert.Equal(50.0, d.Value("dev/inlet/1.1", Metrics.FrequencyHz), 9);
        // Over-current protectors: rmsCurrent 485 and 333, 3 digits → 0.485 A and 0.333 A on bank/1.1 and bank/1.2.
        Assert.Equal(0.485, d.Value("dev/bank/1.1", Metrics.CurrentA), 9);
        Assert.Equal(0.333, d.Value("dev/bank/1.2", Metrics.CurrentA), 9);
    }

    [Fact]
    public void The_signed_column_is_read_only_for_a_sensor_whose_range_is_signed()
    {
        // activePower (type 5) of inlet 1.1: Value 0, SignedValue −1200, inletSensorSignedMinimum −5000 (a signed range,
        // e.g. a meter that can see power flow back) → −1200 W. Inlet 1.2: SignedMinimum 0 → the unsigned 1300 W.
        var d = Agent.Decode("raritan-pdu2",
            Inlet + "4.1.1.5|66|0", Inlet + "6.1.1.5|2|-1200", "1.3.6.1.4.1.13742.6.3.3.4.1.27.1.1.5|2|-5000",
            Inlet + "4.1.2.5|66|1300", Inlet + "6.1.2.5|2|0", "1.3.6.1.4.1.13742.6.3.3.4.1.27.1.2.5|2|0");

        Assert.Equal(-1200, d.Value("dev/inlet/1.1", Metrics.PowerW));
        Assert.Equal(1300, d.Value("dev/inlet/1.2", Metrics.PowerW));
    }

    [Fact]
    public void An_unavailable_sensor_gives_no_reading()
    {
        // measurementsInletSensorIsAvailable false(2): its value 0 is not a reading.
        var d = Agent.Decode("raritan-pdu2", Inlet + "2.1.1.1|2|2", Inlet + "4.1.1.1|66|0");

        Assert.False(d.Has("dev/inlet/1.1", Metrics.CurrentA));
    }
}
