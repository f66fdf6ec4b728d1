namespace Edge.Snmp.Profiles;

/// <summary>
/// The values a MIB object's SYNTAX allows (RFC 2578 §7.1: INTEGER/Integer32 −2^31..2^31−1, Gauge32/Unsigned32/TimeTicks
/// 0..2^32−1, narrowed by a sub-range such as UPS-MIB's PositiveInteger 1..2147483647). A value outside it is not a
/// measurement whatever the agent meant by it.
/// </summary>
internal readonly record struct MibRange(long Min, long Max)
{
    public static readonly MibRange Integer32 = new(int.MinValue, int.MaxValue);

    /// <summary>Gauge32, Unsigned32, TimeTicks.</summary>
    public static readonly MibRange Unsigned32 = new(0, uint.MaxValue);

    /// <summary>UPS-MIB NonNegativeInteger, XUPS-MIB Integer32 (0..2147483647).</summary>
    public static readonly MibRange NonNegative = new(0, int.MaxValue);

    /// <summary>UPS-MIB PositiveInteger.</summary>
    public static readonly MibRange Positive = new(1, int.MaxValue);

    /// <summary>
    /// Relative humidity and percentages of a whole: MIBs declare them INTEGER, the unit itself bounds them; a value
    /// outside 0..100 is a vendor's "no reading".
    /// </summary>
    public static readonly MibRange Percent = new(0, 100);

    /// <summary>An enumeration's lowest to highest named number.</summary>
    public static MibRange Enum(long first, long last) => new(first, last);

    public bool Contains(long value) => value >= Min && value <= Max;

    public override string ToString() => $"{Min}..{Max}";
}
