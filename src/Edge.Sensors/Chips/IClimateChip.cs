namespace Edge.Sensors.Chips;

/// <summary>
/// One temperature/humidity chip behind an <see cref="System.Device.I2c.I2cDevice"/>. Waits go through the
/// <see cref="Timing.ReusableDelay"/> it was built with, never <c>Thread.Sleep</c>. A NACK propagates as the bus's
/// <see cref="IOException"/>; checksum, busy and identity problems come back as a <see cref="ChipStatus"/>.
/// The caller holds the bus for the whole call.
/// </summary>
internal interface IClimateChip
{
    /// <summary>The chip's name as <c>edge sensors scan</c> prints it, e.g. "SHT3x".</summary>
    string Name { get; }

    ChipLimits Limits { get; }

    /// <summary>Soft reset, heater off, configuration; run after the bus was (re)opened or the chip failed.</summary>
    ValueTask<ChipStatus> InitializeAsync(CancellationToken cancellationToken);

    /// <summary>One single-shot measurement.</summary>
    ValueTask<ChipReading> MeasureAsync(CancellationToken cancellationToken);
}
