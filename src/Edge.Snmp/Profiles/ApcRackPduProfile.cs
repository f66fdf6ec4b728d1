using Edge.Core.Readings;
using Edge.Snmp.Protocol;

namespace Edge.Snmp.Profiles;

/// <summary>
/// APC rack PDUs: PowerNet-MIB rPDU2 (<c>318.1.1.26</c>) over the first-generation rPDU load tables (<c>318.1.1.12</c>),
/// which rPDU2 firmware still answers and which is the only source of bank currents on units without
/// rPDU2BankStatus (the apc_ap8853 recording). rPDU is decoded first, rPDU2 overrides.
/// Source: PowerNet-MIB via spec/snmp-mibs.md §2b/§2c; LibreNMS <c>apc.yaml</c> (rPDULoadStatusLoad /10 with
/// phase/bank thresholds, rPDU2DeviceStatusPower ×10 W).
/// <list type="table">
/// <item>rPDUIdentDevicePowerWatts 12.1.16 (W) → inlet/1 power_w (fallback)</item>
/// <item>rPDULoadStatusTable 12.2.3.1.1: load .2 (0.1 A), phase .4, bank .5 (0 = a phase total row) → phase/PHASE or bank/BANK current_a</item>
/// <item>rPDU2DeviceStatusTable 26.4.3.1 (index = unit): power .5 (0.01 kW), energy .9 (0.1 kWh), apparent power .16 (0.01 kVA); −1 = unsupported → inlet/UNIT</item>
/// <item>rPDU2PhaseStatusTable 26.6.3.1: current .5 (0.1 A), voltage .6 (V), power .7 (0.01 kW); −1 = unsupported → phase/INDEX</item>
/// <item>rPDU2BankStatusTable 26.8.3.1: current .5 (0.1 A) → bank/INDEX</item>
/// <item>rPDU2OutletMeteredStatusTable 26.9.4.3.1: current .6 (0.1 A), power .7 (W) → outlet/INDEX</item>
/// <item>rPDU2SensorTempHumidityStatusTable 26.10.2.2.1: type .5 (notInstalled(4)/commsLost(3) = no probe), comm .6 commsOK(2), temp .8 (0.1 °C), humidity .10 (%); −1 = absent → sensor/INDEX</item>
/// </list>
/// </summary>
public sealed class ApcRackPduProfile : IDeviceProfile
{
    private const string Rpdu = "1.3.6.1.4.1.318.1.1.12.";
    private const string Rpdu2 = "1.3.6.1.4.1.318.1.1.26.";
    private static readonly Oid IdentPower = Oid.Parse(Rpdu + "1.16.0");
    private static readonly Oid LoadStatusLoad = Oid.Parse(Rpdu + "2.3.1.1.2");
    private static readonly Oid LoadStatusPhase = Oid.Parse(Rpdu + "2.3.1.1.4");
    private static readonly Oid LoadStatusBank = Oid.Parse(Rpdu + "2.3.1.1.5");
    private static readonly Oid DevicePower = Oid.Parse(Rpdu2 + "4.3.1.5");
    private static readonly Oid DeviceEnergy = Oid.Parse(Rpdu2 + "4.3.1.9");
    private static readonly Oid DeviceApparentPower = Oid.Parse(Rpdu2 + "4.3.1.16");
    private static readonly Oid PhaseCurrent = Oid.Parse(Rpdu2 + "6.3.1.5");
    private static readonly Oid PhaseVoltage = Oid.Parse(Rpdu2 + "6.3.1.6");
    private static readonly Oid PhasePower = Oid.Parse(Rpdu2 + "6.3.1.7");
    private static readonly Oid BankCurrent = Oid.Parse(Rpdu2 + "8.3.1.5");
    private static readonly Oid OutletCurrent = Oid.Parse(Rpdu2 + "9.4.3.1.6");
    private static readonly Oid OutletPower = Oid.Parse(Rpdu2 + "9.4.3.1.7");
    private static readonly Oid SensorType = Oid.Parse(Rpdu2 + "10.2.2.1.5");
    private static readonly Oid SensorComm = Oid.Parse(Rpdu2 + "10.2.2.1.6");
    private static readonly Oid SensorTempC = Oid.Parse(Rpdu2 + "10.2.2.1.8");
    private static readonly Oid SensorHumidity = Oid.Parse(Rpdu2 + "10.2.2.1.10");

