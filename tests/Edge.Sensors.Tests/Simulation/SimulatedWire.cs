namespace Edge.Sensors.Tests.Simulation;

/// <summary>
/// The two wires of a bus, shared by the simulated I2C controller and the simulated GPIO driver: whether a slave
/// holds SDA low (it lost sync mid-byte after a glitch and waits for clocks to finish "its" byte), whether the pins
/// are in their I2C function, and what a bus clear did to them.
/// </summary>
public sealed class SimulatedWire
{
    private int _clocksUntilRelease;
    private bool _untilPowerCycle;

    public bool SlaveHoldsSda { get; private set; }

    public bool SdaIsI2c { get; set; } = true;

    public bool SclIsI2c { get; set; } = true;

    public int ClockPulses { get; private set; }

    public int Stops { get; private set; }

    public bool TransfersWork => SdaIsI2c && SclIsI2c && !SlaveHoldsSda;

    /// <summary>A slave holds SDA low until it has seen <paramref name="clocksUntilRelease"/> clock pulses (at most 9 for a byte plus ACK).</summary>
    public void HoldSdaLow(int clocksUntilRelease)
    {
        SlaveHoldsSda = true;
        _clocksUntilRelease = clocksUntilRelease;
        _untilPowerCycle = false;
    }

    /// <summary>A slave wedged so badly that only removing its power frees SDA.</summary>
    public void HoldSdaLowUntilPowerCycle()
    {
        SlaveHoldsSda = true;
        _untilPowerCycle = true;
    }

    public void SclRisingEdge()
    {
        ClockPulses++;
        if (SlaveHoldsSda && !_untilPowerCycle && --_clocksUntilRelease <= 0)
            SlaveHoldsSda = false;
    }

    public void Stop() => Stops++;

    public void SlavePowerCycled()
    {
        if (_untilPowerCycle)
            SlaveHoldsSda = false;
    }
}
