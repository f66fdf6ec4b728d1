using Edge.Core.Readings;
using Edge.Snmp.Protocol;

namespace Edge.Snmp.Profiles;

/// <summary>
/// Eaton ePDU G3 (EATON-EPDU-MIB, <c>534.6.6.7</c>). Every table is indexed by STRAP (0 = master/standalone, 1.. =
/// daisy-chained units) first; electrical values are milli-units (mA, mV).
/// Source: EATON-EPDU-MIB via spec/snmp-mibs.md §5a; NUT <c>eaton-pdu-marlin-mib.c</c> (×0.001), LibreNMS <c>eatonpdu.yaml</c> (/1000).
/// <list type="table">
/// <item>inputTable 3.1.1 and inputTotalPowerTable 3.5.1 → inlet/STRAP.INPUT</item>
/// <item>inputVoltageTable 3.2.1, inputCurrentTable 3.3.1, inputPowerTable 3.4.1: one row per measured conductor,
/// STRAP.INPUT.N → phase/STRAP.INPUT.N (N is the MIB's voltage/current/power index)</item>
/// <item>groupTable (breakers / outlet sections) 5.3–5.5 → bank/STRAP.GROUP; outlet tables 6.4/6.5 → outlet/STRAP.OUTLET</item>
/// <item>temperatureScale 1.2.1.9.STRAP; temperatureTable 7.1.1 and humidityTable 7.2.1, only a connected(1) probe → sensor/STRAP.PROBE</item>
/// <item>thresholds are −1 when not applicable; they are the operator's business (rules), not readings</item>
/// </list>
/// The value columns are Integer32 in the MIB; the electrical ones are narrowed to 0.. (a negative current is no reading).
/// </summary>
internal sealed class EatonEpduProfile : IDeviceProfile
{
    private const string E = "1.3.6.1.4.1.534.6.6.7.";

    // EATON-EPDU-MIB objects: range = the SYNTAX's, narrowed where the quantity bounds it (no negative current, no humidity over 100 %); a value outside it or a sentinel is no reading.
    //                                                        MIB object                  OID              metric                    scale   range                   sentinels
    private static readonly MibObject TemperatureScale =  new("temperatureScale",         E + "1.2.1.9",   null,                     1,      MibRange.Enum(0, 1));
    private static readonly MibObject InputFrequency =    new("inputFrequency",           E + "3.1.1.3",   Metrics.FrequencyHz,      0.1,    MibRange.NonNegative);
    private static readonly MibObject InputVoltage =      new("inputVoltage",             E + "3.2.1.3",   Metrics.VoltageV,         0.001,  MibRange.NonNegative);
    private static readonly MibObject InputCurrent =      new("inputCurrent",             E + "3.3.1.4",   Metrics.CurrentA,         0.001,  MibRange.NonNegative);
    private static readonly MibObject InputPercentLoad =  new("inputCurrentPercentLoad",  E + "3.3.1.11",  Metrics.LoadPct,          1,      MibRange.NonNegative);
    private static readonly MibObject InputWatts =        new("inputWatts",               E + "3.4.1.4",   Metrics.PowerW,           1,      MibRange.NonNegative);
    private static readonly MibObject InputTotalVa =      new("inputTotalVA",             E + "3.5.1.3",   Metrics.ApparentPowerVa,  1,      MibRange.NonNegative);
    private static readonly MibObject InputTotalWatts =   new("inputTotalWatts",          E + "3.5.1.4",   Metrics.PowerW,           1,      MibRange.NonNegative);
    private static readonly MibObject InputTotalWh =      new("inputTotalWh",             E + "3.5.1.5",   Metrics.EnergyKwh,        0.001,  MibRange.Unsigned32);
    private static readonly MibObject GroupVoltage =      new("groupVoltage",             E + "5.3.1.3",   Metrics.VoltageV,         0.001,  MibRange.NonNegative);
    private static readonly MibObject GroupCurrent =      new("groupCurrent",             E + "5.4.1.3",   Metrics.CurrentA,         0.001,  MibRange.NonNegative);
    private static readonly MibObject GroupPercentLoad =  new("groupCurrentPercentLoad",  E + "5.4.1.10",  Metrics.LoadPct,          1,      MibRange.NonNegative);
    private static readonly MibObject GroupWatts =        new("groupWatts",               E + "5.5.1.3",   Metrics.PowerW,           1,      MibRange.NonNegative);
    private static readonly MibObject OutletCurrent =     new("outletCurrent",            E + "6.4.1.3",   Metrics.CurrentA,         0.001,  MibRange.NonNegative);
    private static readonly MibObject OutletWatts =       new("outletWatts",              E + "6.5.1.3",   Metrics.PowerW,           1,      MibRange.NonNegative);
    private static readonly MibObject TemperatureStatus = new("temperatureProbeStatus",   E + "7.1.1.3",   null,                     1,      MibRange.Enum(-1, 1));
    private static readonly MibObject TemperatureValue =  new("temperatureValue",         E + "7.1.1.4",   Metrics.TemperatureC,     0.1,    MibRange.Integer32);
    private static readonly MibObject HumidityStatus =    new("humidityProbeStatus",      E + "7.2.1.3",   null,                     1,      MibRange.Enum(-1, 1));
    private static readonly MibObject HumidityValue =     new("humidityValue",            E + "7.2.1.4",   Metrics.HumidityPct,      0.1,    new MibRange(0, 1000));

