namespace Edge.Sensors.Tests.Simulation;

/// <summary>
/// SHT30/31/35 (datasheet §4): 16-bit commands; single shot without clock stretching NACKs reads until the
/// conversion is done (15 / 6 / 4 ms for high / medium / low repeatability); with stretching the read waits (here:
/// answers at once). Status register: bit 13 heater, bit 4 reset detected. Unknown commands are NACKed.
/// </summary>
public sealed class Sht3xSimulator(TimeProvider time) : SensirionSimulator(time)
{
    private const int HeaterBit = 1 << 13;
    private const int ResetBit = 1 << 4;

    public ushort Status { get; private set; } = ResetBit;

    public bool HeaterOn => (Status & HeaterBit) != 0;

    /// <summary>Measurements started (single shots), to check the rate limit.</summary>
    public int Measurements { get; private set; }

    /// <summary>For a test: a heater left on by a previous owner of the chip.</summary>
    public void TurnHeaterOn() => Status |= HeaterBit;

    public static ushort RawTemperature(double c) => Clamp16((c + 45) * 65535 / 175);

    public static ushort RawHumidity(double rh) => Clamp16(rh * 65535 / 100);

    protected override void OnWrite(ReadOnlySpan<byte> data)
    {
        if (data.Length != 2)
            Unknown();
        var command = (ushort)(data[0] << 8 | data[1]);
        switch (command)
        {
            case 0x2400 or 0x240B or 0x2416:
                Measurements++;
                var ms = command switch { 0x2400 => 15.0, 0x240B => 6.0, _ => 4.0 };
                Respond(RawTemperature(TemperatureC), RawHumidity(HumidityPct), TimeSpan.FromMilliseconds(ms));
                break;
            case 0x2C06 or 0x2C0D or 0x2C10:
                Measurements++;
                Respond(RawTemperature(TemperatureC), RawHumidity(HumidityPct), TimeSpan.Zero);
                break;
            case 0x30A2:
                Status = ResetBit;
                ClearResponse();
                break;
            case 0x306D:
                Status |= HeaterBit;
                break;
            case 0x3066:
                Status = (ushort)(Status & ~HeaterBit);
                break;
            case 0xF32D:
                RespondWord(Status, TimeSpan.Zero);
                break;
            case 0x3041:
                Status = (ushort)(Status & HeaterBit);
                break;
            default:
                Unknown();
                break;
        }
    }

    protected override void OnPowerOn()
    {
        base.OnPowerOn();
        Status = ResetBit;
    }
}
