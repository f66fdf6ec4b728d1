using Edge.Core.Readings;
using Edge.Snmp.Profiles.Tests.Support;

namespace Edge.Snmp.Profiles.Tests.Profiles;

/// <summary>
/// liebert_weblbds: a three-phase Liebert UPS behind a Liebert web card (sysObjectID 476.1.42) answering RFC 1628 in
/// part (no charge, no percent load) and LIEBERT-GP-POWER's line measurements for its system output, bypass and input.
/// </summary>
public class LiebertUpsRecordingTests
{
    private const string Name = "liebert_weblbds";
    private const string Line = "1.3.6.1.4.1.476.1.42.3.5.2.3.1.";
    private const string SystemOutput = "1.3.6.1.4.1.476.1.42.3.5.2.1.9";
    private const string Bypass = "1.3.6.1.4.1.476.1.42.3.5.2.1.7";

    [Fact]
    public void Is_decoded_by_the_liebert_profile()
    {
        Assert.Equal("liebert", Decoded.Recording(Name).Profile.Name);
    }

    [Fact]
    public void The_output_load_rfc1628_lacks_comes_from_liebert_gp_power()
    {
        var d = Decoded.Recording(Name);

        // Point 1 is lgpPwrMeasSystemOutput (…3.5.2.1.9); lgpPwrLineMeasurementCapacity.1.1/.1.2/.1.3 = 24/23/22 %.
        Assert.Equal(24, d.Value("dev/output/1", Metrics.LoadPct));
        Assert.Equal(23, d.Value("dev/output/2", Metrics.LoadPct));
        Assert.Equal(22, d.Value("dev/output/3", Metrics.LoadPct));
        // The device's load is its highest line: max(24, 23, 22) = 24 %.
        Assert.Equal(24, d.Value("dev", Metrics.LoadPct));
        // RFC 1628 alone gives none of it: the recording has no upsOutputPercentLoad.
        Assert.False(Decoded.Recording(Name, profileName: "rfc1628").Has("dev", Metrics.LoadPct));
    }

    [Fact]
    public void Where_both_mibs_answer_rfc1628s_finer_values_win()
    {
        var d = Decoded.Recording(Name);

        // Output current: upsOutputCurrent 420/400/390 (0.1 A) = 42.0/40.0/39.0 A over lgpPwrLineMeasurementCurrent 43/40/39 A.
        Assert.Equal(42.0, d.Value("dev/output/1", Metrics.CurrentA), 9);
        Assert.Equal(39.0, d.Value("dev/output/3", Metrics.CurrentA), 9);
        // Input line 2: upsInputVoltage 225 V over the Source1Input point's (3) voltsLN 224 V; current 520 → 52.0 A.
        Assert.Equal(225, d.Value("dev/input/2", Metrics.VoltageV));
        Assert.Equal(52.0, d.Value("dev/input/2", Metrics.CurrentA), 9);
        // The rest of RFC 1628: upsBatteryStatus normal(2), upsEstimatedMinutesRemaining 52, upsOutputSource normal(3).
        Assert.Equal("normal", d.State("dev", Metrics.BatteryStatus));
        Assert.Equal(52, d.Value("dev", Metrics.BatteryRuntimeMin));
        Assert.Equal("normal", d.State("dev", Metrics.OutputSource));
    }

    [Fact]
    public void The_card_s_environmental_measurements_read_one_entity_a_row()
    {
        var d = Decoded.Recording(Name);

        // lgpEnvTemperatureTableDegC: rows 1/2/3 name lgpEnvControlTemperature / lgpEnvSupplyAirTemperature /
        // lgpEnvReturnAirTemperature (.2 = 4.1.1.1 / 4.1.1.3 / 4.1.1.2), lgpEnvTemperatureMeasurementDegC 24 / 25 / 24 °C.
        Assert.Equal(new Dictionary<string, double>
        {
            ["dev/sensor/temperature-1"] = 24, ["dev/sensor/temperature-2"] = 25, ["dev/sensor/temperature-3"] = 24,
        }, d.All(Metrics.TemperatureC));
        // lgpEnvHumidityTableRel: rows 1/2 (control, return air), lgpEnvHumidityMeasurementRel 34 / 34 %RH.
        Assert.Equal(new Dictionary<string, double> { ["dev/sensor/humidity-1"] = 34, ["dev/sensor/humidity-2"] = 34 }, d.All(Metrics.HumidityPct));
    }

    [Fact]
    public void Without_rfc1628_liebert_gp_power_reads_alone_percent_load_first_and_negative_is_no_reading()
    {
        // A card answering only LIEBERT-GP-POWER: output line 1 with current 43 A, power 9200 W, capacity 24 % and
        // percentLoad 30 % (the load itself, preferred); line 2 with current −1 (Integer32, not a magnitude); a bypass row.
        var d = Agent.Decode("liebert",
            $"{Line}3.1.1|6|{SystemOutput}", $"{Line}6.1.1|2|43", $"{Line}9.1.1|2|9200", $"{Line}7.1.1|2|24", $"{Line}19.1.1|2|30",
            $"{Line}3.1.2|6|{SystemOutput}", $"{Line}6.1.2|2|-1", $"{Line}5.1.2|2|231",
            $"{Line}3.2.1|6|{Bypass}", $"{Line}5.2.1|2|227");

        Assert.Equal(43, d.Value("dev/output/1", Metrics.CurrentA));
        Assert.Equal(9200, d.Value("dev/output/1", Metrics.PowerW));
        Assert.Equal(30, d.Value("dev/output/1", Metrics.LoadPct));
        Assert.Equal(30, d.Value("dev", Metrics.LoadPct));
        Assert.False(d.Has("dev/output/2", Metrics.CurrentA));
        Assert.Equal(231, d.Value("dev/output/2", Metrics.VoltageV));
        Assert.DoesNotContain(d.Readings.All, r => r.Value == 227); // the bypass's voltage is nobody's
    }
}
