using Edge.Core.Readings;
using Edge.Snmp.Protocol;

namespace Edge.Snmp.Profiles;

/// <summary>
/// Raritan PX2/PX3/PX4 (PDU2-MIB, <c>13742.6</c>). Every value is divided by 10^DecimalDigits from the matching
/// <c>*SensorDecimalDigits</c> column of the same index (rmsCurrent 3497 with 3 digits is
/// 3.497 A, frequency 600 with 1 digit 60.0 Hz); NUT's fixed 0.1 is wrong for such units.
/// Source: PDU2-MIB via spec/snmp-mibs.md §3; LibreNMS <c>raritan-pdu.yaml</c> divides by 10^decimalDigits too.
/// <list type="table">
/// <item>inlets: measurements 5.2.3.1.PDU.INLET.TYPE, configuration 3.3.4.1 → inlet/PDU.INLET</item>
/// <item>over-current protectors (breakers/fuses): measurements 5.3.3.1.PDU.OCP.TYPE, configuration 3.4.4.1 → bank/PDU.OCP</item>
/// <item>outlets: measurements 5.4.3.1.PDU.OUTLET.TYPE, configuration 3.5.4.1 → outlet/PDU.OUTLET</item>
/// <item>sensor types read: rmsCurrent(1) A, rmsVoltage(4) V, activePower(5) W, apparentPower(6) VA, activeEnergy(8) Wh → kWh, frequency(23) Hz</item>
/// <item>external sensors: externalSensorType 3.6.3.1.2 (temperature(10), humidity(11), airPressure(13)) in units .16
/// (degreeC(7), degreeF(14), percent(9), pascal(11)); IsAvailable true(1) and a state other than unavailable(−1) → sensor/PDU.SENSOR</item>
/// </list>
/// Each measurement row has two value columns: Value (Unsigned32) and SignedValue (Integer32), the latter "undefined
/// for sensors whose range exceeds the Integer32 range" — a real PX3 answers SignedValue 0 for its 74,057,676 Wh of
/// active energy. The unsigned column is read, and the signed one only for a sensor whose range is signed
/// (its *SensorSignedMinimum below 0).
/// </summary>
internal sealed class RaritanPdu2Profile : IDeviceProfile
{
    private const string Pdu2 = "1.3.6.1.4.1.13742.6.";

    // PDU2-MIB objects: range = the SYNTAX's, narrowed where the quantity bounds it (no negative current, no humidity over 100 %); a value outside it or a sentinel is no reading.
    //                                                          MIB object                                            OID                   metric   scale   range                 sentinels
    private static readonly MibObject InletDigits =         new("inletSensorDecimalDigits",                           Pdu2 + "3.3.4.1.7",   null,    1,      new MibRange(0, 9));
    private static readonly MibObject InletSignedMinimum =  new("inletSensorSignedMinimum",                           Pdu2 + "3.3.4.1.27",  null,    1,      MibRange.Integer32);
    private static readonly MibObject InletAvailable =      new("measurementsInletSensorIsAvailable",                 Pdu2 + "5.2.3.1.2",   null,    1,      MibRange.Enum(1, 2));
    private static readonly MibObject InletValue =          new("measurementsInletSensorValue",                       Pdu2 + "5.2.3.1.4",   null,    1,      MibRange.Unsigned32);
    private static readonly MibObject InletSignedValue =    new("measurementsInletSensorSignedValue",                 Pdu2 + "5.2.3.1.6",   null,    1,      MibRange.Integer32);
    private static readonly MibObject OcpDigits =           new("overCurrentProtectorSensorDecimalDigits",            Pdu2 + "3.4.4.1.7",   null,    1,      new MibRange(0, 9));
    private static readonly MibObject OcpSignedMinimum =    new("overCurrentProtectorSensorSignedMinimum",            Pdu2 + "3.4.4.1.27",  null,    1,      MibRange.Integer32);
    private static readonly MibObject OcpAvailable =        new("measurementsOverCurrentProtectorSensorIsAvailable",  Pdu2 + "5.3.3.1.2",   null,    1,      MibRange.Enum(1, 2));
    private static readonly MibObject OcpValue =            new("measurementsOverCurrentProtectorSensorValue",        Pdu2 + "5.3.3.1.4",   null,    1,      MibRange.Unsigned32);
    private static readonly MibObject OcpSignedValue =      new("measurementsOverCurrentProtectorSensorSignedValue",  Pdu2 + "5.3.3.1.6",   null,    1,      MibRange.Integer32);
    private static readonly MibObject OutletDigits =        new("outletSensorDecimalDigits",                          Pdu2 + "3.5.4.1.7",   null,    1,      new MibRange(0, 9));
    private static readonly MibObject OutletSignedMinimum = new("outletSensorSignedMinimum",                          Pdu2 + "3.5.4.1.27",  null,    1,      MibRange.Integer32);
    private static readonly MibObject OutletAvailable =     new("measurementsOutletSensorIsAvailable",                Pdu2 + "5.4.3.1.2",   null,    1,      MibRange.Enum(1, 2));
    private static readonly MibObject OutletValue =         new("measurementsOutletSensorValue",                      Pdu2 + "5.4.3.1.4",   null,    1,      MibRange.Unsigned32);
    private static readonly MibObject OutletSignedValue =   new("measurementsOutletSensorSignedValue",                Pdu2 + "5.4.3.1.6",   null,    1,      MibRange.Integer32);
    private static readonly MibObject ExternalType =        new("externalSensorType",                                 Pdu2 + "3.6.3.1.2",   null,    1,      MibRange.Integer32);
    private static readonly MibObject ExternalUnits =       new("externalSensorUnits",                                Pdu2 + "3.6.3.1.16",  null,    1,      MibRange.Integer32);
    private static readonly MibObject ExternalDigits =      new("externalSensorDecimalDigits",                        Pdu2 + "3.6.3.1.17",  null,    1,      new MibRange(0, 9));
    private static readonly MibObject ExternalAvailable =   new("measurementsExternalSensorIsAvailable",              Pdu2 + "5.5.3.1.2",   null,    1,      MibRange.Enum(1, 2));
    private static readonly MibObject ExternalState =       new("measurementsExternalSensorState",                    Pdu2 + "5.5.3.1.3",   null,    1,      MibRange.Integer32);
    private static readonly MibObject ExternalValue =       new("measurementsExternalSensorValue",                    Pdu2 + "5.5.3.1.4",   null,    1,      MibRange.Integer32);

