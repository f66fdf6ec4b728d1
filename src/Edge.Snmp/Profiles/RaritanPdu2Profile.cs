using Edge.Core.Readings;
using Edge.Snmp.Protocol;

namespace Edge.Snmp.Profiles;

/// <summary>
/// Raritan PX2/PX3/PX4 (PDU2-MIB, <c>13742.6</c>). Every value is divided by 10^DecimalDigits from the matching
/// <c>*SensorDecimalDigits</c> column of the same index (rmsCurrent 3497 with 3 digits is
/// 3.497 A, frequency 600 with 1 digit 60.0 Hz); NUT's fixed 0.1 is wrong for such units.
/// Source: PDU2-MIB via spec/snmp-mibs.md §3; LibreNMS <c>raritan-pdu.yaml</c> divides by 10^decimalDigits too.
/// <list type="table">
/// <item>inlets: measurementsInletSensorValue 5.2.3.1.4.PDU.INLET.TYPE (IsAvailable .2 true(1); SignedValue .6 when present), digits inletSensorDecimalDigits 3.3.4.1.7 → inlet/PDU.INLET</item>
/// <item>over-current protectors (breakers/fuses): measurementsOverCurrentProtectorSensorValue 5.3.3.1.4.PDU.OCP.TYPE, digits 3.4.4.1.7 → bank/PDU.OCP</item>
/// <item>outlets: measurementsOutletSensorValue 5.4.3.1.4.PDU.OUTLET.TYPE, digits 3.5.4.1.7 → outlet/PDU.OUTLET</item>
/// <item>sensor types: rmsCurrent(1) A, rmsVoltage(4) V, activePower(5) W, apparentPower(6) VA, activeEnergy(8) Wh → kWh, frequency(23) Hz</item>
/// <item>external sensors: externalSensorType 3.6.3.1.2 (temperature(10), humidity(11), airPressure(13)), units .16 (degreeC(7), degreeF(14), percent(9), pascal(11)), digits .17;
/// measurementsExternalSensorIsAvailable 5.5.3.1.2 true(1), state .3 (unavailable(−1) = none), value .4 (signed) → sensor/PDU.SENSOR</item>
/// </list>
/// </summary>
public sealed class RaritanPdu2Profile : IDeviceProfile
{
    private const string Pdu2 = "1.3.6.1.4.1.13742.6.";
    private static readonly Oid InletDigits = Oid.Parse(Pdu2 + "3.3.4.1.7");
    private static readonly Oid OcpDigits = Oid.Parse(Pdu2 + "3.4.4.1.7");
    private static readonly Oid OutletDigits = Oid.Parse(Pdu2 + "3.5.4.1.7");
    private static readonly Oid ExternalType = Oid.Parse(Pdu2 + "3.6.3.1.2");
    private static readonly Oid ExternalUnits = Oid.Parse(Pdu2 + "3.6.3.1.16");
    private static readonly Oid ExternalDigits = Oid.Parse(Pdu2 + "3.6.3.1.17");
    private static readonly Oid InletMeasurements = Oid.Parse(Pdu2 + "5.2.3.1");
    private static readonly Oid OcpMeasurements = Oid.Parse(Pdu2 + "5.3.3.1");
    private static readonly Oid OutletMeasurements = Oid.Parse(Pdu2 + "5.4.3.1");
    private static readonly Oid ExternalAvailable = Oid.Parse(Pdu2 + "5.5.3.1.2");
    private static readonly Oid ExternalState = Oid.Parse(Pdu2 + "5.5.3.1.3");
    private static readonly Oid ExternalValue = Oid.Parse(Pdu2 + "5.5.3.1.4");

    public string Name => "raritan-pdu2";

    public IReadOnlyList<Oid> SysObjectIds { get; } = [Oid.Parse("1.3.6.1.4.1.13742.6")];

    /// <summary>The decimal-digit columns and the four measurement tables; the threshold and label columns are not needed.</summary>
    public IReadOnlyList<Oid> Subtrees { get; } =
    [
        InletDigits, OcpDigits, OutletDigits, ExternalType, ExternalUnits, ExternalDigits,
        InletMeasurements, OcpMeasurements, OutletMeasurements, Oid.Parse(Pdu2 + "5.5.3"),
    ];

    public void Decode(VarBindTable t, DeviceReadings r)
    {
        DecodeMeasurements(t, r, InletMeasurements, InletDigits, EntityKind.Inlet);
        DecodeMeasurements(t, r, OcpMeasurements, OcpDigits, EntityKind.Bank);
        DecodeMeasurements(t, r, OutletMeasurements, OutletDigits, EntityKind.Outlet);

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

    /// <summary>Rows are PDU.ITEM.SENSORTYPE: the entity is PDU.ITEM, the metric comes from the sensor type.</summary>
    private static void DecodeMeasurements(VarBindTable t, DeviceReadings r, Oid table, Oid digitsColumn, EntityKind kind)
    {
        var available = table.Append(2);
        var value = table.Append(4);
        var signed = table.Append(6);
        foreach (var row in t.Rows(value))
        {
            var cut = row.LastIndexOf('.');
            if (cut <= 0 || !int.TryParse(row.AsSpan(cut + 1), out var type) || Metric(type) is not { } metric)
                continue;
            if (t.Number(available, row) is { } isAvailable && isAvailable != 1)
                continue;
            if ((t.Number(signed, row) ?? t.Number(value, row)) is not { } raw)
                continue;
            var scaled = Scale(raw, t.Number(digitsColumn, row));
            r.Set(kind, row[..cut], metric, type == 8 ? scaled / 1000 : scaled);
        }
    }

    private static string? Metric(int sensorType) => sensorType switch
    {
        1 => Metrics.CurrentA,
        4 => Metrics.VoltageV,
        5 => Metrics.PowerW,
        6 => Metrics.ApparentPowerVa,
        8 => Metrics.EnergyKwh,
        23 => Metrics.FrequencyHz,
        _ => null,
    };

    private static double Scale(long raw, long? digits) => digits is > 0 and <= 9 ? raw / Math.Pow(10, digits.Value) : raw;
}
