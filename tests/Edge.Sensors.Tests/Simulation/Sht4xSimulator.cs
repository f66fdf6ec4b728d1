namespace Edge.Sensors.Tests.Simulation;

/// <summary>
/// SHT40/41/45 (datasheet §4): one-byte commands; a measurement NACKs reads until done (8.3 / 4.5 / 1.6 ms high /
/// medium / low); 0x89 returns the serial number as two CRC'd words; heater commands measure with the heater on
/// (counted, so a test can prove the driver never uses them). Unknown commands are NACKed.
/// </summary>
public sealed class Sht4xSimulator(TimeProvider time) : SensirionSimulator(time)
{
    public uint Serial { get; set; } = 0x1234_5678;

    public int HeaterPulses { get; private set; }

    public static ushort RawTemperature(double c) => Clamp16((c + 45) * 65535 / 175);

    public static ushort RawHumidity(double rh) => Clamp16((rh + 6) * 65535 / 125);

    protected override void OnWrite(ReadOnlySpan<byte> data)
    {
        if (data.Length != 1)
            Unknown();
        switch (data[0])
        {
            case 0xFD or 0xF6 or 0xE0:
                var ms = data[0] switch { 0xFD => 8.3, 0xF6 => 4.5, _ => 1.6 };
                Respond(RawTemperature(TemperatureC), RawHumidity(HumidityPct), TimeSpan.FromMilliseconds(ms));
                break;
            case 0x94:
                ClearResponse();
                break;
            case 0x89:
                Respond((ushort)(Serial >> 16), (ushort)Serial, TimeSpan.FromMilliseconds(0.2), measurement: false);
                break;
            case 0x39 or 0x32 or 0x2F or 0x24 or 0x1E or 0x15:
                HeaterPulses++;
                Respond(RawTemperature(TemperatureC + 5), RawHumidity(HumidityPct), TimeSpan.FromMilliseconds(110));
                break;
            default:
                Unknown();
                break;
        }
    }
}
