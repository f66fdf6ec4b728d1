using System.Globalization;
using Edge.Core.Readings;
using Edge.Snmp.Protocol;

namespace Edge.Snmp.Profiles;

/// <summary>
/// APC rack PDUs: PowerNet-MIB rPDU2 (<c>318.1.1.26</c>) over the first-generation rPDU load tables (<c>318.1.1.12</c>),
/// which rPDU2 firmware still answers and which is the only source of bank currents on units without
/// rPDU2BankStatus (the apc_ap8853 recording). rPDU is decoded first, rPDU2 overrides.
/// Source: PowerNet-MIB (LibreNMS <c>mibs/apc/PowerNet-MIB</c>) via spec/snmp-mibs.md §2b/§2c; LibreNMS <c>apc.yaml</c>
/// (rPDULoadStatusLoad /10 with phase/bank thresholds, rPDU2DeviceStatusPower ×10 W).
/// <list type="table">
/// <item>rPDULoadStatusTable 12.2.3.1.1: a row is a phase total (bank 0, phase N) → phase/N or a bank (bank N) → bank/N</item>
/// <item>rPDU2DeviceStatusTable 26.4.3.1 (index = unit) → inlet/UNIT; rPDU2PhaseStatusTable → phase/INDEX;
/// rPDU2BankStatusTable → bank/INDEX; rPDU2OutletMeteredStatusTable → outlet/INDEX</item>
/// <item>rPDU2SensorTempHumidityStatusTable 26.10.2.2.1 → sensor/INDEX, only when its type is temperatureOnly(1) or
/// temperatureHumidity(2) and its comm status commsOK(2): a notInstalled(4) row carries −1s that are not readings</item>
/// </list>
/// "Models that do not support this feature will respond to this OID with a value of -1" (the MIB, on every rPDU2 status
/// column): −1 is declared a sentinel on each.
/// </summary>
public sealed class ApcRackPduProfile : IDeviceProfile
{
    private const string Rpdu = "1.3.6.1.4.1.318.1.1.12.";
    private const string Rpdu2 = "1.3.6.1.4.1.318.1.1.26.";

    // PowerNet-MIB objects: range = the SYNTAX's, narrowed where the quantity bounds it (no negative current, no humidity over 100 %); a value outside it or a sentinel is no reading.
    //                                                          MIB object                                        OID                     metric                    scale   range                  sentinels
    private static readonly MibObject IdentPower =          new("rPDUIdentDevicePowerWatts",                      Rpdu + "1.16.0",        Metrics.PowerW,           1,      MibRange.Integer32,    -1);
    private static readonly MibObject LoadStatusLoad =      new("rPDULoadStatusLoad",                             Rpdu + "2.3.1.1.2",     Metrics.CurrentA,         0.1,    MibRange.Unsigned32);
    private static readonly MibObject LoadStatusPhase =     new("rPDULoadStatusPhaseNumber",                      Rpdu + "2.3.1.1.4",     null,                     1,      MibRange.Positive);
    private static readonly MibObject LoadStatusBank =      new("rPDULoadStatusBankNumber",                       Rpdu + "2.3.1.1.5",     null,                     1,      MibRange.NonNegative);
    private static readonly MibObject DevicePower =         new("rPDU2DeviceStatusPower",                         Rpdu2 + "4.3.1.5",      Metrics.PowerW,           10,     MibRange.Integer32,    -1);
    private static readonly MibObject DeviceEnergy =        new("rPDU2DeviceStatusEnergy",                        Rpdu2 + "4.3.1.9",      Metrics.EnergyKwh,        0.1,    MibRange.Integer32,    -1);
    private static readonly MibObject DeviceApparentPower = new("rPDU2DeviceStatusApparentPower",                 Rpdu2 + "4.3.1.16",     Metrics.ApparentPowerVa,  10,     MibRange.Integer32,    -1);
    private static readonly MibObject PhaseCurrent =        new("rPDU2PhaseStatusCurrent",                        Rpdu2 + "6.3.1.5",      Metrics.CurrentA,         0.1,    MibRange.Integer32,    -1);
    private static readonly MibObject PhaseVoltage =        new("rPDU2PhaseStatusVoltage",                        Rpdu2 + "6.3.1.6",      Metrics.VoltageV,         1,      MibRange.Integer32,    -1);
    private static readonly MibObject PhasePower =          new("rPDU2PhaseStatusPower",                          Rpdu2 + "6.3.1.7",      Metrics.PowerW,           10,     MibRange.Integer32,    -1);
    private static readonly MibObject BankCurrent =         new("rPDU2BankStatusCurrent",                         Rpdu2 + "8.3.1.5",      Metrics.CurrentA,         0.1,    MibRange.Integer32,    -1);
    private static readonly MibObject OutletCurrent =       new("rPDU2OutletMeteredStatusCurrent",                Rpdu2 + "9.4.3.1.6",    Metrics.CurrentA,         0.1,    MibRange.Integer32,    -1);
    private static readonly MibObject OutletPower =         new("rPDU2OutletMeteredStatusPower",                  Rpdu2 + "9.4.3.1.7",    Metrics.PowerW,           1,      MibRange.Integer32,    -1);
    private static readonly MibObject SensorType =          new("rPDU2SensorTempHumidityStatusType",              Rpdu2 + "10.2.2.1.5",   null,                     1,      MibRange.Enum(1, 4));
    private static readonly MibObject SensorComm =          new("rPDU2SensorTempHumidityStatusCommStatus",        Rpdu2 + "10.2.2.1.6",   null,                     1,      MibRange.Enum(1, 3));
    private static readonly MibObject SensorTempC =         new("rPDU2SensorTempHumidityStatusTempC",             Rpdu2 + "10.2.2.1.8",   Metrics.TemperatureC,     0.1,    MibRange.Integer32,    -1);
    private static readonly MibObject SensorHumidity =      new("rPDU2SensorTempHumidityStatusRelativeHumidity",  Rpdu2 + "10.2.2.1.10",  Metrics.HumidityPct,      1,      MibRange.Percent,      -1);

