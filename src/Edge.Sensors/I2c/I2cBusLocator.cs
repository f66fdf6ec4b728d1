namespace Edge.Sensors.I2c;

/// <summary>Where Linux puts I2C buses (/dev/i2c-N, from the i2c-dev module) and what to say when one is missing.</summary>
public static class I2cBusLocator
{
    public const string DefaultDeviceDirectory = "/dev";

    public static string DevicePath(int bus, string deviceDirectory = DefaultDeviceDirectory) => Path.Combine(deviceDirectory, $"i2c-{bus}");

    public static bool Exists(int bus, string deviceDirectory = DefaultDeviceDirectory) => File.Exists(DevicePath(bus, deviceDirectory));

    public static string Missing(int bus, string deviceDirectory = DefaultDeviceDirectory) =>
        $"no I2C bus {bus} on this machine: {DevicePath(bus, deviceDirectory)} does not exist (on a Pi: sudo raspi-config nonint do_i2c 0, or dtparam=i2c_arm=on in /boot/firmware/config.txt and a reboot; see hardware.md)";
}
