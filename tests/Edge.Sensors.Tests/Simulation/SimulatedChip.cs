using Edge.Sensors.I2c;

namespace Edge.Sensors.Tests.Simulation;

/// <summary>
/// A chip on a simulated bus: it sees each write and read transaction as the I2C controller delivers it and throws the
/// Linux NACK (error 121) where the real chip would not acknowledge. Common fault knobs live here; each chip decides
/// what they mean on its wire.
/// </summary>
public abstract class SimulatedChip(TimeProvider time)
{
    protected TimeProvider Time { get; } = time;

    protected DateTimeOffset Now => Time.GetUtcNow();

    /// <summary>False: the chip is unplugged or dead and acknowledges nothing.</summary>
    public bool Present { get; set; } = true;

    /// <summary>False while its supply (a power pin) is off.</summary>
    public bool Powered { get; private set; } = true;

    /// <summary>The next N data frames carry a wrong checksum.</summary>
    public int CorruptNextFrames { get; set; }

    /// <summary>The next N frames have their raw words shifted left one bit, with checksums that match (as a chip would compute them).</summary>
    public int ShiftNextFrames { get; set; }

    /// <summary>The chip never finishes a measurement.</summary>
    public bool StayBusy { get; set; }

    /// <summary>Temperature the chip measures, °C.</summary>
    public double TemperatureC { get; set; } = 23.5;

    /// <summary>Relative humidity the chip measures, %.</summary>
    public double HumidityPct { get; set; } = 41.2;

    /// <summary>Every transaction the chip acknowledged, for tests that check what went over the wire.</summary>
    public int Transactions { get; private set; }

    public void Write(ReadOnlySpan<byte> data)
    {
        if (!Present || !Powered)
            throw I2cErrors.NackException();
        OnWrite(data);
        Transactions++;
    }

    public void Read(Span<byte> buffer)
    {
        if (!Present || !Powered)
            throw I2cErrors.NackException();
        OnRead(buffer);
        Transactions++;
    }

    public void PowerOff() => Powered = false;

    public void PowerOn()
    {
        if (Powered)
            return;
        Powered = true;
        OnPowerOn();
    }

    protected abstract void OnWrite(ReadOnlySpan<byte> data);

    protected abstract void OnRead(Span<byte> buffer);

    /// <summary>Power-on reset: registers to their datasheet reset values.</summary>
    protected abstract void OnPowerOn();

    protected static void Nack() => throw I2cErrors.NackException();

    protected bool TakeCorruption()
    {
        if (CorruptNextFrames <= 0)
            return false;
        CorruptNextFrames--;
        return true;
    }

    protected bool TakeShift()
    {
        if (ShiftNextFrames <= 0)
            return false;
        ShiftNextFrames--;
        return true;
    }

    protected static ushort Clamp16(double value) => (ushort)Math.Clamp(Math.Round(value), 0, 65535);
}