    public const string ProfileName = "apc-rpdu2";

    public string Name => ProfileName;

    /// <summary>masterSwitchrPDU (.4.5), masterSwitchrPDU2 (.4.6), masterSwitchrPDUB (.4.8): all under masterSwitch .4; masterSwitchePDU (.4.9, answering neither table) goes to apc-epdu's longer prefix.</summary>
    public IReadOnlyList<Oid> SysObjectIds { get; } = [Oid.Parse("1.3.6.1.4.1.318.1.3.4")];

    public IReadOnlyList<Oid> Subtrees { get; } =
    [
        IdentPower.Oid, Oid.Parse(Rpdu + "2.3"),
        Oid.Parse(Rpdu2 + "4.3"), Oid.Parse(Rpdu2 + "6.3"), Oid.Parse(Rpdu2 + "8.3"), Oid.Parse(Rpdu2 + "9.4.3"), Oid.Parse(Rpdu2 + "10.2.2"),
    ];

    public void Decode(VarBindTable t, DeviceReadings r)
    {
        r.Set(EntityKind.Inlet, "1", Metrics.PowerW, t.Value(IdentPower));
        foreach (var row in t.Rows(LoadStatusLoad))
        {
            var bank = t.Number(LoadStatusBank, row);
            if (bank is > 0)
                r.Set(EntityKind.Bank, bank.Value.ToString(CultureInfo.InvariantCulture), LoadStatusLoad, t, row);
            else if (bank == 0 && t.Number(LoadStatusPhase, row) is { } phase)
                r.Set(EntityKind.Phase, phase.ToString(CultureInfo.InvariantCulture), LoadStatusLoad, t, row);
        }

        foreach (var unit in t.Rows(DevicePower).Union(t.Rows(DeviceEnergy)))
        {
            r.Set(EntityKind.Inlet, unit, DevicePower, t);
            r.Set(EntityKind.Inlet, unit, DeviceEnergy, t);
            r.Set(EntityKind.Inlet, unit, DeviceApparentPower, t);
        }
        foreach (var phase in t.Rows(PhaseCurrent))
        {
            r.Set(EntityKind.Phase, phase, PhaseCurrent, t);
            r.Set(EntityKind.Phase, phase, PhaseVoltage, t);
            r.Set(EntityKind.Phase, phase, PhasePower, t);
        }
        foreach (var bank in t.Rows(BankCurrent))
            r.Set(EntityKind.Bank, bank, BankCurrent, t);
        foreach (var outlet in t.Rows(OutletCurrent))
        {
            r.Set(EntityKind.Outlet, outlet, OutletCurrent, t);
            r.Set(EntityKind.Outlet, outlet, OutletPower, t);
        }
        foreach (var sensor in t.Rows(SensorType))
        {
            var type = t.Number(SensorType, sensor);
            if (type is not (1 or 2) || t.Number(SensorComm, sensor) is { } comm && comm != 2)
                continue; // notInstalled(4) / commsLost(3)
            r.Set(EntityKind.Sensor, sensor, SensorTempC, t);
            if (type == 2)
                r.Set(EntityKind.Sensor, sensor, SensorHumidity, t);
        }
    }
}
