using Edge.Snmp.Protocol;

namespace Edge.Demo;

/// <summary>
/// The demo's rack PDU: a hand-written APC rPDU2 (PowerNet-MIB) recording of a single-phase, two-bank metered PDU
/// with a temperature/humidity probe. Bank 2 carries a batch job that peaks over 10 A for about 20 s every 90 s, so
/// the demo's <c>bank</c> rule triggers and resolves too. Scaling as the MIB has it: power in 0.01 kW, currents and
/// temperature in tenths.
/// </summary>
internal static class DemoPdu
{
    public static readonly TimeSpan BatchCycle = TimeSpan.FromSeconds(90);

    private const string Rpdu2 = "1.3.6.1.4.1.318.1.1.26.";

    public static IReadOnlyList<VarBind> Snapshot(DateTimeOffset start, DateTimeOffset now)
    {
        var t = Math.Max(0, (now - start).TotalSeconds);
        var batch = Math.Max(0, Math.Sin(2 * Math.PI * t / BatchCycle.TotalSeconds));
        var bank1 = 38 + (int)(3 * Math.Sin(t / 7));                 // 0.1 A: about 3.8 A
        var bank2 = 62 + (int)(48 * batch);                          // 0.1 A: 6.2 A, up to 11 A during the batch job
        var phase = bank1 + bank2;
        const int volts = 230;
        var centiKilowatts = phase * volts / 100;                    // 0.1 A × V is 0.1 W; the MIB counts 0.01 kW = 10 W
        var temperature = 234 + (int)(6 * Math.Sin(t / 40));         // 0.1 °C
        return DemoUps.Sorted(
        [
            ("1.3.6.1.2.1.1.1.0", SnmpValue.Str("Edge demo rack PDU (APC rPDU2)")),
            ("1.3.6.1.2.1.1.2.0", new SnmpValue(SnmpType.ObjectIdentifier, OidValue: Oid.Parse("1.3.6.1.4.1.318.1.3.4.6"))),
            (Rpdu2 + "4.3.1.5.1", SnmpValue.Int(centiKilowatts)),    // rPDU2DeviceStatusPower, 0.01 kW
            (Rpdu2 + "4.3.1.9.1", SnmpValue.Int(123456 + (int)(t / 36))), // rPDU2DeviceStatusEnergy, 0.1 kWh
            (Rpdu2 + "6.3.1.5.1", SnmpValue.Int(phase)),             // rPDU2PhaseStatusCurrent, 0.1 A
            (Rpdu2 + "6.3.1.6.1", SnmpValue.Int(volts)),             // rPDU2PhaseStatusVoltage, V
            (Rpdu2 + "6.3.1.7.1", SnmpValue.Int(centiKilowatts)),    // rPDU2PhaseStatusPower, 0.01 kW
            (Rpdu2 + "8.3.1.5.1", SnmpValue.Int(bank1)),             // rPDU2BankStatusCurrent, 0.1 A
            (Rpdu2 + "8.3.1.5.2", SnmpValue.Int(bank2)),
            (Rpdu2 + "10.2.2.1.3.1", SnmpValue.Str("Rack front")),   // rPDU2SensorTempHumidityStatusName
            (Rpdu2 + "10.2.2.1.5.1", SnmpValue.Int(2)),              // ...Type: temperatureHumidity(2)
            (Rpdu2 + "10.2.2.1.6.1", SnmpValue.Int(2)),              // ...CommStatus: commsOK(2)
            (Rpdu2 + "10.2.2.1.8.1", SnmpValue.Int(temperature)),    // ...TempC, 0.1 °C
            (Rpdu2 + "10.2.2.1.10.1", SnmpValue.Int(44)),            // ...RelativeHumidity, %
        ]);
    }
}
