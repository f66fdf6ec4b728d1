using Edge.Core.Readings;
using Edge.Snmp.Protocol;

namespace Edge.Snmp.Profiles;

/// <summary>
/// CyberPower RMCARD (CPS-MIB, <c>3808.1.1</c>): UPS, ePDU, ePDU2 and the envir/envir2 probes. CyberPower agents do not
/// say reliably what they are (a UPS may report the ePDU OID <c>3808.1.1.3</c>, another a bare <c>3808</c>, and the
/// PDU81005 reports ePDU2 but keeps its data under ePDU), so the profile walks every part and decodes what answers.
/// The UPS also speaks RFC 1628; it is decoded first and the CPS-MIB values override (they are the more precise on
/// the same box: output current 0.6 A against RFC 1628's 0).
/// Source: CPS-MIB via spec/snmp-mibs.md §6; NUT <c>cyberpower-mib.c</c>; LibreNMS <c>cyberpower.yaml</c>.
/// <list type="table">
/// <item>upsBaseBatteryStatus 1.2.1.1: unknown(1) normal(2) low(3) notPresent(4)</item>
/// <item>upsAdvanceBattery 1.2.2: capacity .1 (%), voltage .2 (0.1 V), temperature .3 (°C, may be NULL), runtime .4 (TimeTicks ÷ 6000), replace .5 (2 = needs replacing)</item>
/// <item>upsAdvanceInput 1.3.2: voltage .1 (0.1 V), frequency .4 (0.1 Hz) → input/1</item>
/// <item>upsBaseOutputStatus 1.4.1.1: unknown(1) onLine(2) onBattery(3) onBoost(4) onSleep(5) off(6) rebooting(7) onECO(8) onBypass(9) onBuck(10) onOverload(11)</item>
/// <item>upsAdvanceOutput 1.4.2: voltage .1 (0.1 V), frequency .2 (0.1 Hz), load .3 (%), current .4 (0.1 A), power .5 (W) → output/1</item>
/// <item>tests: upsAdvanceTestDiagnosticsResults 1.7.2.3 testInProgress(4); upsAdvanceTestCalibrationResults 1.7.2.7 calibrationInProgress(3) (NUT's CAL flag)</item>
/// <item>ePDULoadStatusTable 3.2.3.1.1: load .2 (0.1 A), phase .4, bank .5 (0 = phase row), voltage .6 (0.1 V), power .7 (W), VA .8 → phase/PHASE or bank/BANK</item>
/// <item>ePDU2: device load 6.3.4.1.5 (0.1 A) and power .18 (W) → inlet/N; phase 6.4.4.1 load .5 (0.1 A), voltage .6 (0.1 V), power .7 (W) → phase/N; bank 6.5.4.1.5 (0.1 A) → bank/N; outlet 6.6.2.4.1 .6 (0.1 A), .7 (W) → outlet/N</item>
/// <item>envir (single legacy probe): envirTemperature 4.2.1 (0.1 °F), envirHumidity 4.3.1 (%) → sensor/0 (its scalar instance)</item>
/// <item>envir2: envir2TempUnit 8.2.2 celsius(1)/fahrenheit(2); temperature 8.2.3.1.3 (0.01 degree in that unit); humidity 8.3.2.1.3 (0.01 %) → sensor/N</item>
/// </list>
/// </summary>
public sealed class CyberPowerProfile : IDeviceProfile
{
    private const string C = "1.3.6.1.4.1.3808.1.1.";
    private static readonly Oid BaseBatteryStatus = Oid.Parse(C + "1.2.1.1.0");
    private static readonly Oid BatteryCapacity = Oid.Parse(C + "1.2.2.1.0");
    private static readonly Oid BatteryVoltage = Oid.Parse(C + "1.2.2.2.0");
    private static readonly Oid BatteryTemperature = Oid.Parse(C + "1.2.2.3.0");
    private static readonly Oid BatteryRunTime = Oid.Parse(C + "1.2.2.4.0");
    private static readonly Oid BatteryReplace = Oid.Parse(C + "1.2.2.5.0");
    private static readonly Oid InputVoltage = Oid.Parse(C + "1.3.2.1.0");
    private static readonly Oid InputFrequency = Oid.Parse(C + "1.3.2.4.0");
    private static readonly Oid BaseOutputStatus = Oid.Parse(C + "1.4.1.1.0");
    private static readonly Oid OutputVoltage = Oid.Parse(C + "1.4.2.1.0");
    private static readonly Oid OutputFrequency = Oid.Parse(C + "1.4.2.2.0");
    private static readonly Oid OutputLoad = Oid.Parse(C + "1.4.2.3.0");
    private static readonly Oid OutputCurrent = Oid.Parse(C + "1.4.2.4.0");
    private static readonly Oid OutputPower = Oid.Parse(C + "1.4.2.5.0");
    private static readonly Oid DiagnosticsResults = Oid.Parse(C + "1.7.2.3.0");
    private static readonly Oid CalibrationResults = Oid.Parse(C + "1.7.2.7.0");
    private static readonly Oid EpduLoad = Oid.Parse(C + "3.2.3.1.1.2");
    private static readonly Oid EpduPhase = Oid.Parse(C + "3.2.3.1.1.4");
    private static readonly Oid EpduBank = Oid.Parse(C + "3.2.3.1.1.5");
    private static readonly Oid EpduVoltage = Oid.Parse(C + "3.2.3.1.1.6");
    private static readonly Oid EpduPower = Oid.Parse(C + "3.2.3.1.1.7");
    private static readonly Oid EpduApparentPower = Oid.Parse(C + "3.2.3.1.1.8");
    private static readonly Oid Epdu2DeviceLoad = Oid.Parse(C + "6.3.4.1.5");
    private static readonly Oid Epdu2DevicePower = Oid.Parse(C + "6.3.4.1.18");
    private static readonly Oid Epdu2PhaseLoad = Oid.Parse(C + "6.4.4.1.5");
    private static readonly Oid Epdu2PhaseVoltage = Oid.Parse(C + "6.4.4.1.6");
    private static readonly Oid Epdu2PhasePower = Oid.Parse(C + "6.4.4.1.7");
    private static readonly Oid Epdu2BankLoad = Oid.Parse(C + "6.5.4.1.5");
    private static readonly Oid Epdu2OutletLoad = Oid.Parse(C + "6.6.2.4.1.6");
    private static readonly Oid Epdu2OutletPower = Oid.Parse(C + "6.6.2.4.1.7");
    private static readonly Oid EnvirTemperature = Oid.Parse(C + "4.2.1.0");
    private static readonly Oid EnvirHumidity = Oid.Parse(C + "4.3.1.0");
    private static readonly Oid Envir2TempUnit = Oid.Parse(C + "8.2.2.0");
    private static readonly Oid Envir2Temperature = Oid.Parse(C + "8.2.3.1.3");
    private static readonly Oid Envir2Humidity = Oid.Parse(C + "8.3.2.1.3");