    public string Name => "eaton-epdu";

    public IReadOnlyList<Oid> SysObjectIds { get; } = [Oid.Parse("1.3.6.1.4.1.534.6.6.7")];

    public IReadOnlyList<Oid> Subtrees { get; } =
    [
        TemperatureScale.Oid, Oid.Parse(E + "3"), Oid.Parse(E + "5.3"), Oid.Parse(E + "5.4"), Oid.Parse(E + "5.5"),
        OutletCurrent.Oid, OutletWatts.Oid, Oid.Parse(E + "7.1"), Oid.Parse(E + "7.2"),
    ];

    public void Decode(VarBindTable t, DeviceReadings r)
    {
        foreach (var input in t.Rows(InputTotalWatts).Union(t.Rows(InputFrequency)))
        {
            r.Set(EntityKind.Inlet, input, InputFrequency, t);
            r.Set(EntityKind.Inlet, input, InputTotalWatts, t);
            r.Set(EntityKind.Inlet, input, InputTotalVa, t);
            r.Set(EntityKind.Inlet, input, InputTotalWh, t);
        }
        foreach (var row in t.Rows(InputVoltage))
            r.Set(EntityKind.Phase, row, InputVoltage, t);
        foreach (var row in t.Rows(InputCurrent))
        {
            r.Set(EntityKind.Phase, row, InputCurrent, t);
            r.Set(EntityKind.Phase, row, InputPercentLoad, t);
        }
        foreach (var row in t.Rows(InputWatts))
            r.Set(EntityKind.Phase, row, InputWatts, t);

        foreach (var group in t.Rows(GroupCurrent))
        {
            r.Set(EntityKind.Bank, group, GroupCurrent, t);
            r.Set(EntityKind.Bank, group, GroupPercentLoad, t);
            r.Set(EntityKind.Bank, group, GroupVoltage, t);
            r.Set(EntityKind.Bank, group, GroupWatts, t);
        }
        foreach (var outlet in t.Rows(OutletCurrent))
        {
            r.Set(EntityKind.Outlet, outlet, OutletCurrent, t);
            r.Set(EntityKind.Outlet, outlet, OutletWatts, t);
        }

        foreach (var probe in t.Rows(TemperatureValue))
        {
            if (t.Number(TemperatureStatus, probe) != 1 || t.Value(TemperatureValue, probe) is not { } temp)
                continue; // bad(−1) / disconnected(0)
            var strap = probe.Prefix(1);
            r.Set(EntityKind.Sensor, probe, Metrics.TemperatureC, t.Number(TemperatureScale, strap) == 1 ? Fahrenheit.ToCelsius(temp) : temp);
        }
        foreach (var probe in t.Rows(HumidityValue))
        {
            if (t.Number(HumidityStatus, probe) == 1)
                r.Set(EntityKind.Sensor, probe, HumidityValue, t);
        }
    }
}
