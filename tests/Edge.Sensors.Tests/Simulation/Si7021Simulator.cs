using Edge.Sensors.I2c;

namespace Edge.Sensors.Tests.Simulation;

/// <summary>
/// Si7021 (datasheet §5–6), or with <c>htu21d</c> the TE HTU21D. Hold-master commands (0xE5/0xE3) stretch the clock
/// until done (modelled as answering at once); no-hold commands (0xF5/0xF3) NACK reads until done. An Si7021 RH
/// conversion includes a temperature conversion (12 + 10.8 ms); HTU21D RH 16 ms, T 50 ms. Frames are MSB, LSB (two
/// status bits: bit 1 set for RH), CRC-8 poly 0x31 init 0x00. User register 1 resets to 0x3A (bit 2 = heater).
/// </summary>
public sealed class Si7021Simulator(TimeProvider time, bool htu21d = false) : SimulatedChip(time)
{
    private readonly byte[] _response = new byte[3];
    private int _length;
    private DateTimeOffset _readyAt;
    private ushort _lastRhTemperature;

    public byte UserRegister { get; private set; } = 0x3A;

    public bool HeaterOn => (UserRegister & 0x04) != 0;

    /// <summary>Reads issued while a no-hold conversion was still running (each NACKed).</summary>
    public int EarlyReads { get; private set; }

    public TimeSpan RhConversion => TimeSpan.FromMilliseconds(htu21d ? 16 : 22.8);

    public TimeSpan TemperatureConversion => TimeSpan.FromMilliseconds(htu21d ? 50 : 10.8);

    public void TurnHeaterOn() => UserRegister |= 0x04;

    public static ushort RhCode(double rh) => (ushort)((Clamp16((rh + 6) * 65536 / 125) & 0xFFFC) | 0x02);

    public static ushort TemperatureCode(double c) => (ushort)(Clamp16((c + 46.85) * 65536 / 175.72) & 0xFFFC);

    protected override void OnWrite(ReadOnlySpan<byte> data)
    {
        switch (data[0])
        {
            case 0xE5 or 0xF5:
                _lastRhTemperature = TemperatureCode(TemperatureC);
                Respond(RhCode(HumidityPct), 3, data[0] == 0xE5 ? TimeSpan.Zero : RhConversion);
                break;
            case 0xE3 or 0xF3:
                Respond(TemperatureCode(TemperatureC), 3, data[0] == 0xE3 ? TimeSpan.Zero : TemperatureConversion);
                break;
            case 0xE0 when !htu21d:
                Respond(_lastRhTemperature, 2, TimeSpan.Zero);
                break;
            case 0xFE:
                UserRegister = 0x3A;
                _length = 0;
                break;
            case 0xE7:
                _response[0] = UserRegister;
                _length = 1;
                _readyAt = Now;
                break;
            case 0xE6 when data.Length == 2:
                // Bits 7, 2 and 0 are writable; the rest are reserved or status (§6, user register 1).
                UserRegister = (byte)((UserRegister & ~0x85) | (data[1] & 0x85));
                break;
            case 0x84 when !htu21d && data.Length == 2 && data[1] == 0xB8:
                _response[0] = 0x20;
                _length = 1;
                _readyAt = Now;
                break;
            default:
                Nack();
                break;
        }
    }

    private void Respond(ushort code, int length, TimeSpan after)
    {
        if (TakeShift())
            code = (ushort)(code << 1);
        _response[0] = (byte)(code >> 8);
        _response[1] = (byte)code;
        _response[2] = Crc8.Compute(_response.AsSpan(0, 2), Crc8.Si70xxInit);
        if (TakeCorruption())
            _response[2] ^= 0x5A;
        _length = length;
        _readyAt = StayBusy ? DateTimeOffset.MaxValue : Now + after;
    }

    protected override void OnRead(Span<byte> buffer)
    {
        if (_length == 0)
            Nack();
        if (Now < _readyAt)
        {
            EarlyReads++;
            Nack();
        }
        var n = Math.Min(buffer.Length, _length);
        _response.AsSpan(0, n).CopyTo(buffer);
        buffer[n..].Fill(0xFF);
        _length = 0;
    }

    protected override void OnPowerOn()
    {
        UserRegister = 0x3A;
        _length = 0;
    }
}