    public string Name => "raritan-pdu2";

    public IReadOnlyList<Oid> SysObjectIds { get; } = [Oid.Parse("1.3.6.1.4.1.13742.6")];

    /// <summary>The decimal-digit and signed-minimum columns and the four measurement tables; the threshold and label columns are not needed.</summary>
    public IReadOnlyList<Oid> Subtrees { get; } =
    [
        InletDigits.Oid, InletSignedMinimum.Oid, OcpDigits.Oid, OcpSignedMinimum.Oid, OutletDigits.Oid, OutletSignedMinimum.Oid,
        ExternalType.Oid, ExternalUnits.Oid, ExternalDigits.Oid,
        Oid.Parse(Pdu2 + "5.2.3.1"), Oid.Parse(Pdu2 + "5.3.3.1"), Oid.Parse(Pdu2 + "5.4.3.1"), Oid.Parse(Pdu2 + "5.5.3"),
    ];

    public void Decode(VarBindTable t, DeviceReadings r)
    {
        DecodeMeasurements(t, r, EntityKind.Inlet, InletAvailable, InletValue, InletSignedValue, InletDigits, InletSignedMinimum);
        DecodeMeasurements(t, r, EntityKind.Bank, OcpAvailable, OcpValue, OcpSignedValue, OcpDigits, OcpSignedMinimum);
        DecodeMeasurements(t, r, EntityKind.Outlet, OutletAvailable, OutletValue, OutletSignedValue, OutletDigits, OutletSignedMinimum);

        foreach (var sensor in t.Rows(ExternalType))
        {
            if (t.Number(ExternalAvailable, sensor) is { } available && available != 1)
                continue; // IsAvailable false(2): e.g. the unplugged on/off sensors of the recording
            if (t.Number(ExternalState, sensor) == -1 || t.Number(ExternalValue, sensor) is not { } raw)
                continue;
            var value = Scale(raw, t.Number(ExternalDigits, sensor));
            var units = t.Number(ExternalUnits, sensor);
            switch (t.Number(ExternalType, sensor))
            {
                case 10 when units == 7:
                    r.Set(EntityKind.Sensor, sensor, Metrics.TemperatureC, value);
                    break;
                case 10 when units == 14:
                    r.Set(EntityKind.Sensor, sensor, Metrics.TemperatureC, Fahrenheit.ToCelsius(value));
                    break;
                case 11 when units == 9:
                    r.Set(EntityKind.Sensor, sensor, Metrics.HumidityPct, value);
                    break;
                case 13 when units == 11:
                    r.Set(EntityKind.Sensor, sensor, Metrics.PressureHpa, value / 100);
                    break;
            }
        }
    }

    /// <summary>
    /// Rows are PDU.ITEM.SENSORTYPE: the entity is PDU.ITEM, the metric comes from the sensor type. The configuration
    /// columns (digits, signed minimum) share the row index.
    /// </summary>
    private static void DecodeMeasurements(VarBindTable t, DeviceReadings r, EntityKind kind,
        MibObject available, MibObject unsigned, MibObject signed, MibObject digits, MibObject signedMinimum)
    {
        foreach (var row in t.Rows(unsigned).Union(t.Rows(signed)))
        {
            // The last arc is the sensor type: PDU2-MIB measurements tables end their INDEX with sensorType.
            var type = row[row.Length - 1];
            if (row.Length < 2 || Metric(type) is not { } metric)
                continue;
            if (t.Number(available, row) is { } isAvailable && isAvailable != 1)
                continue;
            var raw = t.Number(signedMinimum, row) < 0 ? t.Number(signed, row) : t.Number(unsigned, row);
            if (raw is null)
                continue;
            var scaled = Scale(raw.Value, t.Number(digits, row));
            r.Set(kind, row.Prefix(row.Length - 1), metric, type == 8 ? scaled / 1000 : scaled);
        }
    }

    private static string? Metric(uint sensorType) => sensorType switch
    {
        1 => Metrics.CurrentA,
        4 => Metrics.VoltageV,
        5 => Metrics.PowerW,
        6 => Metrics.ApparentPowerVa,
        8 => Metrics.EnergyKwh,
        23 => Metrics.FrequencyHz,
        _ => null,
    };

    private static double Scale(long raw, long? digits) => digits is > 0 ? raw / Math.Pow(10, digits.Value) : raw;
}
