using Edge.Core.Readings;
using Edge.Snmp.Profiles.Tests.Support;

namespace Edge.Snmp.Profiles.Tests.Profiles;

/// <summary>
/// Two Tripp Lite devices behind PowerAlert 20 agents, both sysObjectID tlpDevice (850.1.1.1): poweralert_pdu, a
/// PDUMV30HVNETLX (one input phase, one output line, two load circuits, 24 unmetered outlets; TRIPPLITE-PRODUCTS only),
/// and poweralert_ups, an SU3000LCD2UHV UPS (RFC 1628 and TRIPPLITE-PRODUCTS' UPS tables).
/// </summary>
public class TrippLiteRecordingTests
{
    private const string PduName = "poweralert_pdu";
    private const string UpsName = "poweralert_ups";
    private const string Pdu = "1.3.6.1.4.1.850.1.1.3.2.3.";

    [Fact]
    public void Both_are_decoded_by_the_tripplite_profile()
    {
        Assert.Equal("tripplite", Decoded.Recording(PduName).Profile.Name);
        Assert.Equal("tripplite", Decoded.Recording(UpsName).Profile.Name);
    }

    [Fact]
    public void The_pdu_reads_its_phase_and_its_two_load_circuits()
    {
        var d = Decoded.Recording(PduName);

        // tlpPduInputPhaseFrequency.1.1 = 599 (0.1 Hz) → 59.9 Hz; tlpPduInputPhaseVoltage.1.1 = 2070 (0.1 V) → 207.0 V.
        // tlpPduOutput row 1.1 (no tlpPduOutputPhase: its own number): voltage 2070 → 207.0 V, current 100 (0.01 A) → 1.00 A,
        // active power 207 W, frequency 599 → 59.9 Hz.
        Assert.Equal(59.9, d.Value("dev/phase/1.1", Metrics.FrequencyHz), 9);
        Assert.Equal(207.0, d.Value("dev/phase/1.1", Metrics.VoltageV), 9);
        Assert.Equal(1.0, d.Value("dev/phase/1.1", Metrics.CurrentA), 9);
        Assert.Equal(207, d.Value("dev/phase/1.1", Metrics.PowerW));
        // tlpPduCircuitTotalCurrent.1.1 = 0, .1.2 = 100 (0.01 A) → 0.00 A (a real zero: nothing drawn on circuit 1), 1.00 A.
        Assert.Equal(0.0, d.Value("dev/bank/1.1", Metrics.CurrentA), 9);
        Assert.Equal(1.0, d.Value("dev/bank/1.2", Metrics.CurrentA), 9);
    }

    [Fact]
    public void What_the_pdu_does_not_measure_reads_nothing()
    {
        var d = Decoded.Recording(PduName);

        // No tlpPduOutletCurrent/ActivePower (unmetered outlets), no circuit voltage or power, no apparent power, no
        // tlpPduInputCurrentTotal, no RFC 1628: exactly the six readings above.
        Assert.DoesNotContain(d.Readings.All, r => r.Entity.Contains("/outlet/", StringComparison.Ordinal) || r.Entity.Contains("/inlet/", StringComparison.Ordinal));
        Assert.Equal(6, d.Readings.Count);
    }

    [Fact]
    public void The_ups_reads_what_rfc1628_reads_of_it_and_its_casing_temperature()
    {
        var tripplite = Decoded.Recording(UpsName);
        var rfc1628 = Decoded.Recording(UpsName, profileName: "rfc1628");

        Assert.Equal(rfc1628.Readings.All.Select(r => (r.Entity, r.Metric, r.Value)),
            tripplite.Readings.All.Where(r => r.Entity != "dev/sensor/1").Select(r => (r.Entity, r.Metric, r.Value)));
        // tlpUpsDeviceTemperatureC.1 = 220 (Integer32, UNITS "0.1 degrees Celsius") → 22.0 °C at the casing of device 1.
        Assert.Equal(new Dictionary<string, double> { ["dev/sensor/1"] = 22.0 }, tripplite.All(Metrics.TemperatureC));
        // upsEstimatedChargeRemaining 100 %, upsEstimatedMinutesRemaining 72 min, upsBatteryTemperature −273 (no probe): none.
        Assert.Equal(100, tripplite.Value("dev", Metrics.BatteryChargePct));
        Assert.Equal(72, tripplite.Value("dev", Metrics.BatteryRuntimeMin));
        Assert.False(tripplite.Has("dev", Metrics.BatteryTemperatureC));
    }

    [Fact]
    public void A_negative_circuit_current_is_no_reading_and_metered_outlets_and_a_phased_output_read()
    {
        // tlpPduCircuitTotalCurrent is Integer32 of a magnitude: −1 on circuit 1.1 is not a current. Outlet 1.3 metered:
        // current 125 (0.01 A) → 1.25 A, active power 250 W. Output 1.1 on phase2(2): phase/1.2, apart from input phase 1.1.
        var d = Decoded.RecordingWith(PduName, Pdu + "4.1.1.4.1.1|2|-1", Pdu + "3.1.1.8.1.3|66|125", Pdu + "3.1.1.9.1.3|66|250", Pdu + "2.1.1.2.1.1|2|2");

        Assert.False(d.Has("dev/bank/1.1", Metrics.CurrentA));
        Assert.Equal(1.0, d.Value("dev/bank/1.2", Metrics.CurrentA), 9);
        Assert.Equal(1.25, d.Value("dev/outlet/1.3", Metrics.CurrentA), 9);
        Assert.Equal(250, d.Value("dev/outlet/1.3", Metrics.PowerW));
        Assert.Equal(1.0, d.Value("dev/phase/1.2", Metrics.CurrentA), 9);
        Assert.False(d.Has("dev/phase/1.1", Metrics.CurrentA));
        Assert.Equal(207.0, d.Value("dev/phase/1.1", Metrics.VoltageV), 9);
    }
}
