using Edge.Sensors.I2c;

namespace Edge.Sensors.Tests.Simulation;

/// <summary>
/// AHT20 (datasheet §5): every read returns the status byte (bit 7 busy, bit 3 calibrated, bit 4 set after
/// power-on) followed by the latest humidity/temperature (20 bits each) and a CRC (poly 0x31, init 0xFF over six
/// bytes). 0xAC 0x33 0x00 triggers an 80 ms conversion; 0xBE 0x08 0x00 initializes (calibration bit); 0xBA resets;
/// 0x71 is the status "command" and changes nothing.
/// </summary>
public sealed class Aht20Simulator(TimeProvider time) : SimulatedChip(time)
{
    private readonly byte[] _frame = new byte[7];
    private DateTimeOffset _busyUntil;
    private int _rawH, _rawT;

    public bool Calibrated { get; private set; } = true;

    /// <summary>Power-on state of the calibration bit (some modules come up uncalibrated and need 0xBE).</summary>
    public bool CalibratedAtPowerOn { get; set; } = true;

    public int Triggers { get; private set; }

    public int StatusReads { get; private set; }

    public static TimeSpan ConversionTime => TimeSpan.FromMilliseconds(80);

    public void Uncalibrate() => Calibrated = false;

    public static int RawHumidity(double rh) => (int)Math.Clamp(Math.Round(rh / 100 * 1048576), 0, 0xFFFFF);

    public static int RawTemperature(double c) => (int)Math.Clamp(Math.Round((c + 50) / 200 * 1048576), 0, 0xFFFFF);

    private bool Busy => StayBusy || Now < _busyUntil;

    protected override void OnWrite(ReadOnlySpan<byte> data)
    {
        switch (data[0])
        {
            case 0xAC when data.Length == 3 && data[1] == 0x33 && data[2] == 0x00:
                Triggers++;
                _busyUntil = Now + ConversionTime;
                _rawH = RawHumidity(HumidityPct);
                _rawT = RawTemperature(TemperatureC);
                if (TakeShift())
                {
                    _rawH = (_rawH << 1) & 0xFFFFF;
                    _rawT = (_rawT << 1) & 0xFFFFF;
                }
                break;
            case 0xBE when data.Length == 3:
                Calibrated = true;
                break;
            case 0xE1 when data.Length == 3:
                Calibrated = true;
                break;
            case 0xBA:
                _busyUntil = Now + TimeSpan.FromMilliseconds(20);
                Calibrated = CalibratedAtPowerOn || Calibrated;
                break;
            case 0x71:
                break;
            default:
                Nack();
                break;
        }
    }

    protected override void OnRead(Span<byte> buffer)
    {
        StatusReads++;
        _frame[0] = (byte)((Busy ? 0x80 : 0) | (Calibrated ? 0x08 : 0) | 0x10);
        _frame[1] = (byte)(_rawH >> 12);
        _frame[2] = (byte)(_rawH >> 4);
        _frame[3] = (byte)((_rawH & 0x0F) << 4 | (_rawT >> 16));
        _frame[4] = (byte)(_rawT >> 8);
        _frame[5] = (byte)_rawT;
        _frame[6] = Crc8.Compute(_frame.AsSpan(0, 6));
        if (buffer.Length >= 7 && !Busy && TakeCorruption())
            _frame[6] ^= 0x5A;
        var n = Math.Min(buffer.Length, 7);
        _frame.AsSpan(0, n).CopyTo(buffer);
        buffer[n..].Fill(0xFF);
    }

    protected override void OnPowerOn()
    {
        Calibrated = CalibratedAtPowerOn;
        _rawH = _rawT = 0;
        _busyUntil = Now + TimeSpan.FromMilliseconds(40);
    }
}
