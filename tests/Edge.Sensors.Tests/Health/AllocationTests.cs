using Edge.Core.Readings;
using Edge.Sensors.Bus;
using Edge.Sensors.Configuration;
using Edge.Sensors.Tests.Simulation;
using Edge.Sensors.Tests.Support;

namespace Edge.Sensors.Tests.Health;

/// <summary>
/// What one poll allocates once warmed up: nothing, for every driver. Measured on this thread, which runs the whole
/// poll: the clock fires timers inline, the waits and every async method continue where they were completed, and the
/// bus lock is uncontended. The clock is <see cref="ManualClock"/>, because FakeTimeProvider itself allocates 56
/// bytes per wait (its Waiter); the token is cancelable, as the daemon's stopping token is, so each wait registers on
/// it. Bench figures and the method: bench/RESULTS.md, "Sensors".
/// </summary>
public class AllocationTests
{
    private const int Polls = 100;

    [OptimizedBuildTheory]
    [MemberData(nameof(SimChips.AllDrivers), MemberType = typeof(SimChips))]
    public void A_poll_allocates_nothing_once_warmed_up(string driver)
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        var bus = new SimulatedI2cBus();
        var address = I2cDrivers.Find(driver)!.DefaultAddress;
        bus.Attach(address, SimChips.Create(driver, clock));
        using var buses = new SensorBusRegistry(_ => bus, _ => null, clock);
        using var sensor = (I2cSensor)SensorFactory.Create(new SensorOptions("rack-top", driver, TimeSpan.FromSeconds(10)) { Address = address }, clock, buses);
        using var stopping = new CancellationTokenSource();
        var sink = new ReadingBuffer(1024);
        for (var i = 0; i < 100; i++)
            Poll(clock, sensor, sink, stopping.Token);

        // The least of a few rounds: the runtime allocates now and then on the calling thread by itself (tiered
        // recompilation); whatever a poll allocates shows in every round.
        var allocated = long.MaxValue;
        var written = 0;
        for (var round = 0; round < 3 && allocated > 0; round++)
        {
            written = sink.Count;
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < Polls; i++)
                Poll(clock, sensor, sink, stopping.Token);
            allocated = Math.Min(allocated, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        // Every poll was a good reading: temperature, humidity, reachable (and the BME280's pressure).
        Assert.Equal(Polls * (driver == "bme280" ? 4 : 3), sink.Count - written);
        Assert.Equal(Environment.CurrentManagedThreadId, sink.LastWriterThread);
        Assert.True(allocated == 0, $"{driver}: {allocated / (double)Polls:0.#} bytes per poll");
    }

    private static void Poll(ManualClock clock, I2cSensor sensor, ReadingBuffer sink, CancellationToken token)
    {
        clock.Run(sensor.PollAsync(sink, token));
        clock.Advance(sensor.Interval);
    }
}
