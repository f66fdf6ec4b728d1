using Edge.Core.Readings;
using Edge.Snmp.Protocol;

namespace Edge.Snmp.Profiles;

/// <summary>
/// ServerTech Sentry4 (PRO2/PRO3X "Smart/Switched PDU", Sentry4-MIB <c>1718.4.1</c>). Indexes are UNIT.CORD[.LINE|
/// .PHASE|.BRANCH] and UNIT.SENSOR; unit 1 is the master, 2.. links, and an external sensor module can be unit 5.
/// Mixed precision inside the MIB: currents in 0.01 A, voltages/frequency/energy in tenths, power whole W.
/// Source: Sentry4-MIB via spec/snmp-mibs.md §4b; LibreNMS <c>sentry4.yaml</c> (phase voltage /10, currents /100, temp /10).
/// <list type="table">
/// <item>st4InputCordMonitorTable 3.3.1: active power .3 (W), apparent power .5 (VA), energy .10 (0.1 kWh), frequency .11 (0.1 Hz) → inlet/UNIT.CORD</item>
/// <item>st4LineMonitorTable 4.3.1: current .3 (0.01 A) → inlet/UNIT.CORD.LINE (the current in one conductor of the infeed)</item>
/// <item>st4PhaseMonitorTable 5.3.1: voltage .3 (0.1 V), current .6 (0.01 A), active power .8 (W) → phase/UNIT.CORD.PHASE</item>
/// <item>st4BranchMonitorTable 7.3.1: current .3 (0.01 A) → bank/UNIT.CORD.BRANCH</item>
/// <item>st4TempSensorScale 9.1.10.0 celsius(0)/fahrenheit(1); st4TempSensorMonitorTable 9.3.1: value .1 (0.1 degree; −410 = invalid), status .2 → sensor/UNIT.SENSOR</item>
/// <item>st4HumidSensorMonitorTable 10.3.1: value .1 (%, −1 = invalid), status .2 → sensor/UNIT.SENSOR (same index as the temperature, so dew point is derived)</item>
/// <item>every *Status column: notFound(7), lost(8), readError(9), noComm(10), disabled(1), purged(2) mean the value is not a reading</item>
/// </list>
/// </summary>
public sealed class ServerTechSentry4Profile : IDeviceProfile
{
    private const string S4 = "1.3.6.1.4.1.1718.4.1.";
    private static readonly Oid CordStatus = Oid.Parse(S4 + "3.3.1.2");
    private static readonly Oid CordActivePower = Oid.Parse(S4 + "3.3.1.3");
    private static readonly Oid CordApparentPower = Oid.Parse(S4 + "3.3.1.5");
    private static readonly Oid CordEnergy = Oid.Parse(S4 + "3.3.1.10");
    private static readonly Oid CordFrequency = Oid.Parse(S4 + "3.3.1.11");
    private static readonly Oid LineStatus = Oid.Parse(S4 + "4.3.1.2");
    private static readonly Oid LineCurrent = Oid.Parse(S4 + "4.3.1.3");
    private static readonly Oid PhaseStatus = Oid.Parse(S4 + "5.3.1.2");
    private static readonly Oid PhaseVoltage = Oid.Parse(S4 + "5.3.1.3");
    private static readonly Oid PhaseCurrent = Oid.Parse(S4 + "5.3.1.6");
    private static readonly Oid PhaseActivePower = Oid.Parse(S4 + "5.3.1.8");
    private static readonly Oid BranchStatus = Oid.Parse(S4 + "7.3.1.2");
    private static readonly Oid BranchCurrent = Oid.Parse(S4 + "7.3.1.3");
    private static readonly Oid TempScale = Oid.Parse(S4 + "9.1.10.0");
    private static readonly Oid TempValue = Oid.Parse(S4 + "9.3.1.1");
    private static readonly Oid TempStatus = Oid.Parse(S4 + "9.3.1.2");
    private static readonly Oid HumidValue = Oid.Parse(S4 + "10.3.1.1");
    private static readonly Oid HumidStatus = Oid.Parse(S4 + "10.3.1.2");

