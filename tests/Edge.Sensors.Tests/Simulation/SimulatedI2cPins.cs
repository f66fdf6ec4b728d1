using System.Device.Gpio;
using Edge.Sensors.Bus;

namespace Edge.Sensors.Tests.Simulation;

/// <summary>
/// The Pi's GPIO driver as far as a bus clear and power pins need it. Opening GPIO2/3 takes them out of their I2C
/// function (the simulated controller's transfers then fail) until <see cref="RestoreI2cFunction"/>; the lines are
/// open-drain: low only where driven low (output + latch low) or, for SDA, held by a slave; a rising SCL edge clocks
/// the slave; SDA released while SCL is high is a STOP. A power pin switches the chips it feeds.
/// </summary>
public sealed class SimulatedI2cPins(SimulatedWire wire, int sdaPin = 2, int sclPin = 3) : GpioDriver, II2cPinFunction
{
    private readonly Dictionary<int, PinMode> _modes = [];
    private readonly Dictionary<int, PinValue> _latches = [];
    private readonly Dictionary<int, SimulatedChip[]> _supplies = [];

    public int PowerCycles { get; private set; }

    public void Supply(int pin, params SimulatedChip[] chips) => _supplies[pin] = chips;

    public PinMode? ModeOf(int pin) => _modes.TryGetValue(pin, out var mode) ? mode : null;

    protected override int PinCount => 28;

    private bool DrivenLow(int pin) => _modes.TryGetValue(pin, out var mode) && mode == PinMode.Output && _latches.GetValueOrDefault(pin, PinValue.High) == PinValue.Low;

    private bool SclHigh => !DrivenLow(sclPin);

    private bool SdaHigh => !DrivenLow(sdaPin) && !wire.SlaveHoldsSda;

    private void Change(int pin, Action change)
    {
        var sclBefore = SclHigh;
        var sdaDrivenBefore = DrivenLow(sdaPin);
        change();
        if (pin == sclPin && !sclBefore && SclHigh)
            wire.SclRisingEdge();
        if (pin == sdaPin && sdaDrivenBefore && !DrivenLow(sdaPin) && SclHigh && SdaHigh)
            wire.Stop();
        if (_supplies.TryGetValue(pin, out var chips))
            Supply(chips, DrivenLow(pin) || !_modes.ContainsKey(pin) ? PinValue.Low : PinValue.High);
    }

    private void Supply(SimulatedChip[] chips, PinValue value)
    {
        if (value == PinValue.Low)
        {
            foreach (var chip in chips)
                chip.PowerOff();
            return;
        }
        if (chips.Any(c => !c.Powered))
        {
            PowerCycles++;
            foreach (var chip in chips)
                chip.PowerOn();
            wire.SlavePowerCycled();
        }
    }

    protected override void OpenPin(int pinNumber)
    {
        if (pinNumber == sdaPin)
            wire.SdaIsI2c = false;
        if (pinNumber == sclPin)
            wire.SclIsI2c = false;
        _modes[pinNumber] = PinMode.Input;
    }

    protected override void ClosePin(int pinNumber) => Change(pinNumber, () => _modes.Remove(pinNumber));

    protected override void SetPinMode(int pinNumber, PinMode mode) => Change(pinNumber, () => _modes[pinNumber] = mode);

    protected override PinMode GetPinMode(int pinNumber) => _modes.GetValueOrDefault(pinNumber, PinMode.Input);

    protected override bool IsPinModeSupported(int pinNumber, PinMode mode) => mode is PinMode.Input or PinMode.Output;

    protected override PinValue Read(int pinNumber) =>
        pinNumber == sdaPin ? (SdaHigh ? PinValue.High : PinValue.Low)
        : pinNumber == sclPin ? (SclHigh ? PinValue.High : PinValue.Low)
        : _latches.GetValueOrDefault(pinNumber, PinValue.Low);

    protected override void Write(int pinNumber, PinValue value) => Change(pinNumber, () => _latches[pinNumber] = value);

    public void RestoreI2cFunction(int pin)
    {
        if (pin == sdaPin)
            wire.SdaIsI2c = true;
        if (pin == sclPin)
            wire.SclIsI2c = true;
    }

    protected override WaitForEventResult WaitForEvent(int pinNumber, PinEventTypes eventTypes, CancellationToken cancellationToken) =>
        throw new NotSupportedException("not used by a bus clear");

    protected override void AddCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback) =>
        throw new NotSupportedException("not used by a bus clear");

    protected override void RemoveCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback) =>
        throw new NotSupportedException("not used by a bus clear");
}
