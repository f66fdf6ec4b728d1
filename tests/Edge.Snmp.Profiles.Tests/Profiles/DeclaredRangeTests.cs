using Edge.Core.Readings;
using Edge.Snmp.Profiles.Tests.Support;
using Edge.Snmp.Protocol;
using Edge.Testing.Snmpsim;

namespace Edge.Snmp.Profiles.Tests.Profiles;

/// <summary>A value outside its object's declared SYNTAX range, or one of its declared sentinels, is no reading.</summary>
public class DeclaredRangeTests
{
    private const string MinutesRemaining = "1.3.6.1.2.1.33.1.2.3.0";

    [Fact]
    public void A_4_billion_minute_runtime_is_outside_PositiveInteger_and_no_reading()
    {
        // upsEstimatedMinutesRemaining is PositiveInteger (1..2147483647, RFC 1628); a real UPS answers 4294967295.
        var d = Agent.Decode("rfc1628", MinutesRemaining + "|2|4294967295", "1.3.6.1.2.1.33.1.2.4.0|2|100");

        Assert.False(d.Has("dev", Metrics.BatteryRuntimeMin));
        Assert.Equal(100, d.Value("dev", Metrics.BatteryChargePct));
    }

    [Theory]
    [InlineData(-1L)]          // below 0 (PositiveInteger's 1, widened to 0 so a spent battery still pages)
    [InlineData(2147483648L)]  // one above its 2147483647
    [InlineData(999L)]         // inside the range, but the "cannot estimate" sentinel
    public void Runtime_values_outside_the_range_or_sentinels_are_no_reading(long raw)
    {
        var d = Agent.Decode("rfc1628", $"{MinutesRemaining}|2|{raw}");

        Assert.False(d.Has("dev", Metrics.BatteryRuntimeMin));
    }

    [Theory]
    [InlineData(0L, 0.0)]      // a spent battery: read, though the SYNTAX starts at 1 (see Rfc1628UpsProfile)
    [InlineData(1L, 1.0)]
    [InlineData(2147483647L, 2147483647.0)]
    public void The_ends_of_the_range_are_readings(long raw, double minutes)
    {
        var d = Agent.Decode("rfc1628", $"{MinutesRemaining}|2|{raw}");

        Assert.Equal(minutes, d.Value("dev", Metrics.BatteryRuntimeMin));
    }

    [Fact]
    public void The_rule_lives_in_the_declaration_so_any_profile_gets_it()
    {
        var declared = new MibObject("exampleTenthsOfAmps", "1.3.6.1.4.1.99999.1.1", Metrics.CurrentA, 0.1, new MibRange(-1, 600), -1);
        var table = new VarBindTable(SnmprecReader.Parse(
            ["1.3.6.1.4.1.99999.1.1.1|2|49", "1.3.6.1.4.1.99999.1.1.2|2|-1", "1.3.6.1.4.1.99999.1.1.3|2|601", "1.3.6.1.4.1.99999.1.1.4|2|600"]));

        Assert.Equal(4.9, table.Value(declared, Row(1)));      // 49 tenths
        Assert.Null(table.Value(declared, Row(2)));             // −1: sentinel
        Assert.Null(table.Value(declared, Row(3)));             // 601: above the range
        Assert.Equal(60.0, table.Value(declared, Row(4)));      // 600 tenths, the top of the range
        Assert.Null(table.Value(declared, Row(5)));             // absent
    }

    /// <summary>Row <paramref name="arc"/> of a one-arc INDEX.</summary>
    private static RowIndex Row(uint arc) => new(new Oid(arc), 0);
}