    public string Name => "cyberpower";

    public IReadOnlyList<Oid> SysObjectIds { get; } = [Oid.Parse("1.3.6.1.4.1.3808")];

    public IReadOnlyList<Oid> Subtrees { get; } =
    [
        .. Rfc1628UpsProfile.MibSubtrees,
        Oid.Parse(C + "1.2"), Oid.Parse(C + "1.3.2"), Oid.Parse(C + "1.4"), Oid.Parse(C + "1.7.2"),
        Oid.Parse(C + "3.2.3"), Oid.Parse(C + "4.2"), Oid.Parse(C + "4.3"),
        Oid.Parse(C + "6.3.4"), Oid.Parse(C + "6.4.4"), Oid.Parse(C + "6.5.4"), Oid.Parse(C + "6.6.2.4"),
        Oid.Parse(C + "8.2"), Oid.Parse(C + "8.3.2"),
    ];

    public void Decode(VarBindTable t, DeviceReadings r)
    {
        Rfc1628UpsProfile.DecodeMib(t, r);
        DecodeUps(t, r);
        DecodePdu(t, r);
        DecodeProbes(t, r);
    }

    private static void DecodeUps(VarBindTable t, DeviceReadings r)
    {
        if (t.Number(BaseBatteryStatus) is { } bs && bs is >= 1 and <= 4)
            r.SetState(Metrics.BatteryStatus, bs switch { 2 => "normal", 3 => "low", _ => "unknown" });
        if (t.Number(BatteryCapacity) is { } capacity && capacity is >= 0 and <= 100)
            r.Set(Metrics.BatteryChargePct, capacity);
        r.Set(Metrics.BatteryVoltageV, NonNegative(t.Number(BatteryVoltage)) / 10.0);
        if (t.Number(BatteryTemperature) is { } bt && bt > -273)
            r.Set(Metrics.BatteryTemperatureC, bt);
        if (t.Number(BatteryRunTime) is { } ticks && ticks >= 0)
            r.Set(Metrics.BatteryRuntimeMin, ticks / 6000.0);
        if (t.Number(BatteryReplace) is { } replace and (1 or 2))
            r.Set(Metrics.ReplaceBattery, replace == 2 ? 1 : 0);

        r.Set(EntityKind.Input, "1", Metrics.VoltageV, NonNegative(t.Number(InputVoltage)) / 10.0);
        r.Set(EntityKind.Input, "1", Metrics.FrequencyHz, NonNegative(t.Number(InputFrequency)) / 10.0);
        r.Set(EntityKind.Output, "1", Metrics.VoltageV, NonNegative(t.Number(OutputVoltage)) / 10.0);
        r.Set(EntityKind.Output, "1", Metrics.FrequencyHz, NonNegative(t.Number(OutputFrequency)) / 10.0);
        r.Set(EntityKind.Output, "1", Metrics.CurrentA, NonNegative(t.Number(OutputCurrent)) / 10.0);
        r.Set(EntityKind.Output, "1", Metrics.PowerW, NonNegative(t.Number(OutputPower)));
        if (NonNegative(t.Number(OutputLoad)) is { } load)
        {
            r.Set(EntityKind.Output, "1", Metrics.LoadPct, load);
            r.Set(Metrics.LoadPct, load);
        }

        var source = t.Number(BaseOutputStatus) switch
        {
            1 or 8 => "other",                 // unknown, onECO
            2 or 11 => "normal",               // onLine; onOverload is still on the inverter
            3 => "battery",
            4 => "boost",
            5 or 6 or 7 => "none",             // onSleep, off, rebooting
            9 => "bypass",
            10 => "reduce",                    // onBuck
            _ => null,
        };
        if (source is not null)
            r.SetState(Metrics.OutputSource, source);
        var diagnostics = t.Number(DiagnosticsResults);
        var calibration = t.Number(CalibrationResults);
        UpsSelfTest.Apply(r, diagnostics is null && calibration is null ? null : diagnostics == 4 || calibration == 3);
    }

