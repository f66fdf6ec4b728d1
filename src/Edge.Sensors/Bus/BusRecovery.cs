using System.Device.Gpio;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Edge.Sensors.Timing;

namespace Edge.Sensors.Bus;

/// <summary>
/// Frees an I2C bus that a slave holds low, from the Pi's side, with the bus's own pins as GPIOs: the I2C-bus
/// specification's "bus clear" (NXP UM10204 §3.1.16): if SDA is stuck low, send up to nine clock pulses on SCL so the
/// slave finishes the byte it thinks it is sending, then a STOP (SDA rising while SCL is high) so every slave returns
/// to idle; then hand the pins back to the I2C controller. Both lines are driven open-drain: "high" means releasing
/// the pin to the pull-up (input mode), never driving it, so a slave that stretches the clock is not fought.
/// A slave that still holds SDA needs its power cycled (<see cref="PowerCycleAsync"/>).
/// </summary>
internal sealed class BusRecovery(GpioController gpio, II2cPinFunction pinFunction, TimeProvider time, int sdaPin = 2, int sclPin = 3, TimeSpan? powerOffTime = null, TimeSpan? powerOnTime = null) : IDisposable
{
    public const int MaxClocks = 9;

    // Standard mode is 100 kHz: 5 µs per half period. Waited by spinning on the high-resolution clock: shorter than
    // any timer or scheduler tick, and at most 9 × 2 × 5 µs per bus clear.
    private static readonly long HalfPeriodTicks = Stopwatch.Frequency / 200_000 + 1;

    // Long enough for the chips' supply capacitors to drain (breakout boards carry 0.1…10 µF), and for the slowest
    // chip to start up afterwards (AHT20 datasheet §5.4: 40 ms after power-on; SHT3x 1 ms; BME280 2 ms).
    public static readonly TimeSpan PowerOffTime = TimeSpan.FromMilliseconds(200);
    public static readonly TimeSpan PowerOnTime = TimeSpan.FromMilliseconds(50);

    // Used under the bus's lock only, so one wait at a time.
    private readonly ReusableDelay _delay = new(time);

    /// <summary>Clock pulses sent in the last clear, for the log.</summary>
    public int LastClocks { get; private set; }

    public BusClearResult Clear()
    {
        LastClocks = 0;
        try
        {
            gpio.OpenPin(sdaPin, PinMode.Input);
            gpio.OpenPin(sclPin, PinMode.Input);
            if (gpio.Read(sdaPin) == PinValue.High && gpio.Read(sclPin) == PinValue.High)
                return BusClearResult.Idle;
            for (var clock = 0; clock < MaxClocks && gpio.Read(sdaPin) == PinValue.Low; clock++)
            {
                DriveLow(sclPin);
                HalfPeriod();
                Release(sclPin);
                HalfPeriod();
                LastClocks++;
            }
            // STOP: SDA low while SCL low, SCL released, then SDA released while SCL is high.
            DriveLow(sclPin);
            DriveLow(sdaPin);
            HalfPeriod();
            Release(sclPin);
            HalfPeriod();
            Release(sdaPin);
            HalfPeriod();
            return gpio.Read(sdaPin) == PinValue.High ? BusClearResult.Cleared : BusClearResult.StillStuck;
        }
        finally
        {
            RestorePin(sdaPin);
            RestorePin(sclPin);
        }
    }

    /// <summary>Switches the sensors' supply off and on through GPIO-controlled load switches (active high).</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    public async ValueTask PowerCycleAsync(IReadOnlyList<int> powerPins, CancellationToken cancellationToken)
    {
        foreach (var pin in powerPins)
            PowerPin(pin, PinValue.Low);
        await _delay.WaitAsync(powerOffTime ?? PowerOffTime, cancellationToken).ConfigureAwait(false);
        foreach (var pin in powerPins)
            PowerPin(pin, PinValue.High);
        await _delay.WaitAsync(powerOnTime ?? PowerOnTime, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Drives a power pin; it stays open (and driven) for the daemon's life.</summary>
    public void PowerPin(int pin, PinValue value)
    {
        if (!gpio.IsPinOpen(pin))
            gpio.OpenPin(pin, PinMode.Output, value);
        else
            gpio.Write(pin, value);
    }

    private void DriveLow(int pin)
    {
        gpio.SetPinMode(pin, PinMode.Output);
        gpio.Write(pin, PinValue.Low);
    }

    private void Release(int pin) => gpio.SetPinMode(pin, PinMode.Input);

    private void RestorePin(int pin)
    {
        if (gpio.IsPinOpen(pin))
            gpio.ClosePin(pin);
        pinFunction.RestoreI2cFunction(pin);
    }

    private static void HalfPeriod()
    {
        var until = Stopwatch.GetTimestamp() + HalfPeriodTicks;
        while (Stopwatch.GetTimestamp() < until)
            Thread.SpinWait(4);
    }

    public void Dispose()
    {
        _delay.Dispose();
        gpio.Dispose();
    }
}
