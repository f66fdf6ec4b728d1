using Edge.Core.Readings;
using Edge.Core.Sources;

namespace Edge.Sensors.Simulated;

/// <summary>
/// A sensor for the demo and tests without hardware: temperature drifts slowly around a base, with noise, and every
/// <see cref="SpikeEvery"/> a hot spike of +6 °C lasting <see cref="SpikeLength"/> (a door left open, a fan failing),
/// so that a rule triggers and then resolves. Humidity drifts against temperature. Seeded, so runs repeat.
/// </summary>
internal sealed class SimulatedSensor(string id, TimeSpan interval, double baseTemperature, TimeProvider time, int seed = 1) : IReadingSource
{
    public static readonly TimeSpan SpikeEvery = TimeSpan.FromSeconds(50);
    public static readonly TimeSpan SpikeStart = TimeSpan.FromSeconds(12);
    public static readonly TimeSpan SpikeLength = TimeSpan.FromSeconds(18);

    private readonly Random _noise = new(seed);
    private readonly DateTimeOffset _start = time.GetUtcNow();

    public string Id => id;
    public TimeSpan Interval => interval;

    public ValueTask PollAsync(IReadingSink sink, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var elapsed = now - _start;
        var phase = TimeSpan.FromTicks(elapsed.Ticks % SpikeEvery.Ticks);
        var spike = phase >= SpikeStart && phase < SpikeStart + SpikeLength ? 6.0 : 0.0;
        var drift = 0.8 * Math.Sin(elapsed.TotalSeconds / 40);
        var temperature = Math.Round(baseTemperature + drift + spike + (_noise.NextDouble() - 0.5) * 0.3, 2);
        var humidity = Math.Round(45 - drift * 2 - spike + (_noise.NextDouble() - 0.5), 1);
        sink.Write(new Reading(id, Metrics.TemperatureC, temperature, now));
        sink.Write(new Reading(id, Metrics.HumidityPct, humidity, now));
        sink.Write(new Reading(id, Metrics.Reachable, 1, now));
        return ValueTask.CompletedTask;
    }
}
