using System.CommandLine;
using Edge.Commands;

namespace Edge.Tests;

/// <summary>On a machine without /dev/i2c-N (this one, and every build machine) both commands say so in one line and exit 1.</summary>
public class SensorsCommandTests
{
    private static (int Exit, string Out, string Err) Run(string deviceDirectory, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var root = new RootCommand { SensorsCommand.Create(output, error, deviceDirectory) };
        root.Options.Add(CommonOptions.Config);
        root.Options.Add(CommonOptions.StateDir);
        var exit = root.Parse(args).Invoke();
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public void Scan_on_this_machine_prints_one_clear_no_bus_line_and_exits_1()
    {
        Assert.False(File.Exists("/dev/i2c-1"), "this test describes a machine without I2C");

        var (exit, output, error) = Run("/dev", "sensors", "scan");

        Assert.Equal(1, exit);
        Assert.Equal("", output);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("edge sensors scan: no I2C bus 1 on this machine: /dev/i2c-1 does not exist", line);
    }

    [Fact]
    public void Scan_names_the_bus_it_was_asked_for()
    {
        using var empty = new TempDir();
        var (exit, _, error) = Run(empty.Path, "sensors", "scan", "--bus", "3");
        Assert.Equal(1, exit);
        Assert.Contains($"{empty.Path}/i2c-3 does not exist", error);
    }

    [Fact]
    public void Read_with_an_i2c_sensor_configured_prints_one_clear_no_bus_line_and_exits_1()
    {
        using var empty = new TempDir();
        var config = empty.File("edge.json", """
            { "appliance": { "id": "t1" },
              "sensors": [ { "id": "top", "driver": "sht3x" }, { "id": "bottom", "driver": "bme280", "address": "0x77" } ] }
            """);

        var (exit, output, error) = Run(empty.Path, "sensors", "read", "--config", config);

        Assert.Equal(1, exit);
        Assert.Equal("", output);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("edge sensors read: no I2C bus 1 on this machine", line);
    }
}
