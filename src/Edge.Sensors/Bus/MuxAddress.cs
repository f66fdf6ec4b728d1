namespace Edge.Sensors.Bus;

/// <summary>A channel (0…7) of a TCA9548A multiplexer at <paramref name="Address"/> (0x70…0x77).</summary>
public readonly record struct MuxAddress(int Address, int Channel);
