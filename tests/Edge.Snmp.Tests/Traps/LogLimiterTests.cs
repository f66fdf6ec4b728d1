using Edge.Snmp.Traps;
using Microsoft.Extensions.Time.Testing;

namespace Edge.Snmp.Tests.Traps;

public class LogLimiterTests
{
    [Fact]
    public void One_line_per_key_a_minute_and_the_next_says_how_many_were_held_back()
    {
        var clock = new FakeTimeProvider();
        var limiter = new LogLimiter(clock);

        Assert.True(limiter.ShouldLog("badCommunity 10.0.0.5", out var held));
        Assert.Equal(0, held);
        Assert.False(limiter.ShouldLog("badCommunity 10.0.0.5", out _));
        Assert.False(limiter.ShouldLog("badCommunity 10.0.0.5", out _));
        Assert.True(limiter.ShouldLog("badCommunity 10.0.0.6", out _)); // another sender has its own line

        clock.Advance(LogLimiter.Every - TimeSpan.FromMilliseconds(1));
        Assert.False(limiter.ShouldLog("badCommunity 10.0.0.5", out _));
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(limiter.ShouldLog("badCommunity 10.0.0.5", out held));
        Assert.Equal(3, held);
    }
}
