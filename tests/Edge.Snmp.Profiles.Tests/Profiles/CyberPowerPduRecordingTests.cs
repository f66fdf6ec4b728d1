using Edge.Core.Readings;
using Edge.Snmp.Profiles.Tests.Support;
using Edge.Testing.Snmpsim;

namespace Edge.Snmp.Profiles.Tests.Profiles;

/// <summary>
/// cyberpower_pdu81005 (Recordings/SOURCES.md): a CyberPower PDU81005 reporting the ePDU2 sysObjectID but keeping its
/// load status in the first-generation ePDULoadStatusTable (CPS-MIB 3808.1.1.3.2.3.1.1).
/// </summary>
public class CyberPowerPduRecordingTests
{
    private const string Name = "cyberpower_pdu81005";
    private const string LoadStatus = "1.3.6.1.4.1.3808.1.1.3.2.3.1.1.";

    [RecordingFact]
    public void Is_decoded_by_the_cyberpower_profile()
    {
        Assert.Equal("cyberpower", Decoded.Recording(Name).Profile.Name);
    }

    [RecordingFact]
    public void The_first_load_status_row_is_phase_1_with_current_voltage_and_power()
    {
        var d = Decoded.Recording(Name);

        // ePDULoadStatusIndex: "All phase information will precede any bank information", so row 1 is phase 1.
        // ePDULoadStatusLoad.1 = 11 (0.1 A) → 1.1 A; ePDULoadStatusVoltage.1 = 2290 (0.1 V) → 229.0 V;
        // ePDULoadStatusActivePower.1 = 216 W.
        Assert.Equal(1.1, d.Value("dev/phase/1", Metrics.CurrentA), 9);
        Assert.Equal(229.0, d.Value("dev/phase/1", Metrics.VoltageV), 9);
        Assert.Equal(216, d.Value("dev/phase/1", Metrics.PowerW));
    }

    [RecordingFact]
    public void Without_phase_numbers_or_a_phase_count_row_2_is_not_guessed()
    {
        // The recording has neither ePDULoadStatusPhaseNumber/BankNumber nor ePDULoadDevNumPhases: row 2 could be
        // phase 2 or bank 1, so it gives no reading rather than a wrong entity.
        var d = Decoded.Recording(Name);

        Assert.Equal(["dev/phase/1"], d.All(Metrics.CurrentA).Keys.Where(e => !e.Contains("/outlet/")).ToArray());
    }

    [RecordingFact]
    public void With_the_phase_count_the_rows_after_the_phases_are_banks()
    {
        // The recording plus ePDULoadDevNumPhases.0 = 1 (CPS-MIB 3808.1.1.3.2.1.2): row 1 is phase 1, row 2 bank 1.
        var d = Decoded.Of(new CyberPowerProfile(),
            [.. Recordings.Read(Name), .. SnmprecReader.Parse(["1.3.6.1.4.1.3808.1.1.3.2.1.2.0|2|1"])]);

        // Row 2: load 11 → 1.1 A, voltage 2290 → 229.0 V, active power 216 W.
        Assert.Equal(1.1, d.Value("dev/bank/1", Metrics.CurrentA), 9);
        Assert.Equal(229.0, d.Value("dev/bank/1", Metrics.VoltageV), 9);
        Assert.Equal(216, d.Value("dev/bank/1", Metrics.PowerW));
        Assert.Equal(1.1, d.Value("dev/phase/1", Metrics.CurrentA), 9);
    }

    [Fact]
    public void Phase_and_bank_number_columns_say_which_row_is_which()
    {
        // A 3-phase ePDU: row 1 phase 1 (bank 0), row 4 bank 2 (phase 2). 96 → 9.6 A, 2301 → 230.1 V, 1980 W, 2100 VA.
        var d = Agent.Decode("cyberpower",
            LoadStatus + "2.1|66|96", LoadStatus + "4.1|2|1", LoadStatus + "5.1|2|0", LoadStatus + "6.1|2|2301", LoadStatus + "7.1|2|1980", LoadStatus + "8.1|2|2100",
            LoadStatus + "2.4|66|42", LoadStatus + "4.4|2|2", LoadStatus + "5.4|2|2", LoadStatus + "6.4|2|2299", LoadStatus + "7.4|2|-1");

        Assert.Equal(9.6, d.Value("dev/phase/1", Metrics.CurrentA), 9);
        Assert.Equal(230.1, d.Value("dev/phase/1", Metrics.VoltageV), 9);
        Assert.Equal(1980, d.Value("dev/phase/1", Metrics.PowerW));
        Assert.Equal(2100, d.Value("dev/phase/1", Metrics.ApparentPowerVa));
        // Row 4: 42 → 4.2 A on bank 2; its active power −1 is outside the non-negative range: no reading.
        Assert.Equal(4.2, d.Value("dev/bank/2", Metrics.CurrentA), 9);
        Assert.False(d.Has("dev/bank/2", Metrics.PowerW));
        Assert.False(d.Has("dev/phase/2", Metrics.CurrentA));
    }

    [RecordingFact]
    public void Metered_outlets_read_from_ePDU2()
    {
        var d = Decoded.Recording(Name);

        // ePDU2OutletMeteredStatusLoad.5 = 4 (0.1 A) → 0.4 A, ActivePower.5 = 82 W; outlet 1: 0 A, 0 W.
        Assert.Equal(0.4, d.Value("dev/outlet/5", Metrics.CurrentA), 9);
        Assert.Equal(82, d.Value("dev/outlet/5", Metrics.PowerW));
        Assert.Equal(0, d.Value("dev/outlet/1", Metrics.CurrentA));
        Assert.Equal(8, d.All(Metrics.PowerW).Keys.Count(e => e.Contains("/outlet/")));
    }
}
