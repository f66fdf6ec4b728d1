using Edge.Core.Readings;
using Edge.Snmp.Profiles.Tests.Support;

namespace Edge.Snmp.Profiles.Tests.Profiles;

/// <summary>apc_ap8853: APC rack PDU AP8853, rPDU2g firmware 6.8.0 (sysObjectID 318.1.3.4.6 masterSwitchrPDU2).</summary>
public class ApcRackPduRecordingTests
{
    private const string Name = "apc_ap8853";

    [RecordingFact]
    public void Is_decoded_by_the_rpdu2_profile()
    {
        Assert.Equal("apc-rpdu2", Decoded.Recording(Name).Profile.Name);
    }

    [RecordingFact]
    public void Phase_current_voltage_and_power_come_from_rPDU2PhaseStatus()
    {
        var d = Decoded.Recording(Name);

        // rPDU2PhaseStatusCurrent.1 = 49 (0.1 A) → 4.9 A (rPDULoadStatusLoad.1 = 49 agrees).
        Assert.Equal(4.9, d.Value("dev/phase/1", Metrics.CurrentA), 6);
        // rPDU2PhaseStatusVoltage.1 = 242 V.
        Assert.Equal(242, d.Value("dev/phase/1", Metrics.VoltageV));
        // rPDU2PhaseStatusPower.1 = 114 (0.01 kW) → 1140 W.
        Assert.Equal(1140, d.Value("dev/phase/1", Metrics.PowerW));
    }

    [RecordingFact]
    public void Bank_currents_come_from_the_rPDU_load_table_when_rPDU2_has_no_bank_rows()
    {
        var d = Decoded.Recording(Name);

        // rPDULoadStatus rows: .1 phase 1 bank 0 (a phase row), .2 bank 1 load 0, .3 bank 2 load 47 (0.1 A).
        Assert.Equal(0.0, d.Value("dev/bank/1", Metrics.CurrentA));
        Assert.Equal(4.7, d.Value("dev/bank/2", Metrics.CurrentA), 6);
        Assert.Equal(["dev/bank/1", "dev/bank/2", "dev/phase/1"], d.All(Metrics.CurrentA).Keys.Order());
    }

    [RecordingFact]
    public void Device_power_and_energy_are_the_inlet_of_unit_1()
    {
        var d = Decoded.Recording(Name);

        // rPDU2DeviceStatusPower.1 = 114 (0.01 kW) → 1140 W; Energy.1 = 35128 (0.1 kWh) → 3512.8 kWh; ApparentPower.1 = 119 → 1190 VA.
        Assert.Equal(1140, d.Value("dev/inlet/1", Metrics.PowerW));
        Assert.Equal(3512.8, d.Value("dev/inlet/1", Metrics.EnergyKwh), 6);
        Assert.Equal(1190, d.Value("dev/inlet/1", Metrics.ApparentPowerVa));
    }

    [RecordingFact]
    public void The_not_installed_temperature_probe_gives_no_reading()
    {
        var d = Decoded.Recording(Name);

        // rPDU2SensorTempHumidityStatusType.1 = notInstalled(4), TempC.1 = −1, RelativeHumidity.1 = −1.
        Assert.DoesNotContain(d.Readings.All, r => r.Entity.Contains("/sensor/"));
    }
}
