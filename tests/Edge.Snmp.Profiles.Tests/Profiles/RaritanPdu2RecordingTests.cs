using Edge.Core.Readings;
using Edge.Snmp.Profiles.Tests.Support;

namespace Edge.Snmp.Profiles.Tests.Profiles;

/// <summary>raritan-pdu_px2-temp: Raritan PX2 firmware 3.4.0 (sysObjectID 13742.6) with seven external sensors.</summary>
public class RaritanPdu2RecordingTests
{
    private const string Name = "raritan-pdu_px2-temp";

    [RecordingFact]
    public void Is_decoded_by_the_pdu2_profile()
    {
        Assert.Equal("raritan-pdu2", Decoded.Recording(Name).Profile.Name);
    }

    [RecordingFact]
    public void Inlet_values_are_scaled_by_their_own_decimal_digits()
    {
        var d = Decoded.Recording(Name);

        // measurementsInletSensorValue.1.1.1 (rmsCurrent) = 3497, inletSensorDecimalDigits.1.1.1 = 3 → 3.497 A.
        Assert.Equal(3.497, d.Value("dev/inlet/1.1", Metrics.CurrentA), 9);
        // .1.1.4 (rmsVoltage) = 209, 0 digits → 209 V.
        Assert.Equal(209, d.Value("dev/inlet/1.1", Metrics.VoltageV));
        // .1.1.5 (activePower) = 673, 0 digits → 673 W.
        Assert.Equal(673, d.Value("dev/inlet/1.1", Metrics.PowerW));
        // .1.1.23 (frequency) = 600, 1 digit → 60.0 Hz.
        Assert.Equal(60.0, d.Value("dev/inlet/1.1", Metrics.FrequencyHz), 9);
    }

    [RecordingFact]
    public void External_temperature_and_humidity_sensors_are_scaled_by_their_digits_and_units()
    {
        var d = Decoded.Recording(Name);

        // externalSensorType.1.{1,3,4} = temperature(10), units degreeC(7), 1 digit; values 229, 226, 237.
        Assert.Equal(22.9, d.Value("dev/sensor/1.1", Metrics.TemperatureC), 9);
        Assert.Equal(22.6, d.Value("dev/sensor/1.3", Metrics.TemperatureC), 9);
        Assert.Equal(23.7, d.Value("dev/sensor/1.4", Metrics.TemperatureC), 9);
        // externalSensorType.1.2 = humidity(11), units percent(9), 0 digits, value 15 (its state is belowLowerWarning(3)).
        Assert.Equal(15, d.Value("dev/sensor/1.2", Metrics.HumidityPct));
    }

    [RecordingFact]
    public void Unavailable_on_off_sensors_and_absolute_humidity_give_no_reading()
    {
        var d = Decoded.Recording(Name);

        // .5 and .6 are onOff(14) with IsAvailable false(2); .7 is absoluteHumidity(28) (g/m³, not in the vocabulary).
        Assert.DoesNotContain(d.Readings.All, r => r.Entity is "dev/sensor/1.5" or "dev/sensor/1.6" or "dev/sensor/1.7");
        Assert.Equal(4, d.Readings.All.Count(r => r.Entity.StartsWith("dev/sensor/", StringComparison.Ordinal)));
    }
}