    public const string ProfileName = "apc-rpdu2";

    public string Name => ProfileName;

    /// <summary>masterSwitchrPDU (.4.5), masterSwitchrPDU2 (.4.6), masterSwitchrPDUB (.4.8): all under masterSwitch .4 (ePDU .4.9 answers neither table and reads nothing).</summary>
    public IReadOnlyList<Oid> SysObjectIds { get; } = [Oid.Parse("1.3.6.1.4.1.318.1.3.4")];

    public IReadOnlyList<Oid> Subtrees { get; } =
    [
        IdentPower, Oid.Parse(Rpdu + "2.3"),
        Oid.Parse(Rpdu2 + "4.3"), Oid.Parse(Rpdu2 + "6.3"), Oid.Parse(Rpdu2 + "8.3"), Oid.Parse(Rpdu2 + "9.4.3"), Oid.Parse(Rpdu2 + "10.2.2"),
    ];

    public void Decode(VarBindTable t, DeviceReadings r)
    {
        if (t.Number(IdentPower) is { } watts && watts >= 0)
            r.Set(EntityKind.Inlet, "1", Metrics.PowerW, watts);
        foreach (var row in t.Rows(LoadStatusLoad))
        {
            if (t.Number(LoadStatusLoad, row) is not { } load || load < 0)
                continue;
            var bank = t.Number(LoadStatusBank, row);
            if (bank is > 0)
                r.Set(EntityKind.Bank, bank.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), Metrics.CurrentA, load / 10.0);
            else if (bank == 0 && t.Number(LoadStatusPhase, row) is { } phase && phase > 0)
                r.Set(EntityKind.Phase, phase.ToString(System.Globalization.CultureInfo.InvariantCulture), Metrics.CurrentA, load / 10.0);
        }

        foreach (var unit in t.Rows(DevicePower).Union(t.Rows(DeviceEnergy)))
        {
            r.Set(EntityKind.Inlet, unit, Metrics.PowerW, NonNegative(t.Number(DevicePower, unit)) * 10.0);
            r.Set(EntityKind.Inlet, unit, Metrics.EnergyKwh, NonNegative(t.Number(DeviceEnergy, unit)) / 10.0);
            r.Set(EntityKind.Inlet, unit, Metrics.ApparentPowerVa, NonNegative(t.Number(DeviceApparentPower, unit)) * 10.0);
        }
        foreach (var phase in t.Rows(PhaseCurrent))
        {
            r.Set(EntityKind.Phase, phase, Metrics.CurrentA, NonNegative(t.Number(PhaseCurrent, phase)) / 10.0);
            r.Set(EntityKind.Phase, phase, Metrics.VoltageV, NonNegative(t.Number(PhaseVoltage, phase)));
            r.Set(EntityKind.Phase, phase, Metrics.PowerW, NonNegative(t.Number(PhasePower, phase)) * 10.0);
        }
        foreach (var bank in t.Rows(BankCurrent))
            r.Set(EntityKind.Bank, bank, Metrics.CurrentA, NonNegative(t.Number(BankCurrent, bank)) / 10.0);
        foreach (var outlet in t.Rows(OutletCurrent))
        {
            r.Set(EntityKind.Outlet, outlet, Metrics.CurrentA, NonNegative(t.Number(OutletCurrent, outlet)) / 10.0);
            r.Set(EntityKind.Outlet, outlet, Metrics.PowerW, NonNegative(t.Number(OutletPower, outlet)));
        }
        foreach (var sensor in t.Rows(SensorType))
        {
            var type = t.Number(SensorType, sensor);
            if (type is not (1 or 2) || t.Number(SensorComm, sensor) is { } comm && comm != 2)
                continue; // notInstalled(4) / commsLost(3): the −1s in the row are not readings
            if (t.Number(SensorTempC, sensor) is { } temp && temp != -1)
                r.Set(EntityKind.Sensor, sensor, Metrics.TemperatureC, temp / 10.0);
            if (type == 2 && t.Number(SensorHumidity, sensor) is { } hum && hum is >= 0 and <= 100)
                r.Set(EntityKind.Sensor, sensor, Metrics.HumidityPct, hum);
        }
    }

    private static long? NonNegative(long? value) => value is >= 0 ? value : null;
}
