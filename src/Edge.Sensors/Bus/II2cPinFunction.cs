namespace Edge.Sensors.Bus;

/// <summary>
/// Gives GPIO2/GPIO3 back to the I2C controller after a bus clear drove them as plain GPIOs. System.Device.Gpio's
/// <see cref="System.Device.Gpio.GpioController"/> only knows input/output; the function select is driver-specific
/// (<see cref="System.Device.Gpio.Drivers.RaspberryPi3Driver.SetAlternatePinMode"/> on BCM2835…2711).
/// </summary>
internal interface II2cPinFunction
{
    void RestoreI2cFunction(int pin);
}
