using System.Device.Gpio.Drivers;

namespace Edge.Sensors.Bus;

/// <summary>
/// BCM2835…2711 (Pi 2, 3, 4, Zero 2 W): GPIO2/3 are SDA1/SCL1 in alternate function 0 (BCM2835 ARM Peripherals
/// §6.2, "Alternative Function Assignments"). The Pi 5's GPIOs sit in the RP1 chip, which this driver does not
/// reach; there <see cref="RestoreI2cFunction"/> throws and the bus clear is reported as unavailable.
/// </summary>
internal sealed class RaspberryPiI2cPins(RaspberryPi3Driver driver) : II2cPinFunction
{
    public void RestoreI2cFunction(int pin) => driver.SetAlternatePinMode(pin, RaspberryPi3Driver.AltMode.Alt0);
}
