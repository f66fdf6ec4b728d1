using Edge.Core.Readings;
using Edge.Snmp.Protocol;

namespace Edge.Snmp.Profiles;

/// <summary>
/// The temperature/humidity probes an APC Network Management Card carries, whatever it manages (UPS, PDU, EMU).
/// Source: PowerNet-MIB, spec/snmp-mibs.md §2d; LibreNMS <c>apc.yaml</c> and snmp_exporter module <c>apcups</c>.
/// <list type="table">
/// <item>iem (<c>318.1.1.10.2.3.2.1</c>, index = probe): only a connected(2) probe is read; temperature in the probe's units → sensor/PROBE</item>
/// <item>uio (<c>318.1.1.25.1.2.1</c>, index = port.sensor): only a commsOK(2) sensor → sensor/PORT.SENSOR</item>
/// <item>mem (<c>318.1.1.10.4.2</c>, NetBotz 200): one units scalar for all sensors; only commsOK(2) → sensor/MODULE.SENSOR</item>
/// </list>
/// The iem contacts (<c>318.1.1.10.2.3.4.1</c>, index = contact, numbered apart from the probes → sensor/contact-N):
/// iemStatusContactStatus noFault(1) → <c>contact</c> normal, fault(2) (not in its configured normal state: the door
/// contact of the apc_smx750i recording) → alarm, disabled(3) → no reading.
/// The mem inputs (<c>318.1.1.10.4.3.2.1</c>, the EMU's and NetBotz 200's contact inputs, index = module.input, the same
/// form as the mem sensors' → sensor/input-MODULE.INPUT): memInputsStatusAlarmStatus memNormal(1) → <c>contact</c> normal,
/// memWarning(2) or memCritical(3) → alarm (the fire-panel input of the apc_emu recording); an input whose
/// memInputsStatusCurrentState is inputDisabled(3), or whose memInputsCommStatus (NBRK0200 only) is not commsOK(2), → no reading.
/// </summary>
internal static class ApcProbes
{
    private const string Iem = "1.3.6.1.4.1.318.1.1.10.2.3.2.1.";
    private const string IemContacts = "1.3.6.1.4.1.318.1.1.10.2.3.4.1.";
    private const string Uio = "1.3.6.1.4.1.318.1.1.25.1.2.1.";
    private const string Mem = "1.3.6.1.4.1.318.1.1.10.4.2.";
    private const string MemInputs = "1.3.6.1.4.1.318.1.1.10.4.3.2.1.";

    // PowerNet-MIB objects: range = the SYNTAX's, narrowed where the quantity bounds it (no negative current, no humidity over 100 %); a value outside it or a sentinel is no reading.
    //                                                  MIB object                         OID             metric                 scale   range                 sentinels
    private static readonly MibObject IemStatus =   new("iemStatusProbeStatus",            Iem + "3",      null,                  1,      MibRange.Enum(1, 2));
    private static readonly MibObject IemTemp =     new("iemStatusProbeCurrentTemp",       Iem + "4",      Metrics.TemperatureC,  1,      MibRange.Integer32,   -1);
    private static readonly MibObject IemUnits =    new("iemStatusProbeTempUnits",         Iem + "5",      null,                  1,      MibRange.Enum(1, 2));
    // 0 or −1: not a humidity probe.
    private static readonly MibObject IemHumidity = new("iemStatusProbeCurrentHumid",      Iem + "6",      Metrics.HumidityPct,   1,      MibRange.Percent,     0);
    private static readonly MibObject UioTempC =    new("uioSensorStatusTemperatureDegC",  Uio + "6",      Metrics.TemperatureC,  1,      MibRange.Integer32,   -1);
    private static readonly MibObject UioHumidity = new("uioSensorStatusHumidity",         Uio + "7",      Metrics.HumidityPct,   1,      MibRange.Percent);
    private static readonly MibObject UioComm =     new("uioSensorStatusCommStatus",       Uio + "10",     null,                  1,      MibRange.Enum(1, 3));
    private static readonly MibObject MemUnits =    new("memSensorsStatusSysTempUnits",    Mem + "1.0",    null,                  1,      MibRange.Enum(1, 2));
    private static readonly MibObject MemTemp =     new("memSensorsTemperature",           Mem + "3.1.5",  Metrics.TemperatureC,  1,      MibRange.Integer32,   -1);
    private static readonly MibObject MemHumidity = new("memSensorsHumidity",              Mem + "3.1.6",  Metrics.HumidityPct,   1,      MibRange.Percent);
    private static readonly MibObject MemComm =     new("memSensorsCommStatus",            Mem + "3.1.7",  null,                  1,      MibRange.Enum(1, 3));
    private static readonly MibObject IemContact =  new("iemStatusContactStatus",          IemContacts + "3", Metrics.Contact,   1,      MibRange.Enum(1, 3));
    private static readonly MibObject MemInState =  new("memInputsStatusCurrentState",     MemInputs + "5",   null,              1,      MibRange.Enum(1, 4));
    private static readonly MibObject MemInAlarm =  new("memInputsStatusAlarmStatus",      MemInputs + "7",   Metrics.Contact,   1,      MibRange.Enum(1, 3));
    private static readonly MibObject MemInComm =   new("memInputsCommStatus",             MemInputs + "8",   null,              1,      MibRange.Enum(1, 3));

