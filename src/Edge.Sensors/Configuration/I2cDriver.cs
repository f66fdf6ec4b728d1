namespace Edge.Sensors.Configuration;

/// <summary>An I2C sensor driver of the configuration: its name, default address and the addresses the chip can have.</summary>
internal sealed record I2cDriver(string Name, string Chip, int DefaultAddress, int[] Addresses);
