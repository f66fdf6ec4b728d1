using System.Collections.Frozen;

namespace Edge.Core.Readings;

/// <summary>The normalized metric vocabulary of spec/interfaces.md, in one place.</summary>
public static class Metrics
{
    public const string TemperatureC = "temperature_c";
    public const string HumidityPct = "humidity_pct";
    public const string DewPointC = "dewpoint_c";
    public const string PressureHpa = "pressure_hpa";
    public const string VoltageV = "voltage_v";
    public const string CurrentA = "current_a";
    public const string PowerW = "power_w";
    public const string ApparentPowerVa = "apparent_power_va";
    public const string EnergyKwh = "energy_kwh";
    public const string FrequencyHz = "frequency_hz";
    public const string LoadPct = "load_pct";
    public const string BatteryChargePct = "battery_charge_pct";
    public const string BatteryRuntimeMin = "battery_runtime_min";
    public const string BatteryVoltageV = "battery_voltage_v";
    public const string BatteryTemperatureC = "battery_temperature_c";
    public const string BatteryStatus = "battery_status";
    public const string OutputSource = "output_source";
    public const string ReplaceBattery = "replace_battery";
    public const string Reachable = "reachable";

    /// <summary>
    /// A door, leak, smoke or dry-contact sensor on an environment monitor or PDU (DEVICE/sensor/N): <c>closed</c> /
    /// <c>open</c> where the device reports the contact itself (a door), <c>normal</c> / <c>alarm</c> where it reports
    /// only whether the contact is in its configured normal state (AKCP switches, leak and smoke detectors).
    /// </summary>
    public const string Contact = "contact";

    /// <summary>1 while the UPS runs a battery self-test or a runtime calibration (then <see cref="OutputSource"/> reads <c>test</c>, not <c>battery</c>).</summary>
    public const string UpsTest = "ups_test";

    /// <summary>
    /// Derived by the rule engine from <see cref="Reachable"/>: 1 when an SNMP device is unreachable and its last known
    /// <see cref="OutputSource"/> was <c>battery</c>, so the UPS may have run flat (preset <c>ups-lost-on-battery</c>).
    /// </summary>
    public const string LostOnBattery = "lost_on_battery";

    // Inventory (Device42): counts and shares of what the CMDB knows, read by the inventory source.
    public const string Count = "count";
    public const string LicenseUsePct = "license_use_pct";

    /// <summary>Devices running an operating system that Device42 does not count as licensed (its not_licensed_count).</summary>
    public const string Unlicensed = "unlicensed";
    public const string UsedPct = "used_pct";
    public const string Available = "available";
    public const string AvailablePct = "available_pct";
    public const string DaysLeft = "days_left";
    public const string Installed = "installed";

    public static readonly FrozenDictionary<string, MetricInfo> All = new MetricInfo[]
    {
        new(TemperatureC, "°C"),
        new(HumidityPct, "%"),
        new(DewPointC, "°C"),
        new(PressureHpa, "hPa"),
        new(VoltageV, "V"),
        new(CurrentA, "A"),
        new(PowerW, "W"),
        new(ApparentPowerVa, "VA"),
        new(EnergyKwh, "kWh"),
        new(FrequencyHz, "Hz"),
        new(LoadPct, "%"),
        new(BatteryChargePct, "%"),
        new(BatteryRuntimeMin, "min"),
        new(BatteryVoltageV, "V"),
        new(BatteryTemperatureC, "°C"),
        new(BatteryStatus, "", ["normal", "low", "depleted", "unknown"]),
        // A new state goes last ("test" here): state codes are stored in series and alert state and must not shift.
        // It is "on battery because of a self-test or runtime calibration", which must not page as a power failure.
        new(OutputSource, "", ["normal", "battery", "bypass", "boost", "reduce", "none", "other", "test"]),
        new(ReplaceBattery, ""),
        new(Reachable, ""),
        new(Contact, "", ["closed", "open", "alarm", "normal"]),
        new(UpsTest, ""),
        new(LostOnBattery, ""),
        new(Count, ""),
        new(LicenseUsePct, "%"),
        new(UsedPct, "%"),
        new(Available, ""),
        new(AvailablePct, "%"),
        new(DaysLeft, "d"),
        new(Installed, ""),
        new(Unlicensed, ""),
    }.ToFrozenDictionary(m => m.Name, StringComparer.Ordinal);

    public static MetricInfo Get(string name) =>
        All.TryGetValue(name, out var info) ? info : throw new ArgumentException($"unknown metric '{name}'", nameof(name));
}
