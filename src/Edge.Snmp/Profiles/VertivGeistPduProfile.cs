using Edge.Core.Readings;
using Edge.Snmp.Protocol;

namespace Edge.Snmp.Profiles;

/// <summary>
/// Vertiv Geist rack PDUs (MN/MG/IMD, sysObjectID <c>21239.42.1.*</c>) through VERTIV-V5-MIB, objects under
/// <c>21239.5.2</c>. Source: spec/snmp-mibs.md §7c; LibreNMS <c>vertiv-pdu.yaml</c> (voltage /10, currents /100).
/// <list type="table">
/// <item>temperatureUnits 5.2.1.7.0: fahrenheit(0)/celsius(1)</item>
/// <item>pduMainTable 5.2.3.1.1: avail .5 (0 = unavailable), total real power .9 (W) → inlet/N</item>
/// <item>pduPhaseTable 5.2.3.2.1: voltage .4 (0.1 V), current .8 (0.01 A), real power .12 (W), apparent power .13 (VA) → phase/N</item>
/// <item>pduBreakerTable 5.2.3.3.1: current .4 (0.01 A) → bank/N</item>
/// <item>tempSensorTable 5.2.4.1 (avail .4, temp .5 in 0.1 degree) → sensor/4.N; thdSensorTable 5.2.9.1 (avail .4, temp .5, humidity .6 %) → sensor/9.N</item>
/// </list>
/// </summary>
public sealed class VertivGeistPduProfile : IDeviceProfile
{
    private const string V5 = "1.3.6.1.4.1.21239.5.2.";
    private static readonly Oid Units = Oid.Parse(V5 + "1.7.0");
    private static readonly Oid MainAvail = Oid.Parse(V5 + "3.1.1.5");
    private static readonly Oid MainPower = Oid.Parse(V5 + "3.1.1.9");
    private static readonly Oid PhaseVoltage = Oid.Parse(V5 + "3.2.1.4");
    private static readonly Oid PhaseCurrent = Oid.Parse(V5 + "3.2.1.8");
    private static readonly Oid PhasePower = Oid.Parse(V5 + "3.2.1.12");
    private static readonly Oid PhaseApparentPower = Oid.Parse(V5 + "3.2.1.13");
    private static readonly Oid BreakerCurrent = Oid.Parse(V5 + "3.3.1.4");

    public string Name => "vertiv-geist-pdu";

    public IReadOnlyList<Oid> SysObjectIds { get; } = [Oid.Parse("1.3.6.1.4.1.21239.42.1")];

    public IReadOnlyList<Oid> Subtrees { get; } =
        [Units, Oid.Parse(V5 + "3.1.1"), Oid.Parse(V5 + "3.2.1"), Oid.Parse(V5 + "3.3.1"), Oid.Parse(V5 + "4.1"), Oid.Parse(V5 + "9.1")];

    public void Decode(VarBindTable t, DeviceReadings r)
    {
        foreach (var main in t.Rows(MainPower))
        {
            if (t.Number(MainAvail, main) is not 0)
                r.Set(EntityKind.Inlet, main, Metrics.PowerW, NonNegative(t.Number(MainPower, main)));
        }
        foreach (var phase in t.Rows(PhaseVoltage).Union(t.Rows(PhaseCurrent)))
        {
            r.Set(EntityKind.Phase, phase, Metrics.VoltageV, NonNegative(t.Number(PhaseVoltage, phase)) / 10.0);
            r.Set(EntityKind.Phase, phase, Metrics.CurrentA, NonNegative(t.Number(PhaseCurrent, phase)) / 100.0);
            r.Set(EntityKind.Phase, phase, Metrics.PowerW, NonNegative(t.Number(PhasePower, phase)));
            r.Set(EntityKind.Phase, phase, Metrics.ApparentPowerVa, NonNegative(t.Number(PhaseApparentPower, phase)));
        }
        foreach (var breaker in t.Rows(BreakerCurrent))
            r.Set(EntityKind.Bank, breaker, Metrics.CurrentA, NonNegative(t.Number(BreakerCurrent, breaker)) / 100.0);

        var fahrenheit = t.Number(Units) == 0;
        GeistWatchdogProfile.Table(t, r, V5, "4.1", tempColumn: 5, humidityColumn: null, 10.0, fahrenheit);
        GeistWatchdogProfile.Table(t, r, V5, "9.1", tempColumn: 5, humidityColumn: 6, 10.0, fahrenheit);
    }

    private static long? NonNegative(long? value) => value is >= 0 ? value : null;
}
