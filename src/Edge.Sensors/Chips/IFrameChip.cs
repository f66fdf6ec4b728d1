namespace Edge.Sensors.Chips;

/// <summary>A chip that answers a measurement command with one frame once its conversion is done.</summary>
internal interface IFrameChip
{
    /// <summary>The measurement, a failed status (checksum), or null while the chip is still converting (NACK, busy bit).</summary>
    ChipReading? TryReadFrame();
}
