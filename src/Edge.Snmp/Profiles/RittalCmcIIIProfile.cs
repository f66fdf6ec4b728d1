using System.Globalization;
using Edge.Core.Readings;
using Edge.Snmp.Protocol;

namespace Edge.Snmp.Profiles;

/// <summary>
/// Rittal CMC III processing units and the sensor units on their CAN bus: RITTAL-CMC-III-MIB's variable table
/// (<c>2606.7.4.2.2</c>), one row per variable of each device, INDEX { device, variable }. A variable says what it is
/// by its name (<c>Temperature.Value</c>, <c>Access.Status</c>, …), its type, unit and decimal scale, so the profile
/// reads the rows whose name is exactly SENSOR.Value or SENSOR.Status for a SENSOR it knows; longer names belong to
/// other functions (<c>System.Temperature.Value</c> is the unit's own electronics, <c>Door Opening.Automatic.Temperature.Value</c>
/// repeats its device's temperature). The entity index is the device index (one sensor unit, one entity).
/// Source: RITTAL-CMC-III-MIB (LibreNMS mibs/rittal/RITTAL-CMC-III-MIB).
/// <list type="table">
/// <item>cmcIIIVarTable 7.4.2.2.1: name .3, type .4 (value(2) / status(7)), unit .5, scale .7 (−100: divide by 100; +10: multiply by 10),
/// valueInt .11 (Integer32), quality .14 (undefinedNoValue(21)…infoNoValue(25) = no value)</item>
/// <item>Temperature.Value, unit "degree C" / "degree F" → sensor/DEVICE temperature_c; Humidity.Value, unit "%" (0..100) → humidity_pct</item>
/// <item>Access.Status (a door sensor), valueInt as cmcIIIMsgStatus: open(12) and the unlocked states 15–19 (16 is named
/// doorOpen) → contact open; closed(13), locked(14) → closed; alarm(5) → alarm</item>
/// <item>Leakage.Status, Smoke.Status: ok(4) → contact normal; alarm(5), detected(22) → alarm</item>
/// <item>any other status (notAvail(1), configChanged(2), inactive(27) — the sensor is switched off — …) = no reading</item>
/// </list>
/// </summary>
internal sealed class RittalCmcIIIProfile : IDeviceProfile
{
    private const string VarEntry = "1.3.6.1.4.1.2606.7.4.2.2.1.";
    private static readonly Oid VarName = Oid.Parse(VarEntry + "3");
    private static readonly Oid VarUnit = Oid.Parse(VarEntry + "5");

    //                                                  MIB object           OID              metric scale range (SYNTAX)
    private static readonly MibObject VarType     = new("cmcIIIVarType",     VarEntry + "4",  null, 1, MibRange.Enum(1, 255));
    private static readonly MibObject VarScale    = new("cmcIIIVarScale",    VarEntry + "7",  null, 1, MibRange.Integer32);
    // The metric and its scale are the row's own (name, unit, cmcIIIVarScale): read raw, scaled by Scaled().
    private static readonly MibObject VarValueInt = new("cmcIIIVarValueInt", VarEntry + "11", null, 1, MibRange.Integer32);
    private static readonly MibObject VarQuality  = new("cmcIIIVarQuality",  VarEntry + "14", null, 1, MibRange.Enum(1, 25));

    private const int TypeValue = 2;
    private const int TypeStatus = 7;
    private const int FirstNoValueQuality = 21;

    // cmcIIIMsgStatus, which the Status variables' valueInt carries (the recordings' valueStr "OK" = 4, "Closed" = 13, "Inactive" = 27).
    private const int StatusOk = 4;
    private const int StatusAlarm = 5;
    private const int StatusOpen = 12;
    private const int StatusClosed = 13;
    private const int StatusLocked = 14;
    private const int FirstUnlocked = 15;
    private const int LastUnlocked = 19;
    private const int StatusDetected = 22;

    public string Name => "rittal-cmc3";

    /// <summary>cmcIII (<c>2606.7</c>): the CMC III PU, PU Compact and the PDU controller answer it.</summary>
    public IReadOnlyList<Oid> SysObjectIds { get; } = [Oid.Parse("1.3.6.1.4.1.2606.7")];

    public IReadOnlyList<Oid> Subtrees { get; } = [VarName, VarType.Oid, VarUnit, VarScale.Oid, VarValueInt.Oid, VarQuality.Oid];

    public void Decode(VarBindTable t, DeviceReadings r)
    {
        foreach (var row in t.Rows(VarName))
        {
            var parts = (t.Text(VarName, row) ?? "").Split('.');
            if (parts.Length != 2 || t.Number(VarValueInt, row) is not { } raw || t.Number(VarQuality, row) >= FirstNoValueQuality)
                continue;
            var device = row[0].ToString(CultureInfo.InvariantCulture);
            var (sensor, kind) = (parts[0], parts[1]);
            var type = t.Number(VarType, row);
            if (kind == "Value" && type == TypeValue)
                ReadValue(r, device, sensor, t.Text(VarUnit, row), Scaled(raw, t.Number(VarScale, row)));
            else if (kind == "Status" && type == TypeStatus && ContactState(sensor, raw) is { } state)
                r.SetState(EntityKind.Sensor, device, Metrics.Contact, state);
        }
    }

    private static void ReadValue(DeviceReadings r, string device, string sensor, string? unit, double value)
    {
        if (sensor == "Temperature" && unit == "degree C")
            r.Set(EntityKind.Sensor, device, Metrics.TemperatureC, value);
        else if (sensor == "Temperature" && unit == "degree F")
            r.Set(EntityKind.Sensor, device, Metrics.TemperatureC, Fahrenheit.ToCelsius(value));
        else if (sensor == "Humidity" && unit == "%" && value is >= 0 and <= 100)
            r.Set(EntityKind.Sensor, device, Metrics.HumidityPct, value);
    }

    /// <summary>cmcIIIVarScale: a negative scale divides (−100 → /100), a positive one multiplies; 0 or absent leaves the value.</summary>
    internal static double Scaled(long raw, long? scale) => scale switch
    {
        < 0 => raw / (double)-scale.Value,
        > 0 => raw * (double)scale.Value,
        _ => raw,
    };

    private static string? ContactState(string sensor, long status) => sensor switch
    {
        "Access" => status switch
        {
            StatusOpen or (>= FirstUnlocked and <= LastUnlocked) => "open",
            StatusClosed or StatusLocked => "closed",
            StatusAlarm => "alarm",
            _ => null,
        },
        "Leakage" or "Smoke" => status switch
        {
            StatusOk => "normal",
            StatusAlarm or StatusDetected => "alarm",
            _ => null,
        },
        _ => null,
    };
}
