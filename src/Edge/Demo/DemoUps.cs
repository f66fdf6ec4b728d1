using Edge.Snmp.Protocol;

namespace Edge.Demo;

/// <summary>
/// The demo's UPS: a hand-written RFC 1628 (UPS-MIB) recording of a 3 kVA single-phase unit whose utility fails for
/// 20 s once a minute (seconds 30–50 of each minute after start), so the demo's <c>ups</c> rule triggers and resolves
/// while you watch. sysObjectID is the UPS-MIB itself, as Generex cards report it, so <c>auto</c> picks <c>rfc1628</c>.
/// </summary>
internal static class DemoUps
{
    public static readonly TimeSpan Cycle = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan OutageStart = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan OutageLength = TimeSpan.FromSeconds(20);

    private const string Ups = "1.3.6.1.2.1.33.1.";

    public static IReadOnlyList<VarBind> Snapshot(DateTimeOffset start, DateTimeOffset now)
    {
        var phase = TimeSpan.FromTicks(Math.Max(0, (now - start).Ticks) % Cycle.Ticks);
        var onBattery = phase >= OutageStart && phase < OutageStart + OutageLength;
        var secondsOnBattery = onBattery ? (int)(phase - OutageStart).TotalSeconds : 0;
        // After the outage the charger brings the battery back at 1 %/s (a demo's patience, not a real charger's).
        var sinceOutage = phase >= OutageStart + OutageLength ? (phase - OutageStart - OutageLength).TotalSeconds : phase.TotalSeconds + 10;
        var charge = onBattery ? 100 - secondsOnBattery : (int)Math.Min(100, 80 + sinceOutage);
        return Sorted(
        [
            ("1.3.6.1.2.1.1.1.0", SnmpValue.Str("Edge demo UPS (RFC 1628)")),
            ("1.3.6.1.2.1.1.2.0", new SnmpValue(SnmpType.ObjectIdentifier, OidValue: Oid.Parse("1.3.6.1.2.1.33"))),
            (Ups + "1.1.0", SnmpValue.Str("Edge demo")),                        // upsIdentManufacturer
            (Ups + "1.2.0", SnmpValue.Str("UPS-3000")),                         // upsIdentModel
            (Ups + "2.1.0", SnmpValue.Int(charge < 25 ? 3 : 2)),               // upsBatteryStatus: low(3) / normal(2)
            (Ups + "2.2.0", SnmpValue.Int(secondsOnBattery)),                  // upsSecondsOnBattery
            (Ups + "2.3.0", SnmpValue.Int(onBattery ? 42 - secondsOnBattery : 42)), // upsEstimatedMinutesRemaining
            (Ups + "2.4.0", SnmpValue.Int(charge)),                            // upsEstimatedChargeRemaining
            (Ups + "2.5.0", SnmpValue.Int(onBattery ? 518 : 546)),             // upsBatteryVoltage, 0.1 V
            (Ups + "2.7.0", SnmpValue.Int(24)),                                // upsBatteryTemperature, °C
            (Ups + "3.2.0", SnmpValue.Int(1)),                                 // upsInputNumLines
            (Ups + "3.3.1.2.1", SnmpValue.Int(onBattery ? 0 : 500)),           // upsInputFrequency, 0.1 Hz
            (Ups + "3.3.1.3.1", SnmpValue.Int(onBattery ? 0 : 231)),           // upsInputVoltage, V
            (Ups + "4.1.0", SnmpValue.Int(onBattery ? 5 : 3)),                 // upsOutputSource: battery(5) / normal(3)
            (Ups + "4.2.0", SnmpValue.Int(500)),                               // upsOutputFrequency, 0.1 Hz
            (Ups + "4.3.0", SnmpValue.Int(1)),                                 // upsOutputNumLines
            (Ups + "4.4.1.2.1", SnmpValue.Int(230)),                           // upsOutputVoltage, V
            (Ups + "4.4.1.3.1", SnmpValue.Int(41)),                            // upsOutputCurrent, 0.1 A
            (Ups + "4.4.1.4.1", SnmpValue.Int(880)),                           // upsOutputPower, W
            (Ups + "4.4.1.5.1", SnmpValue.Int(31)),                            // upsOutputPercentLoad, %
            (Ups + "6.1.0", new SnmpValue(SnmpType.Gauge32, Number: onBattery ? 1 : 0)), // upsAlarmsPresent
            .. onBattery ? [(Ups + "6.2.1.2.1", new SnmpValue(SnmpType.ObjectIdentifier, OidValue: Oid.Parse(Ups + "6.3.2")))] : Array.Empty<(string, SnmpValue)>(),
            (Ups + "7.3.0", SnmpValue.Int(1)),                                 // upsTestResultsSummary: donePass(1)
        ]);
    }

    internal static IReadOnlyList<VarBind> Sorted(IEnumerable<(string Oid, SnmpValue Value)> records) =>
        [.. records.Select(r => new VarBind(Oid.Parse(r.Oid), r.Value)).OrderBy(v => v.Oid)];
}
