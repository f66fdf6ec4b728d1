using System.Device.Gpio;

namespace Edge.Tests.Maintenance;

/// <summary>
/// The Pi's GPIO as the maintenance button sees it: a push button from one pin to GND, read through the pin's internal
/// pull-up (high when open, low while pressed; floating, i.e. unreadable, without the pull-up), and an LED on another
/// pin whose level the test reads back. A bouncing contact is the test setting <see cref="Pressed"/> back and forth.
/// </summary>
public sealed class SimulatedButtonPins(int buttonPin) : GpioDriver
{
    private readonly Dictionary<int, PinMode> _modes = [];
    private readonly Dictionary<int, PinValue> _latches = [];

    public bool Pressed { get; set; }

    public PinValue? Latch(int pin) => _modes.TryGetValue(pin, out var mode) && mode == PinMode.Output ? _latches.GetValueOrDefault(pin, PinValue.Low) : null;

    public PinMode? ModeOf(int pin) => _modes.TryGetValue(pin, out var mode) ? mode : null;

    protected override int PinCount => 28;

    protected override void OpenPin(int pinNumber) => _modes[pinNumber] = PinMode.Input;

    protected override void ClosePin(int pinNumber) => _modes.Remove(pinNumber);

    protected override void SetPinMode(int pinNumber, PinMode mode) => _modes[pinNumber] = mode;

    protected override PinMode GetPinMode(int pinNumber) => _modes.GetValueOrDefault(pinNumber, PinMode.Input);

    protected override bool IsPinModeSupported(int pinNumber, PinMode mode) => mode is PinMode.Input or PinMode.InputPullUp or PinMode.InputPullDown or PinMode.Output;

    protected override PinValue Read(int pinNumber)
    {
        if (pinNumber != buttonPin)
            return _latches.GetValueOrDefault(pinNumber, PinValue.Low);
        if (GetPinMode(pinNumber) != PinMode.InputPullUp)
            throw new InvalidOperationException($"GPIO{pinNumber} floats without its pull-up: the button only ever pulls it to GND");
        return Pressed ? PinValue.Low : PinValue.High;
    }

    protected override void Write(int pinNumber, PinValue value) => _latches[pinNumber] = value;

    protected override WaitForEventResult WaitForEvent(int pinNumber, PinEventTypes eventTypes, CancellationToken cancellationToken) =>
        throw new NotSupportedException("the button is polled");

    protected override void AddCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback) =>
        throw new NotSupportedException("the button is polled");

    protected override void RemoveCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback) =>
        throw new NotSupportedException("the button is polled");
}
