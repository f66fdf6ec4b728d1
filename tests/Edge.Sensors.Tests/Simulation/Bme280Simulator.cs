namespace Edge.Sensors.Tests.Simulation;

/// <summary>
/// BME280 (datasheet §5–§8) as a register-pointer chip: a one-byte write sets the pointer, longer writes are
/// (register, value) pairs, reads auto-increment. After reset the chip sleeps and the data registers hold their reset
/// values (0x80000 / 0x80000 / 0x8000) — what a driver reads if it never triggers a measurement. Writing mode
/// forced (01/10) to ctrl_meas (0xF4) converts once: status.measuring (0xF3 bit 3) is set for the datasheet time,
/// then the data registers update and the mode returns to sleep. Calibration: the BMP280 datasheet's example
/// (§3.12) for T and P, typical values for H. The simulated ADC values are found by bisection of the datasheet's
/// double-precision compensation (§8.1), which is monotonic in each ADC value.
/// </summary>
public sealed class Bme280Simulator : SimulatedChip
{
    public const ushort DigT1 = 27504;
    public const short DigT2 = 26435, DigT3 = -1000;
    public const ushort DigP1 = 36477;
    public const short DigP2 = -10685, DigP3 = 3024, DigP4 = 2855, DigP5 = 140, DigP6 = -7, DigP7 = 15500, DigP8 = -14600, DigP9 = 6000;
    public const byte DigH1 = 75;
    public const short DigH2 = 362;
    public const byte DigH3 = 0;
    public const short DigH4 = 313, DigH5 = 50;
    public const sbyte DigH6 = 30;

    private readonly byte[] _registers = new byte[256];
    private byte _pointer;
    private DateTimeOffset _measuringUntil;
    private bool _converting;

    public Bme280Simulator(TimeProvider time, byte chipId = 0x60)
        : base(time)
    {
        ChipId = chipId;
        Reset();
    }

    public byte ChipId { get; }

    public double PressureHpa { get; set; } = 1013.25;

    /// <summary>Forced conversions performed.</summary>
    public int Conversions { get; private set; }

    /// <summary>Datasheet appendix B: 1.25 + 2.3·T + (2.3·P + 0.575) + (2.3·H + 0.575) ms at ×1 oversampling.</summary>
    public static TimeSpan ConversionTime => TimeSpan.FromMilliseconds(9.3);

    public byte Register(byte address)
    {
        Tick();
        return _registers[address];
    }

    private void Reset()
    {
        Array.Clear(_registers);
        _registers[0xD0] = ChipId;
        PutU16(0x88, DigT1);
        PutU16(0x8A, (ushort)DigT2);
        PutU16(0x8C, unchecked((ushort)DigT3));
        PutU16(0x8E, DigP1);
        short[] p = [DigP2, DigP3, DigP4, DigP5, DigP6, DigP7, DigP8, DigP9];
        for (var i = 0; i < p.Length; i++)
            PutU16((byte)(0x90 + 2 * i), (ushort)p[i]);
        _registers[0xA1] = DigH1;
        PutU16(0xE1, (ushort)DigH2);
        _registers[0xE3] = DigH3;
        // H4 = E4[7:0]<<4 | E5[3:0]; H5 = E6[7:0]<<4 | E5[7:4] (datasheet Table 16).
        _registers[0xE4] = (byte)(DigH4 >> 4);
        _registers[0xE5] = (byte)((DigH4 & 0x0F) | ((DigH5 & 0x0F) << 4));
        _registers[0xE6] = (byte)(DigH5 >> 4);
        _registers[0xE7] = (byte)DigH6;
        PutData(0x80000, 0x80000, 0x8000);
        _converting = false;
    }

    private void PutU16(byte at, ushort value)
    {
        _registers[at] = (byte)value;
        _registers[at + 1] = (byte)(value >> 8);
    }

    private void PutData(int adcP, int adcT, int adcH)
    {
        _registers[0xF7] = (byte)(adcP >> 12);
        _registers[0xF8] = (byte)(adcP >> 4);
        _registers[0xF9] = (byte)((adcP & 0x0F) << 4);
        _registers[0xFA] = (byte)(adcT >> 12);
        _registers[0xFB] = (byte)(adcT >> 4);
        _registers[0xFC] = (byte)((adcT & 0x0F) << 4);
        _registers[0xFD] = (byte)(adcH >> 8);
        _registers[0xFE] = (byte)adcH;
    }

