using System.Globalization;
using Edge.Core.Readings;
using Edge.Core.Sources;

namespace Edge.Sensors.Hwmon;

/// <summary>
/// A Linux hwmon directory (the kernel's own sensor drivers): <c>temp1_input</c> in millidegrees Celsius and
/// <c>humidity1_input</c> in milli-percent (Documentation/hwmon/sysfs-interface.rst). A missing or unreadable
/// file makes the sensor unreachable; it never stops the daemon and never repeats an old value.
/// </summary>
internal sealed class HwmonSensor(string id, string directory, TimeSpan interval, double offset, TimeProvider time) : IReadingSource
{
    private readonly string _temperatureFile = Path.Combine(directory, "temp1_input");
    private readonly string _humidityFile = Path.Combine(directory, "humidity1_input");

    public string Id => id;
    public TimeSpan Interval => interval;

    public ValueTask PollAsync(IReadingSink sink, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var temperature = ReadMilli(_temperatureFile);
        var humidity = File.Exists(_humidityFile) ? ReadMilli(_humidityFile) : null;
        if (temperature is { } t)
            sink.Write(new Reading(id, Metrics.TemperatureC, t + offset, now));
        if (humidity is { } h && h is >= 0 and <= 100)
            sink.Write(new Reading(id, Metrics.HumidityPct, h, now));
        sink.Write(new Reading(id, Metrics.Reachable, temperature is null ? 0 : 1, now));
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// A file that is not there (the device went away) or not ours to read is no reading. Any other failure (the
    /// driver's EIO, the process out of descriptors) propagates: the poller logs it once and the sensor reads as
    /// unreachable until a read works again.
    /// </summary>
    private static double? ReadMilli(string file)
    {
        try
        {
            var text = File.ReadAllText(file).Trim();
            return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var milli) ? milli / 1000.0 : null;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
