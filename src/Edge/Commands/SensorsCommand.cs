using System.CommandLine;
using System.Device.I2c;
using System.Globalization;
using Edge.Configuration;
using Edge.Core.Readings;
using Edge.Core.Sources;
using Edge.Sensors;
using Edge.Sensors.Bus;
using Edge.Sensors.I2c;
using Edge.Sensors.Scan;

namespace Edge.Commands;

/// <summary>
/// <c>edge sensors scan [--bus N]</c>: which addresses answer and what chip each looks like.
/// <c>edge sensors read</c>: one reading of every configured sensor. Without /dev/i2c-N both say so in one line, exit 1.
/// </summary>
internal static class SensorsCommand
{
    public static Command Create(TextWriter? output = null, TextWriter? error = null, string deviceDirectory = I2cBusLocator.DefaultDeviceDirectory)
    {
        var outWriter = output ?? Console.Out;
        var errWriter = error ?? Console.Error;
        var busOption = new Option<int>("--bus") { Description = "the I2C bus number N of /dev/i2c-N", DefaultValueFactory = _ => 1 };
        var scan = new Command("scan", "list the I2C addresses that answer and the chip each looks like") { busOption };
        scan.SetAction(async (parse, cancel) =>
        {
            var bus = parse.GetValue(busOption);
            if (!I2cBusLocator.Exists(bus, deviceDirectory))
            {
                errWriter.WriteLine($"edge sensors scan: {I2cBusLocator.Missing(bus, deviceDirectory)}");
                return ExitCodes.Failure;
            }
            try
            {
                using var i2c = I2cBus.Create(bus);
                var hits = await BusScanner.ScanAsync(i2c, TimeProvider.System, cancel);
                foreach (var hit in hits)
                    outWriter.WriteLine($"0x{hit.Address:x2}  {hit.Chip}");
                outWriter.WriteLine($"bus {bus}: {hits.Count} address{(hits.Count == 1 ? "" : "es")} answered");
                return ExitCodes.Ok;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                errWriter.WriteLine($"edge sensors scan: cannot use {I2cBusLocator.DevicePath(bus, deviceDirectory)}: {e.Message} (is the user in group i2c?)");
                return ExitCodes.Failure;
            }
        });

        var read = new Command("read", "read every configured sensor once");
        read.SetAction(async (parse, cancel) =>
        {
            var result = EdgeConfigLoader.Load(parse.GetValue(CommonOptions.Config)!, parse.GetValue(CommonOptions.StateDir));
            if (!result.IsValid)
            {
                foreach (var problem in result.Problems)
                    errWriter.WriteLine(problem);
                return ExitCodes.Invalid;
            }
            var config = result.Config!;
            var missing = config.Sensors.Where(s => s.IsI2c).Select(s => s.Bus).Distinct().FirstOrDefault(b => !I2cBusLocator.Exists(b, deviceDirectory), -1);
            if (missing >= 0)
            {
                errWriter.WriteLine($"edge sensors read: {I2cBusLocator.Missing(missing, deviceDirectory)}");
                return ExitCodes.Failure;
            }
            using var buses = SensorBusRegistry.ForThisMachine(TimeProvider.System);
            var failed = 0;
            foreach (var options in config.Sensors)
            {
                var source = Edge.Sensors.SensorFactory.Create(options, TimeProvider.System, buses);
                var sink = new ListSink();
                await source.PollAsync(sink, cancel);
                var where = options.IsI2c ? $"{options.Driver} bus {options.Bus} 0x{options.Address:x2}{(options.Mux is { } m ? $" via 0x{m.Address:x2} channel {m.Channel}" : "")}" : options.Driver;
                var values = sink.Readings.Where(r => r.Metric != Metrics.Reachable).Select(r => $"{r.Metric} {r.Value.ToString("0.##", CultureInfo.InvariantCulture)}").ToList();
                if (values.Count == 0)
                {
                    failed++;
                    var why = source is I2cSensor i2c ? $"{i2c.Counters.LastStatus}{(i2c.Counters.LastError is { } err ? $": {err}" : "")}" : "unreachable";
                    outWriter.WriteLine($"{options.Id,-16} {where,-28} no reading ({why})");
                }
                else
                {
                    outWriter.WriteLine($"{options.Id,-16} {where,-28} {string.Join("  ", values)}");
                }
                (source as IDisposable)?.Dispose();
            }
            return failed == 0 ? ExitCodes.Ok : ExitCodes.Failure;
        });

        var sensors = new Command("sensors", "the rack's I2C sensors: scan the bus, read the configured sensors");
        sensors.Subcommands.Add(scan);
        sensors.Subcommands.Add(read);
        return sensors;
    }

    private sealed class ListSink : IReadingSink
    {
        public List<Reading> Readings { get; } = [];

        public void Write(in Reading reading) => Readings.Add(reading);
    }
}
