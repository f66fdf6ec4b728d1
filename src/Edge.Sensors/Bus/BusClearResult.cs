namespace Edge.Sensors.Bus;

/// <summary>What a bus clear found and did.</summary>
internal enum BusClearResult
{
    /// <summary>SDA and SCL were both high: the bus was idle, the failures were the chips' own.</summary>
    Idle,

    /// <summary>A slave held SDA low; clocking SCL made it let go and a STOP reset every slave's state machine.</summary>
    Cleared,

    /// <summary>SDA stayed low after nine clocks: only a power cycle of the slave can free it.</summary>
    StillStuck,

    /// <summary>No GPIO access to the bus pins here (not a BCM283x Pi, or no permission).</summary>
    Unavailable,
}
