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
/// <item>Input N.Status, the digital inputs of the PU, PU Compact and I/O unit: the same ok/alarm mapping, each input its
/// own entity sensor/input-DEVICE.N (the form of APC's several inputs on one module, sensor/input-MODULE.INPUT), so one
/// device's inputs and its own sensor never share a contact. An input's Logic setting decides its status: "0:Alarm /
/// 1:OK" reports ok/alarm; "0:Off / 1:On" (no alarm meaning; the PU recording's unwired inputs) reports setOff(10) /
/// setOn(11) = no reading</item>
/// <item>PSM_MODULE.Unit.Value, unit "A", value(2): the current of one power-strip module (a PSM of eight switched
/// plugs on the rack's busbar) → bank/DEVICE.MODULE current_a (e.g. bank/2.PSM_P1_1). A module is a group of outlets
/// behind the busbar's infeed with its own current limit (PSM_MODULE.Unit.SetPtHighAlarm), which is what a bank rule
/// watches; the infeed kinds (inlet, phase) are the supply itself, which the PSM does not report. The CAN device
/// index keeps two busbars' modules apart</item>
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

    // cmcIIIMsgStatus (cmcIIIMsgEntry 4, an INTEGER enumeration the MIB defines on that object, not a TEXTUAL-CONVENTION),
    // which the Status variables' valueInt carries (the recordings' valueStr "OK" = 4, "Closed" = 13, "Off" = 10, "Inactive" = 27).
    private const int StatusOk = 4;
    private const int StatusAlarm = 5;
    private const int StatusOpen = 12;
    private const int StatusClosed = 13;
    private const int StatusLocked = 14;
    private const int FirstUnlocked = 15;
    private const int LastUnlocked = 19;
    private const int StatusDetected = 22;

    private const string InputPrefix = "Input ";
    private const string PowerStripModulePrefix = "PSM_";

    public string Name => "rittal-cmc3";

    /// <summary>cmcIII (<c>2606.7</c>): the CMC III PU, PU Compact and the PDU controller answer it.</summary>
    public IReadOnlyList<Oid> SysObjectIds { get; } = [Oid.Parse("1.3.6.1.4.1.2606.7")];

    public IReadOnlyList<Oid> Subtrees { get; } = [VarName, VarType.Oid, VarUnit, VarScale.Oid, VarValueInt.Oid, VarQuality.Oid];

    public void Decode(VarBindTable t, DeviceReadings r)
    {
        foreach (var row in t.Rows(VarName))
        {
            if (t.Number(VarValueInt, row) is not { } raw || t.Number(VarQuality, row) >= FirstNoValueQuality)
                continue;
            var device = row[0].ToString(CultureInfo.InvariantCulture);
            var type = t.Number(VarType, row);
            switch ((t.Text(VarName, row) ?? "").Split('.'))
            {
                case [var sensor, "Value"] when type == TypeValue:
                    ReadValue(r, device, sensor, t.Text(VarUnit, row), Scaled(raw, t.Number(VarScale, row)));
                    break;
                case [var sensor, "Status"] when type == TypeStatus:
                    ReadStatus(r, device, sensor, raw);
                    break;
                case [var module, "Unit", "Value"] when type == TypeValue && module.StartsWith(PowerStripModulePrefix, StringComparison.Ordinal)
                                                         && t.Text(VarUnit, row) == "A" && Scaled(raw, t.Number(VarScale, row)) is >= 0 and var amperes:
                    r.Set(EntityKind.Bank, device + "." + module, Metrics.CurrentA, amperes);
                    break;
            }
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

    private static void ReadStatus(DeviceReadings r, string device, string sensor, long status)
    {
        if (sensor.StartsWith(InputPrefix, StringComparison.Ordinal))
        {
            if (int.TryParse(sensor.AsSpan(InputPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var input) && AlarmState(status) is { } state)
                r.SetState(EntityKind.Sensor, $"input-{device}.{input.ToString(CultureInfo.InvariantCulture)}", Metrics.Contact, state);
        }
        else if (ContactState(sensor, status) is { } state)
        {
            r.SetState(EntityKind.Sensor, device, Metrics.Contact, state);
        }
    }

    private static string? ContactState(string sensor, long status) => sensor switch
    {
        "Access" => status switch
        {
            StatusOpen or (>= FirstUnlocked and <= LastUnlocked) => "open",
            StatusClosed or StatusLocked => "closed",
            StatusAlarm => "alarm",
            _ => null,
        },
        "Leakage" or "Smoke" => AlarmState(status),
        _ => null,
    };

    private static string? AlarmState(long status) => status switch
    {
        StatusOk => "normal",
        StatusAlarm or StatusDetected => "alarm",
        _ => null,
    };
}
