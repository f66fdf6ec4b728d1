using Edge.Snmp.Protocol;

namespace Edge.Snmp.Profiles;

/// <summary>
/// One numeric object a profile reads (a scalar with its <c>.0</c>, or a table column): its MIB name, the metric it
/// feeds, the scale from the MIB's unit to the metric's, the range its SYNTAX declares, and the values the vendor uses
/// for "no reading" inside that range (−1 unsupported, −410 invalid, 2^32−1 absent …). <see cref="VarBindTable"/>
/// applies all of it in one place: a raw value outside the range or equal to a sentinel is absent, never a reading,
/// so a profile that declares its objects gets the rule for free.
/// </summary>
internal sealed class MibObject
{
    private readonly long[] _sentinels;
    private readonly double _multiplier;
    private readonly double _divisor;

    /// <param name="name">The MIB object's name (e.g. <c>upsEstimatedMinutesRemaining</c>).</param>
    /// <param name="oid">Dotted OID: a column, or a scalar with its <c>.0</c> instance.</param>
    /// <param name="metric">The metric it feeds, or null for a status, enumeration or index column.</param>
    /// <param name="scale">Metric unit per MIB unit: 0.1 for tenths, 10 for deca-units, 1/6000.0 for TimeTicks to minutes.</param>
    /// <param name="range">
    /// The SYNTAX's declared range, narrowed where the quantity itself bounds it (an INTEGER current is not negative, an
    /// INTEGER relative humidity not above 100 %) or where the MIB's range is written in another unit than the agent
    /// sends (GEIST-V4-MIB declares whole degrees for a column of tenths).
    /// </param>
    /// <param name="sentinels">Values inside the range that mean "no reading".</param>
    public MibObject(string name, string oid, string? metric, double scale, MibRange range, params long[] sentinels)
    {
        if (scale <= 0 || !double.IsFinite(scale))
            throw new ArgumentOutOfRangeException(nameof(scale), scale, $"{name}: the scale must be a positive number");
        Name = name;
        Oid = Oid.Parse(oid);
        Metric = metric;
        Range = range;
        _sentinels = sentinels;
        // Divide by 10 rather than multiply by 0.1: 49 / 10.0 is exactly 4.9, 49 * 0.1 is 4.9000000000000004.
        (_multiplier, _divisor) = scale < 1 ? (1.0, Math.Round(1 / scale)) : (scale, 1.0);
    }

    public string Name { get; }
    public Oid Oid { get; }
    public string? Metric { get; }
    public MibRange Range { get; }

    /// <summary>Whether <paramref name="raw"/> is a measurement: inside the declared range and not a sentinel.</summary>
    public bool IsReading(long raw) => Range.Contains(raw) && Array.IndexOf(_sentinels, raw) < 0;

    /// <summary>The raw value in the metric's unit.</summary>
    public double ToMetric(long raw) => raw * _multiplier / _divisor;

    public override string ToString() => $"{Name} ({Oid}) range {Range}" + (_sentinels.Length > 0 ? $", sentinels {string.Join(", ", _sentinels)}" : "");
}
