using Edge.Delivery.PagerDuty;

namespace Edge.Delivery.Tests.PagerDuty;

public class BackoffPolicyTests
{
    private static readonly TimeSpan Base = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Cap = TimeSpan.FromMinutes(5);

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(9, 256)]
    [InlineData(10, 300)]
    [InlineData(1000, 300)]
    [InlineData(int.MaxValue, 300)]
    public void The_delay_doubles_with_each_failure_up_to_the_cap(int failures, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), BackoffPolicy.Exponential(failures, Base, Cap));
    }

    [Theory]
    [InlineData(0.0, 30)]
    [InlineData(0.5, 45)]
    [InlineData(0.999999, 60)]
    public void Jitter_keeps_between_half_and_all_of_the_delay(double random, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds).TotalSeconds, BackoffPolicy.WithJitter(TimeSpan.FromMinutes(1), random).TotalSeconds, precision: 3);
    }

    [Fact]
    public void Jittered_delays_never_exceed_the_cap_and_never_fall_below_half_the_exponential()
    {
        var random = new Random(42);
        for (var failures = 1; failures < 64; failures++)
        {
            var delay = BackoffPolicy.Next(failures, random.NextDouble(), null, Base, Cap);
            Assert.InRange(delay, BackoffPolicy.Exponential(failures, Base, Cap) / 2, Cap);
        }
    }

    [Fact]
    public void A_Retry_After_from_the_server_replaces_the_guess()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), BackoffPolicy.Next(1, 0.5, TimeSpan.FromSeconds(30), Base, Cap));
        Assert.Equal(TimeSpan.FromSeconds(20), BackoffPolicy.Next(12, 0.5, TimeSpan.FromSeconds(20), Base, Cap));
    }

    [Fact]
    public void A_Retry_After_is_bounded_by_the_base_delay_and_an_hour()
    {
        Assert.Equal(Base, BackoffPolicy.Next(1, 0.5, TimeSpan.Zero, Base, Cap));
        Assert.Equal(BackoffPolicy.MaxRetryAfter, BackoffPolicy.Next(1, 0.5, TimeSpan.FromDays(3), Base, Cap));
    }
}
