using Edge.Core.Readings;
using Edge.Snmp.Profiles.Tests.Support;

namespace Edge.Snmp.Profiles.Tests.Profiles;

/// <summary>sentry4_switched8i: ServerTech "Sentry Smart PDU" (sysObjectID 1718.4), master + link unit + sensor unit 5.</summary>
public class ServerTechSentry4RecordingTests
{
    private const string Name = "sentry4_switched8i";

    [RecordingFact]
    public void Is_decoded_by_the_sentry4_profile()
    {
        Assert.Equal("sentry4", Decoded.Recording(Name).Profile.Name);
    }

    [RecordingFact]
    public void Cord_power_line_current_and_phase_values_are_scaled_per_column()
    {
        var d = Decoded.Recording(Name);

        // st4InputCordActivePower.1.1 = 806 W (Master_Cord_A), .2.1 = 856 W (Link1_Cord_A).
        Assert.Equal(806, d.Value("dev/inlet/1.1", Metrics.PowerW));
        Assert.Equal(856, d.Value("dev/inlet/2.1", Metrics.PowerW));
        // st4InputCordFrequency = 600 (0.1 Hz) → 60.0 Hz.
        Assert.Equal(60.0, d.Value("dev/inlet/1.1", Metrics.FrequencyHz), 9);
        // st4LineCurrent.1.1.1 = 403, .2.1.1 = 427 (0.01 A) → 4.03 A, 4.27 A.
        Assert.Equal(4.03, d.Value("dev/inlet/1.1.1", Metrics.CurrentA), 9);
        Assert.Equal(4.27, d.Value("dev/inlet/2.1.1", Metrics.CurrentA), 9);
        // st4PhaseVoltage.1.1.1 = 2117, .2.1.1 = 2098 (0.1 V) → 211.7 V, 209.8 V.
        Assert.Equal(211.7, d.Value("dev/phase/1.1.1", Metrics.VoltageV), 9);
        Assert.Equal(209.8, d.Value("dev/phase/2.1.1", Metrics.VoltageV), 9);
        // st4PhaseCurrent = 403 / 429 (0.01 A) → 4.03 A / 4.29 A; st4PhaseActivePower = 806 / 856 W.
        Assert.Equal(4.03, d.Value("dev/phase/1.1.1", Metrics.CurrentA), 9);
        Assert.Equal(4.29, d.Value("dev/phase/2.1.1", Metrics.CurrentA), 9);
        Assert.Equal(856, d.Value("dev/phase/2.1.1", Metrics.PowerW));
    }

    [RecordingFact]
    public void Sensor_unit_5_reads_and_the_invalid_rows_of_units_1_and_2_do_not()
    {
        var d = Decoded.Recording(Name);

        // st4TempSensorScale.0 = celsius(0); st4TempSensorValue.5.1 = 239, .5.2 = 271 (0.1 °C) → 23.9 °C, 27.1 °C.
        Assert.Equal(23.9, d.Value("dev/sensor/5.1", Metrics.TemperatureC), 9);
        Assert.Equal(27.1, d.Value("dev/sensor/5.2", Metrics.TemperatureC), 9);
        // st4HumidSensorValue.5.1 = 37 %, .5.2 = 31 %: same index as the temperature, so one entity (dew point derivable).
        Assert.Equal(37, d.Value("dev/sensor/5.1", Metrics.HumidityPct));
        Assert.Equal(31, d.Value("dev/sensor/5.2", Metrics.HumidityPct));
        // Units 1 and 2: temperature −410 with status notFound(7), humidity −1: no reading, not −41 °C, not 0.
        Assert.Equal(["dev/sensor/5.1", "dev/sensor/5.2"], d.All(Metrics.TemperatureC).Keys.Order());
        Assert.Equal(["dev/sensor/5.1", "dev/sensor/5.2"], d.All(Metrics.HumidityPct).Keys.Order());
    }

    [RecordingFact]
    public void Branches_without_current_values_give_no_bank_reading()
    {
        var d = Decoded.Recording(Name);

        // The recording has st4BranchState/Status only, no st4BranchCurrent.
        Assert.DoesNotContain(d.Readings.All, r => r.Entity.Contains("/bank/"));
    }
}
