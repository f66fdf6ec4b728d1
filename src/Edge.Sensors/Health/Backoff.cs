namespace Edge.Sensors.Health;

/// <summary>
/// The wait before retry <c>n</c> of one reading: 50, 100, 200, 400 ms. Short enough that the retries, a bus clear and
/// the final try fit well inside two seconds; long enough for a chip that NACKed while resetting to come back
/// (SHT3x soft reset 1.5 ms, AHT20 20 ms, BME280 intermittent NACKs, dotnet/iot #1618).
/// </summary>
internal static class Backoff
{
    public static readonly TimeSpan First = TimeSpan.FromMilliseconds(50);
    public static readonly TimeSpan Max = TimeSpan.FromMilliseconds(400);

    public static TimeSpan BeforeRetry(int retry)
    {
        if (retry <= 0)
            return TimeSpan.Zero;
        var ticks = First.Ticks << Math.Min(retry - 1, 8);
        return TimeSpan.FromTicks(Math.Min(ticks, Max.Ticks));
    }
}
