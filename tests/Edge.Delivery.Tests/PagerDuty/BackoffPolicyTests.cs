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

    [Fact]
    public void A_429_probes_every_step_for_one_rate_window_without_growing()
    {
        var step = TimeSpan.FromSeconds(5);
        Assert.Equal(24, BackoffPolicy.ProbesPerWindow(step));
        for (var throttles = 1; throttles <= 24; throttles++)
        {
            Assert.Equal(step.TotalSeconds, BackoffPolicy.Throttled(throttles, 0.999999999, step, Cap).TotalSeconds, precision: 3);
            Assert.Equal(step / 2, BackoffPolicy.Throttled(throttles, 0.0, step, Cap));
        }
    }

    [Fact]
    public void Probes_at_their_shortest_still_span_a_whole_rate_window_before_the_schedule_grows()
    {
        var step = TimeSpan.FromSeconds(5);
        var shortest = Enumerable.Range(1, BackoffPolicy.ProbesPerWindow(step)).Sum(n => BackoffPolicy.Throttled(n, 0.0, step, Cap).TotalSeconds);
        Assert.True(shortest >= BackoffPolicy.RateWindow.TotalSeconds);
    }

    [Theory]
    [InlineData(25, 10)]
    [InlineData(26, 20)]
    [InlineData(29, 160)]
    [InlineData(30, 300)]
    [InlineData(10_000, 300)]
    public void A_key_still_throttled_after_a_window_doubles_from_the_step_up_to_the_cap(int throttles, int seconds)
    {
        Assert.Equal(seconds, BackoffPolicy.Throttled(throttles, 0.999999999, TimeSpan.FromSeconds(5), Cap).TotalSeconds, precision: 3);
    }
}
