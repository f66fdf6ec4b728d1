namespace Edge.Core.Readings;

/// <summary>
/// One measured value of one series. State metrics carry their state's code (see <see cref="MetricInfo.States"/>)
/// so a reading is a plain struct and the hot path never allocates.
/// Sources stamp every reading of one poll or measurement with the same <see cref="Time"/>.
/// </summary>
public readonly record struct Reading(string Entity, string Metric, double Value, DateTimeOffset Time)
{
    /// <summary>A reading of a state metric, e.g. <c>output_source</c> = <c>battery</c>.</summary>
    public static Reading State(string entity, string metric, string state, DateTimeOffset time) =>
        new(entity, metric, Metrics.Get(metric).StateCode(state), time);

    /// <summary>
    /// <see cref="Metrics.Reachable"/> 0 for a source that was not read: the one reading of a failed poll, which the
    /// rule engine turns into the source's stale readings (spec/rules.md).
    /// </summary>
    public static Reading Unreachable(string source, DateTimeOffset time) => new(source, Metrics.Reachable, 0, time);
}