    public string Name => "sentry4";

    public IReadOnlyList<Oid> SysObjectIds { get; } = [Oid.Parse("1.3.6.1.4.1.1718.4")];

    /// <summary>The monitor tables (x.3) only, and the temperature scale; config and event-config tables are not needed.</summary>
    public IReadOnlyList<Oid> Subtrees { get; } =
    [
        Oid.Parse(S4 + "3.3"), Oid.Parse(S4 + "4.3"), Oid.Parse(S4 + "5.3"), Oid.Parse(S4 + "7.3"),
        TempScale, Oid.Parse(S4 + "9.3"), Oid.Parse(S4 + "10.3"),
    ];

    public void Decode(VarBindTable t, DeviceReadings r)
    {
        foreach (var cord in t.Rows(CordActivePower))
        {
            if (!Valid(t.Number(CordStatus, cord)))
                continue;
            r.Set(EntityKind.Inlet, cord, Metrics.PowerW, NonNegative(t.Number(CordActivePower, cord)));
            r.Set(EntityKind.Inlet, cord, Metrics.ApparentPowerVa, NonNegative(t.Number(CordApparentPower, cord)));
            r.Set(EntityKind.Inlet, cord, Metrics.EnergyKwh, NonNegative(t.Number(CordEnergy, cord)) / 10.0);
            r.Set(EntityKind.Inlet, cord, Metrics.FrequencyHz, NonNegative(t.Number(CordFrequency, cord)) / 10.0);
        }
        foreach (var line in t.Rows(LineCurrent))
        {
            if (Valid(t.Number(LineStatus, line)))
                r.Set(EntityKind.Inlet, line, Metrics.CurrentA, NonNegative(t.Number(LineCurrent, line)) / 100.0);
        }
        foreach (var phase in t.Rows(PhaseVoltage))
        {
            if (!Valid(t.Number(PhaseStatus, phase)))
                continue;
            r.Set(EntityKind.Phase, phase, Metrics.VoltageV, NonNegative(t.Number(PhaseVoltage, phase)) / 10.0);
            r.Set(EntityKind.Phase, phase, Metrics.CurrentA, NonNegative(t.Number(PhaseCurrent, phase)) / 100.0);
            r.Set(EntityKind.Phase, phase, Metrics.PowerW, NonNegative(t.Number(PhaseActivePower, phase)));
        }
        foreach (var branch in t.Rows(BranchCurrent))
        {
            if (Valid(t.Number(BranchStatus, branch)))
                r.Set(EntityKind.Bank, branch, Metrics.CurrentA, NonNegative(t.Number(BranchCurrent, branch)) / 100.0);
        }

        var fahrenheit = t.Number(TempScale) == 1;
        foreach (var sensor in t.Rows(TempValue))
        {
            if (!Valid(t.Number(TempStatus, sensor)) || t.Number(TempValue, sensor) is not { } raw || raw <= -410)
                continue;
            r.Set(EntityKind.Sensor, sensor, Metrics.TemperatureC, fahrenheit ? Fahrenheit.ToCelsius(raw / 10.0) : raw / 10.0);
        }
        foreach (var sensor in t.Rows(HumidValue))
        {
            if (Valid(t.Number(HumidStatus, sensor)) && t.Number(HumidValue, sensor) is { } hum && hum is >= 0 and <= 100)
                r.Set(EntityKind.Sensor, sensor, Metrics.HumidityPct, hum);
        }
    }

    /// <summary>DeviceStatus: disabled(1), purged(2), notFound(7), lost(8), readError(9), noComm(10) carry no reading; a missing status does not veto.</summary>
    private static bool Valid(long? status) => status is not (1 or 2 or 7 or 8 or 9 or 10);

    private static long? NonNegative(long? value) => value is >= 0 ? value : null;
}
