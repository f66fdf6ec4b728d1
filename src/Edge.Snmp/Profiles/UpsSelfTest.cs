using Edge.Core.Readings;

namespace Edge.Snmp.Profiles;

/// <summary>
/// A UPS running a battery self-test or a runtime calibration transfers its load to the battery on purpose. Every MIB
/// then says "on battery"; paging for it would teach the on-call engineer to ignore the real thing. So while a test
/// runs, <c>output_source</c> reads <c>test</c> instead of <c>battery</c> (a rule that wants to page for it selects
/// state <c>test</c> too) and <c>ups_test</c> is 1.
/// </summary>
internal static class UpsSelfTest
{
    /// <param name="inProgress">
    /// null when this MIB says nothing about tests. A test already seen by an earlier decode of the same poll (RFC 1628
    /// under a vendor MIB) still counts, so a vendor profile that rewrites <c>output_source</c> calls this again.
    /// </param>
    public static void Apply(DeviceReadings readings, bool? inProgress)
    {
        bool? earlier = readings.TryGet(Metrics.UpsTest, out var seen) ? seen == 1 : null;
        if (inProgress is null && earlier is null)
            return;
        var testing = inProgress == true || earlier == true;
        readings.Set(Metrics.UpsTest, testing ? 1 : 0);
        if (testing && readings.State(Metrics.OutputSource) == "battery")
            readings.SetState(Metrics.OutputSource, "test");
    }
}