    /// <summary>Finishes a conversion whose time has passed: data registers updated, mode back to sleep.</summary>
    private void Tick()
    {
        if (_converting && !StayBusy && Now >= _measuringUntil)
        {
            _converting = false;
            var adcT = AdcTemperature(TemperatureC);
            var tFine = TFine(adcT);
            PutData(AdcPressure(PressureHpa * 100, tFine), adcT, AdcHumidity(HumidityPct, tFine));
            _registers[0xF4] &= 0xFC;
        }
        _registers[0xF3] = (byte)(_converting ? 0x08 : 0x00);
    }

    protected override void OnWrite(ReadOnlySpan<byte> data)
    {
        Tick();
        _pointer = data[0];
        for (var i = 0; i + 1 < data.Length; i += 2)
        {
            var register = data[i];
            var value = data[i + 1];
            switch (register)
            {
                case 0xE0 when value == 0xB6:
                    Reset();
                    break;
                case 0xF4:
                    _registers[0xF4] = value;
                    if ((value & 0x03) is 0x01 or 0x02)
                    {
                        Conversions++;
                        _converting = true;
                        _measuringUntil = Now + ConversionTime;
                    }
                    break;
                case 0xF2 or 0xF5:
                    _registers[register] = value;
                    break;
            }
        }
        Tick();
    }

    protected override void OnRead(Span<byte> buffer)
    {
        Tick();
        for (var i = 0; i < buffer.Length; i++)
            buffer[i] = _registers[(byte)(_pointer + i)];
    }

    protected override void OnPowerOn() => Reset();

    // Datasheet §8.1, double precision.
    public static double TFine(int adcT)
    {
        var var1 = (adcT / 16384.0 - DigT1 / 1024.0) * DigT2;
        var d = adcT / 131072.0 - DigT1 / 8192.0;
        var var2 = d * d * DigT3;
        return var1 + var2;
    }

    public static double Temperature(int adcT) => TFine(adcT) / 5120.0;

    public static double PressurePa(int adcP, double tFine)
    {
        var var1 = tFine / 2.0 - 64000.0;
        var var2 = var1 * var1 * DigP6 / 32768.0;
        var2 += var1 * DigP5 * 2.0;
        var2 = var2 / 4.0 + DigP4 * 65536.0;
        var1 = (DigP3 * var1 * var1 / 524288.0 + DigP2 * var1) / 524288.0;
        var1 = (1.0 + var1 / 32768.0) * DigP1;
        if (var1 == 0)
            return 0;
        var p = 1048576.0 - adcP;
        p = (p - var2 / 4096.0) * 6250.0 / var1;
        var1 = DigP9 * p * p / 2147483648.0;
        var2 = p * DigP8 / 32768.0;
        return p + (var1 + var2 + DigP7) / 16.0;
    }

    public static double Humidity(int adcH, double tFine)
    {
        var h = tFine - 76800.0;
        h = (adcH - (DigH4 * 64.0 + DigH5 / 16384.0 * h)) * (DigH2 / 65536.0 * (1.0 + DigH6 / 67108864.0 * h * (1.0 + DigH3 / 67108864.0 * h)));
        h *= 1.0 - DigH1 * h / 524288.0;
        return Math.Clamp(h, 0, 100);
    }

    public static int AdcTemperature(double c) => Bisect(0, 0xFFFFF, Quantity.Temperature, c, 0);

    // Pressure falls as adc_P rises.
    public static int AdcPressure(double pa, double tFine) => Bisect(0, 0xFFFFF, Quantity.Pressure, pa, tFine);

    public static int AdcHumidity(double rh, double tFine) => Bisect(0, 0xFFFF, Quantity.Humidity, rh, tFine);

    private enum Quantity { Temperature, Pressure, Humidity }

    /// <summary>
    /// The smallest ADC value in [lo, hi] that reaches <paramref name="target"/> (each formula is monotonic). No
    /// delegate: the simulator runs inside the allocation test's measurement, so it must not allocate either.
    /// </summary>
    private static int Bisect(int lo, int hi, Quantity quantity, double target, double tFine)
    {
        while (lo < hi)
        {
            var mid = lo + (hi - lo) / 2;
            var reached = quantity switch
            {
                Quantity.Temperature => Temperature(mid) >= target,
                Quantity.Pressure => PressurePa(mid, tFine) <= target,
                _ => Humidity(mid, tFine) >= target,
            };
            if (reached)
                hi = mid;
            else
                lo = mid + 1;
        }
        return lo;
    }
}
