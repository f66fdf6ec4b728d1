namespace Edge.Sensors.Configuration;

/// <summary>The I2C drivers and their addresses (datasheets; shared/spec/i2c-and-lcd.md §5.3).</summary>
internal static class I2cDrivers
{
    public static readonly IReadOnlyList<I2cDriver> All =
    [
        new("sht3x", "SHT3x", 0x44, [0x44, 0x45]),
        new("sht4x", "SHT4x", 0x44, [0x44, 0x45, 0x46]),
        new("shtc3", "SHTC3", 0x70, [0x70]),
        new("bme280", "BME280", 0x76, [0x76, 0x77]),
        new("si7021", "Si7021", 0x40, [0x40]),
        new("htu21d", "HTU21D", 0x40, [0x40]),
        new("aht20", "AHT20", 0x38, [0x38]),
    ];

    public static I2cDriver? Find(string driver) => All.FirstOrDefault(d => d.Name == driver);
}
