using Edge.Sensors.Tests.Simulation;

namespace Edge.Sensors.Tests.Support;

/// <summary>The simulated chip behind each I2C driver name.</summary>
public static class SimChips
{
    public static readonly TheoryData<string> AllDrivers = ["sht3x", "sht4x", "shtc3", "si7021", "htu21d", "aht20", "bme280"];

    /// <summary>The chips with a checksum on their frames (the BME280 has none).</summary>
    public static readonly TheoryData<string> ChecksummedDrivers = ["sht3x", "sht4x", "shtc3", "si7021", "htu21d", "aht20"];

    public static SimulatedChip Create(string driver, TimeProvider time) => driver switch
    {
        "sht3x" => new Sht3xSimulator(time),
        "sht4x" => new Sht4xSimulator(time),
        "shtc3" => new Shtc3Simulator(time),
        "si7021" => new Si7021Simulator(time),
        "htu21d" => new Si7021Simulator(time, htu21d: true),
        "aht20" => new Aht20Simulator(time),
        "bme280" => new Bme280Simulator(time),
        _ => throw new ArgumentException(driver),
    };

    public static SimulatedChip Attach(Rig rig, string driver, int? address = null)
    {
        var chip = Create(driver, rig.Time);
        rig.Bus.Attach(address ?? Edge.Sensors.Configuration.I2cDrivers.Find(driver)!.DefaultAddress, chip);
        return chip;
    }
}
