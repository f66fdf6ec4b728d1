using Edge.Core.Readings;
using Edge.Snmp.Protocol;

namespace Edge.Snmp.Profiles;

/// <summary>
/// Eaton ePDU G3 (EATON-EPDU-MIB, <c>534.6.6.7</c>). Every table is indexed by STRAP (0 = master/standalone, 1.. =
/// daisy-chained units) first; electrical values are milli-units (mA, mV).
/// Source: EATON-EPDU-MIB via spec/snmp-mibs.md §5a; NUT <c>eaton-pdu-marlin-mib.c</c> (×0.001), LibreNMS <c>eatonpdu.yaml</c> (/1000).
/// <list type="table">
/// <item>inputTable 3.1.1: frequency .3 (0.1 Hz) → inlet/STRAP.INPUT</item>
/// <item>inputTotalPowerTable 3.5.1: VA .3, W .4, Wh .5 → inlet/STRAP.INPUT apparent_power_va, power_w, energy_kwh</item>
/// <item>inputVoltageTable 3.2.1.3 (mV), inputCurrentTable 3.3.1.4 (mA) and percent load .11, inputPowerTable 3.4.1.4 (W):
/// one row per measured conductor, STRAP.INPUT.N → phase/STRAP.INPUT.N (N is the MIB's voltage/current/power index)</item>
/// <item>groupTable (breakers / outlet sections): voltage 5.3.1.3 (mV), current 5.4.1.3 (mA), load 5.4.1.10 (%), watts 5.5.1.3 → bank/STRAP.GROUP</item>
/// <item>outletCurrent 6.4.1.3 (mA), outletWatts 6.5.1.3 (W) → outlet/STRAP.OUTLET</item>
/// <item>temperatureScale 1.2.1.9.STRAP celsius(0)/fahrenheit(1); temperatureTable 7.1.1: probe status .3 connected(1), value .4 (0.1 degree);
/// humidityTable 7.2.1: status .3 connected(1), value .4 (0.1 %) → sensor/STRAP.PROBE</item>
/// <item>thresholds are −1 when not applicable; they are the operator's business (rules), not readings</item>
/// </list>
/// </summary>
public sealed class EatonEpduProfile : IDeviceProfile
{
    private const string E = "1.3.6.1.4.1.534.6.6.7.";
    private static readonly Oid TemperatureScale = Oid.Parse(E + "1.2.1.9");
    private static readonly Oid InputFrequency = Oid.Parse(E + "3.1.1.3");
    private static readonly Oid InputVoltage = Oid.Parse(E + "3.2.1.3");
    private static readonly Oid InputCurrent = Oid.Parse(E + "3.3.1.4");
    private static readonly Oid InputPercentLoad = Oid.Parse(E + "3.3.1.11");
    private static readonly Oid InputWatts = Oid.Parse(E + "3.4.1.4");
    private static readonly Oid InputTotalVa = Oid.Parse(E + "3.5.1.3");
    private static readonly Oid InputTotalWatts = Oid.Parse(E + "3.5.1.4");
    private static readonly Oid InputTotalWh = Oid.Parse(E + "3.5.1.5");
    private static readonly Oid GroupVoltage = Oid.Parse(E + "5.3.1.3");
    private static readonly Oid GroupCurrent = Oid.Parse(E + "5.4.1.3");
    private static readonly Oid GroupPercentLoad = Oid.Parse(E + "5.4.1.10");
    private static readonly Oid GroupWatts = Oid.Parse(E + "5.5.1.3");
    private static readonly Oid OutletCurrent = Oid.Parse(E + "6.4.1.3");
    private static readonly Oid OutletWatts = Oid.Parse(E + "6.5.1.3");
    private static readonly Oid TemperatureStatus = Oid.Parse(E + "7.1.1.3");
    private static readonly Oid TemperatureValue = Oid.Parse(E + "7.1.1.4");
    private static readonly Oid HumidityStatus = Oid.Parse(E + "7.2.1.3");
    private static readonly Oid HumidityValue = Oid.Parse(E + "7.2.1.4");

