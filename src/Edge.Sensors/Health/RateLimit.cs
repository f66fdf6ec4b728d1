namespace Edge.Sensors.Health;

/// <summary>
/// Rejects a value that moved away from the last accepted one faster than the air around a sensor can change it.
/// The allowance grows with the time since the last accepted value, so a real change is accepted at the latest a
/// few polls later and the filter recovers by itself; after an outage almost anything is accepted.
/// </summary>
internal sealed class RateLimit(double maxPerSecond, double margin)
{
    private double _last = double.NaN;
    private DateTimeOffset _lastTime;

    /// <summary>Temperature: a breakout board's time constant is seconds (SHT3x datasheet Table 1: τ63 ≥ 2 s), a rack's air does not move 2 °C a second.</summary>
    public static RateLimit Temperature() => new(2, 3);

    /// <summary>Relative humidity: τ63 8 s (SHT3x), 10 %RH a second is generous.</summary>
    public static RateLimit Humidity() => new(10, 5);

    /// <summary>Barometric pressure: weather moves hectopascals per hour; doors and air handlers a few hPa.</summary>
    public static RateLimit Pressure() => new(1, 5);

    public bool Accept(double value, DateTimeOffset now)
    {
        if (!double.IsNaN(_last))
        {
            var allowed = margin + maxPerSecond * Math.Max(0, (now - _lastTime).TotalSeconds);
            if (Math.Abs(value - _last) > allowed)
                return false;
        }
        _last = value;
        _lastTime = now;
        return true;
    }
}