    private static void DecodePdu(VarBindTable t, DeviceReadings r)
    {
        foreach (var row in t.Rows(EpduLoad))
        {
            var bank = t.Number(EpduBank, row);
            var (kind, index) = bank is > 0 ? (EntityKind.Bank, bank.Value) : (EntityKind.Phase, t.Number(EpduPhase, row) ?? 0);
            if (index <= 0)
                continue;
            var id = index.ToString(System.Globalization.CultureInfo.InvariantCulture);
            r.Set(kind, id, Metrics.CurrentA, NonNegative(t.Number(EpduLoad, row)) / 10.0);
            r.Set(kind, id, Metrics.VoltageV, NonNegative(t.Number(EpduVoltage, row)) / 10.0);
            r.Set(kind, id, Metrics.PowerW, NonNegative(t.Number(EpduPower, row)));
            r.Set(kind, id, Metrics.ApparentPowerVa, NonNegative(t.Number(EpduApparentPower, row)));
        }
        foreach (var row in t.Rows(Epdu2DeviceLoad))
        {
            r.Set(EntityKind.Inlet, row, Metrics.CurrentA, NonNegative(t.Number(Epdu2DeviceLoad, row)) / 10.0);
            r.Set(EntityKind.Inlet, row, Metrics.PowerW, NonNegative(t.Number(Epdu2DevicePower, row)));
        }
        foreach (var row in t.Rows(Epdu2PhaseLoad))
        {
            r.Set(EntityKind.Phase, row, Metrics.CurrentA, NonNegative(t.Number(Epdu2PhaseLoad, row)) / 10.0);
            r.Set(EntityKind.Phase, row, Metrics.VoltageV, NonNegative(t.Number(Epdu2PhaseVoltage, row)) / 10.0);
            r.Set(EntityKind.Phase, row, Metrics.PowerW, NonNegative(t.Number(Epdu2PhasePower, row)));
        }
        foreach (var row in t.Rows(Epdu2BankLoad))
            r.Set(EntityKind.Bank, row, Metrics.CurrentA, NonNegative(t.Number(Epdu2BankLoad, row)) / 10.0);
        foreach (var row in t.Rows(Epdu2OutletLoad))
        {
            r.Set(EntityKind.Outlet, row, Metrics.CurrentA, NonNegative(t.Number(Epdu2OutletLoad, row)) / 10.0);
            r.Set(EntityKind.Outlet, row, Metrics.PowerW, NonNegative(t.Number(Epdu2OutletPower, row)));
        }
    }

    private static void DecodeProbes(VarBindTable t, DeviceReadings r)
    {
        // The legacy probe reports 0.1 °F whatever the card's display unit (spec/snmp-mibs.md §6); NULL when absent.
        if (t.Number(EnvirTemperature) is { } tenthsF && tenthsF > 0)
            r.Set(EntityKind.Sensor, "0", Metrics.TemperatureC, Fahrenheit.ToCelsius(tenthsF / 10.0));
        if (t.Number(EnvirHumidity) is { } hum && hum is > 0 and <= 100)
            r.Set(EntityKind.Sensor, "0", Metrics.HumidityPct, hum);

        var fahrenheit = t.Number(Envir2TempUnit) == 2;
        foreach (var (sensor, value) in t.Column(Envir2Temperature))
        {
            if (value.TryGetNumber(out var hundredths))
                r.Set(EntityKind.Sensor, sensor, Metrics.TemperatureC, fahrenheit ? Fahrenheit.ToCelsius(hundredths / 100.0) : hundredths / 100.0);
        }
        foreach (var (sensor, value) in t.Column(Envir2Humidity))
        {
            if (value.TryGetNumber(out var hundredths) && hundredths is >= 0 and <= 10000)
                r.Set(EntityKind.Sensor, sensor, Metrics.HumidityPct, hundredths / 100.0);
        }
    }

    private static long? NonNegative(long? value) => value is >= 0 ? value : null;
}
