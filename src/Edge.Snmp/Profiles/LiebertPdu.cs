using Edge.Core.Readings;
using Edge.Snmp.Protocol;

namespace Edge.Snmp.Profiles;

/// <summary>
/// Liebert MPH / MPH2 rack PDUs: LIEBERT-GP-PDU-MIB (<c>476.1.42.3.8</c>), read by <see cref="LiebertProfile"/> because
/// these PDUs report the same sysObjectID as Liebert's UPS cards. Every table is indexed by lgpPduEntryIndex (the PDU in
/// a daisy chain) first, so entity indexes are PDU.… dotted. Only the columns read are walked (a 16-receptacle MPH2 answers
/// 600 objects under lgpPduRcpTable alone, the liebert_mph2rg recording).
/// Source: LIEBERT-GP-PDU-MIB (LibreNMS mibs/liebert/LIEBERT-GP-PDU-MIB).
/// <list type="table">
/// <item>lgpPduPsTable 30.20.1 (pdu.ps, a power source / input): energy .50 (0.1 kWh), power .65 (W), apparent power .90 (VA) → inlet/PDU.PS</item>
/// <item>lgpPduPsLineTable 30.40.1 (pdu.ps.line): voltage L-N .19 (0.1 V), current .22 (0.01 A), power .63 (W), apparent power .65 (VA) → phase/PDU.PS.LINE</item>
/// <item>lgpPduRbTable 40.20.1 (pdu.branch, a receptacle branch): energy .85 (0.1 kWh), voltage L-N .100 (0.1 V), power .115 (W),
/// apparent power .120 (VA), current .130 (0.01 A) → bank/PDU.BRANCH</item>
/// <item>lgpPduRcpTable 50.20.1 (pdu.branch.receptacle): current .61 (0.01 A), power .65 (W) → outlet/PDU.BRANCH.RECEPTACLE</item>
/// <item>lgpPduAuxMeasTable 60.15.1 (pdu.sensor.measurement), by type .10: temperature(1) → tempDegC .70 (0.1 °C, Integer32);
/// humidity(2) → hum .95 (0.1 %RH, 0..100 %); door-closure(3) → drClosureState .120 open(1) / closed(2);
/// contact-closure(4) → cntctClosureState .130 open(1) / closed(2); leak-detection(6) → leakDetectState .165
/// no-leak-detected(1) = normal, leak-detected(2) = alarm (pending(3), cable-fault(4), not-specified(0): no reading)
/// → sensor/PDU.SENSOR</item>
/// </list>
/// </summary>
internal static class LiebertPdu
{
    private const string Pdu = "1.3.6.1.4.1.476.1.42.3.8.";

    //                                                          MIB object (LIEBERT-GP-PDU-MIB)   OID                  metric                   scale range (SYNTAX)
    private static readonly MibObject PsEnergy            = new("lgpPduPsEntryEnergyAccum",       Pdu + "30.20.1.50",  Metrics.EnergyKwh,       0.1,  MibRange.Unsigned32);
    private static readonly MibObject PsPower             = new("lgpPduPsEntryPwrTotal",          Pdu + "30.20.1.65",  Metrics.PowerW,          1,    MibRange.Unsigned32);
    private static readonly MibObject PsApparentPower     = new("lgpPduPsEntryApTotal",           Pdu + "30.20.1.90",  Metrics.ApparentPowerVa, 1,    MibRange.Unsigned32);
    private static readonly MibObject LineVoltage         = new("lgpPduPsLineEntryEpLNTenths",    Pdu + "30.40.1.19",  Metrics.VoltageV,        0.1,  MibRange.Unsigned32);
    private static readonly MibObject LineCurrent         = new("lgpPduPsLineEntryEcHundredths",  Pdu + "30.40.1.22",  Metrics.CurrentA,        0.01, MibRange.Unsigned32);
    private static readonly MibObject LinePower           = new("lgpPduPsLineEntryPwrLN",         Pdu + "30.40.1.63",  Metrics.PowerW,          1,    MibRange.Unsigned32);
    private static readonly MibObject LineApparentPower   = new("lgpPduPsLineEntryApLN",          Pdu + "30.40.1.65",  Metrics.ApparentPowerVa, 1,    MibRange.Unsigned32);
    private static readonly MibObject BranchEnergy        = new("lgpPduRbEntryEnergyAccum",       Pdu + "40.20.1.85",  Metrics.EnergyKwh,       0.1,  MibRange.Unsigned32);
    private static readonly MibObject BranchVoltage       = new("lgpPduRbEntryEpLNTenths",        Pdu + "40.20.1.100", Metrics.VoltageV,        0.1,  MibRange.Unsigned32);
    private static readonly MibObject BranchPower         = new("lgpPduRbEntryPwr",               Pdu + "40.20.1.115", Metrics.PowerW,          1,    MibRange.Unsigned32);
    private static readonly MibObject BranchApparentPower = new("lgpPduRbEntryAp",                Pdu + "40.20.1.120", Metrics.ApparentPowerVa, 1,    MibRange.Unsigned32);
    private static readonly MibObject BranchCurrent       = new("lgpPduRbEntryEcHundredths",      Pdu + "40.20.1.130", Metrics.CurrentA,        0.01, MibRange.Unsigned32);
    private static readonly MibObject ReceptacleCurrent   = new("lgpPduRcpEntryEcHundredths",     Pdu + "50.20.1.61",  Metrics.CurrentA,        0.01, MibRange.Unsigned32);
    private static readonly MibObject ReceptaclePower     = new("lgpPduRcpEntryPwrOut",           Pdu + "50.20.1.65",  Metrics.PowerW,          1,    MibRange.Unsigned32);
    private static readonly MibObject AuxType             = new("lgpPduAuxMeasType",              Pdu + "60.15.1.10",  null,                    1,    MibRange.Enum(0, 6));
    private static readonly MibObject AuxTempC            = new("lgpPduAuxMeasTempDegC",          Pdu + "60.15.1.70",  Metrics.TemperatureC,    0.1,  MibRange.Integer32);
    private static readonly MibObject AuxHumidity         = new("lgpPduAuxMeasHum",               Pdu + "60.15.1.95",  Metrics.HumidityPct,     0.1,  new MibRange(0, 1000));
    private static readonly MibObject AuxDoor             = new("lgpPduAuxMeasDrClosureState",    Pdu + "60.15.1.120", Metrics.Contact,         1,    MibRange.Enum(0, 2));
    private static readonly MibObject AuxContact          = new("lgpPduAuxMeasCntctClosureState", Pdu + "60.15.1.130", Metrics.Contact,         1,    MibRange.Enum(0, 2));
    private static readonly MibObject AuxLeak             = new("lgpPduAuxMeasLeakDetectState",   Pdu + "60.15.1.165", Metrics.Contact,         1,    MibRange.Enum(0, 4));