    /// <summary>iem probe and contact status tables, uio status table, mem sensor status group, mem input status table.</summary>
    public static IReadOnlyList<Oid> Subtrees { get; } =
    [
        Oid.Parse("1.3.6.1.4.1.318.1.1.10.2.3.2"),
        Oid.Parse("1.3.6.1.4.1.318.1.1.10.2.3.4"),
        Oid.Parse("1.3.6.1.4.1.318.1.1.10.4.2"),
        Oid.Parse("1.3.6.1.4.1.318.1.1.10.4.3.2"),
        Oid.Parse("1.3.6.1.4.1.318.1.1.25.1.2"),
    ];

    public static void Decode(VarBindTable t, DeviceReadings r)
    {
        foreach (var probe in t.Rows(IemStatus))
        {
            if (t.Number(IemStatus, probe) != 2)
                continue; // disconnected(1): its −1 is not a temperature
            if (t.Value(IemTemp, probe) is { } temp)
                r.Set(EntityKind.Sensor, probe, Metrics.TemperatureC, t.Number(IemUnits, probe) == 2 ? Fahrenheit.ToCelsius(temp) : temp);
            r.Set(EntityKind.Sensor, probe, IemHumidity, t);
        }

        foreach (var contact in t.Rows(IemContact))
        {
            var state = t.Number(IemContact, contact) switch
            {
                1 => "normal",
                2 => "alarm",
                _ => null, // disabled(3)
            };
            if (state is not null)
                r.SetState(EntityKind.Sensor, "contact-" + contact, Metrics.Contact, state);
        }

        foreach (var sensor in t.Rows(UioComm))
        {
            if (t.Number(UioComm, sensor) != 2)
                continue; // notInstalled(1) / commsLost(3)
            r.Set(EntityKind.Sensor, sensor, UioTempC, t);
            r.Set(EntityKind.Sensor, sensor, UioHumidity, t);
        }

        var memFahrenheit = t.Number(MemUnits) == 2;
        foreach (var sensor in t.Rows(MemComm))
        {
            if (t.Number(MemComm, sensor) != 2)
                continue;
            if (t.Value(MemTemp, sensor) is { } temp)
                r.Set(EntityKind.Sensor, sensor, Metrics.TemperatureC, memFahrenheit ? Fahrenheit.ToCelsius(temp) : temp);
            r.Set(EntityKind.Sensor, sensor, MemHumidity, t);
        }

        foreach (var input in t.Rows(MemInAlarm))
        {
            if (t.Number(MemInState, input) == 3 || t.Number(MemInComm, input) is { } comm && comm != 2)
                continue; // inputDisabled(3); notInstalled(1) / commsLost(3)
            var state = t.Number(MemInAlarm, input) switch
            {
                1 => "normal",
                2 or 3 => "alarm",
                _ => null,
            };
            if (state is not null)
                r.SetState(EntityKind.Sensor, "input-" + input, Metrics.Contact, state);
        }
    }
}