    public string Name => "eaton-epdu";

    public IReadOnlyList<Oid> SysObjectIds { get; } = [Oid.Parse("1.3.6.1.4.1.534.6.6.7")];

    public IReadOnlyList<Oid> Subtrees { get; } =
    [
        TemperatureScale, Oid.Parse(E + "3"), Oid.Parse(E + "5.3"), Oid.Parse(E + "5.4"), Oid.Parse(E + "5.5"),
        OutletCurrent, OutletWatts, Oid.Parse(E + "7.1"), Oid.Parse(E + "7.2"),
    ];

    public void Decode(VarBindTable t, DeviceReadings r)
    {
        foreach (var input in t.Rows(InputTotalWatts).Union(t.Rows(InputFrequency)))
        {
            r.Set(EntityKind.Inlet, input, Metrics.FrequencyHz, NonNegative(t.Number(InputFrequency, input)) / 10.0);
            r.Set(EntityKind.Inlet, input, Metrics.PowerW, NonNegative(t.Number(InputTotalWatts, input)));
            r.Set(EntityKind.Inlet, input, Metrics.ApparentPowerVa, NonNegative(t.Number(InputTotalVa, input)));
            r.Set(EntityKind.Inlet, input, Metrics.EnergyKwh, NonNegative(t.Number(InputTotalWh, input)) / 1000.0);
        }
        foreach (var row in t.Rows(InputVoltage))
            r.Set(EntityKind.Phase, row, Metrics.VoltageV, NonNegative(t.Number(InputVoltage, row)) / 1000.0);
        foreach (var row in t.Rows(InputCurrent))
        {
            r.Set(EntityKind.Phase, row, Metrics.CurrentA, NonNegative(t.Number(InputCurrent, row)) / 1000.0);
            r.Set(EntityKind.Phase, row, Metrics.LoadPct, NonNegative(t.Number(InputPercentLoad, row)));
        }
        foreach (var row in t.Rows(InputWatts))
            r.Set(EntityKind.Phase, row, Metrics.PowerW, NonNegative(t.Number(InputWatts, row)));

        foreach (var group in t.Rows(GroupCurrent))
        {
            r.Set(EntityKind.Bank, group, Metrics.CurrentA, NonNegative(t.Number(GroupCurrent, group)) / 1000.0);
            r.Set(EntityKind.Bank, group, Metrics.LoadPct, NonNegative(t.Number(GroupPercentLoad, group)));
            r.Set(EntityKind.Bank, group, Metrics.VoltageV, NonNegative(t.Number(GroupVoltage, group)) / 1000.0);
            r.Set(EntityKind.Bank, group, Metrics.PowerW, NonNegative(t.Number(GroupWatts, group)));
        }
        foreach (var outlet in t.Rows(OutletCurrent))
        {
            r.Set(EntityKind.Outlet, outlet, Metrics.CurrentA, NonNegative(t.Number(OutletCurrent, outlet)) / 1000.0);
            r.Set(EntityKind.Outlet, outlet, Metrics.PowerW, NonNegative(t.Number(OutletWatts, outlet)));
        }

        foreach (var probe in t.Rows(TemperatureValue))
        {
            if (t.Number(TemperatureStatus, probe) != 1 || t.Number(TemperatureValue, probe) is not { } raw)
                continue; // bad(−1) / disconnected(0)
            var strap = probe.Split('.')[0];
            var fahrenheit = t.Number(TemperatureScale, strap) == 1;
            r.Set(EntityKind.Sensor, probe, Metrics.TemperatureC, fahrenheit ? Fahrenheit.ToCelsius(raw / 10.0) : raw / 10.0);
        }
        foreach (var probe in t.Rows(HumidityValue))
        {
            if (t.Number(HumidityStatus, probe) == 1 && t.Number(HumidityValue, probe) is { } raw && raw is >= 0 and <= 1000)
                r.Set(EntityKind.Sensor, probe, Metrics.HumidityPct, raw / 10.0);
        }
    }

    private static long? NonNegative(long? value) => value is >= 0 ? value : null;
}