    private const int Temperature = 1;
    private const int Humidity = 2;
    private const int DoorClosure = 3;
    private const int ContactClosure = 4;
    private const int LeakDetection = 6;

    public static IReadOnlyList<Oid> Subtrees { get; } =
    [
        .. new[]
        {
            PsEnergy, PsPower, PsApparentPower, LineVoltage, LineCurrent, LinePower, LineApparentPower,
            BranchEnergy, BranchVoltage, BranchPower, BranchApparentPower, BranchCurrent, ReceptacleCurrent, ReceptaclePower,
            AuxType, AuxTempC, AuxHumidity, AuxDoor, AuxContact, AuxLeak,
        }.Select(o => o.Oid),
    ];

    public static void Decode(VarBindTable t, DeviceReadings r)
    {
        foreach (var ps in t.Rows(PsPower).Union(t.Rows(PsEnergy)))
        {
            foreach (var column in new[] { PsEnergy, PsPower, PsApparentPower })
                r.Set(EntityKind.Inlet, ps, column, t);
        }
        foreach (var line in t.Rows(LineCurrent).Union(t.Rows(LineVoltage)))
        {
            foreach (var column in new[] { LineVoltage, LineCurrent, LinePower, LineApparentPower })
                r.Set(EntityKind.Phase, line, column, t);
        }
        foreach (var branch in t.Rows(BranchCurrent).Union(t.Rows(BranchPower)))
        {
            foreach (var column in new[] { BranchEnergy, BranchVoltage, BranchPower, BranchApparentPower, BranchCurrent })
                r.Set(EntityKind.Bank, branch, column, t);
        }
        foreach (var receptacle in t.Rows(ReceptacleCurrent).Union(t.Rows(ReceptaclePower)))
        {
            r.Set(EntityKind.Outlet, receptacle, ReceptacleCurrent, t);
            r.Set(EntityKind.Outlet, receptacle, ReceptaclePower, t);
        }
        foreach (var row in t.Rows(AuxType))
        {
            // pdu.sensor.measurement → sensor/PDU.SENSOR: a sensor's measurements (temperature and humidity) share one entity.
            var sensor = row.Prefix(row.Length - 1).ToString();
            switch (t.Number(AuxType, row))
            {
                case Temperature:
                    r.Set(EntityKind.Sensor, sensor, AuxTempC, t, row);
                    break;
                case Humidity:
                    r.Set(EntityKind.Sensor, sensor, AuxHumidity, t, row);
                    break;
                case DoorClosure when ClosureState(t.Number(AuxDoor, row)) is { } door:
                    r.SetState(EntityKind.Sensor, sensor, Metrics.Contact, door);
                    break;
                case ContactClosure when ClosureState(t.Number(AuxContact, row)) is { } contact:
                    r.SetState(EntityKind.Sensor, sensor, Metrics.Contact, contact);
                    break;
                case LeakDetection when t.Number(AuxLeak, row) is 1 or 2:
                    r.SetState(EntityKind.Sensor, sensor, Metrics.Contact, t.Number(AuxLeak, row) == 1 ? "normal" : "alarm");
                    break;
            }
        }
    }

    private static string? ClosureState(long? state) => state switch
    {
        1 => "open",
        2 => "closed",
        _ => null, // not-specified(0)
    };
}
