using System.Text;
using Edge.Configuration;
using Edge.Pipeline;
using Edge.Sources;
using Edge.Status;
using Edge.Systemd;

namespace Edge.Tests.Pipeline;

/// <summary>
/// The evaluate stage asks "has the configuration changed?" once per batch of readings, for months: asking must not
/// cost memory that only a reload gives back.
/// </summary>
public class ConfigStateTests
{
    [Fact]
    public void Asking_again_for_the_same_change_with_the_same_token_waits_once()
    {
        var config = new ConfigState(Config());
        using var stopping = new CancellationTokenSource();

        var first = config.WaitForChangeAsync(config.Generation, stopping.Token);
        for (var i = 0; i < 1000; i++)
            Assert.Same(first, config.WaitForChangeAsync(config.Generation, stopping.Token));
        Assert.False(first.IsCompleted);
    }

    [Fact]
    public async Task A_wait_completes_when_a_configuration_is_applied_and_the_next_one_waits_anew()
    {
        var config = new ConfigState(Config());
        using var stopping = new CancellationTokenSource();
        var generation = config.Generation;
        var wait = config.WaitForChangeAsync(generation, stopping.Token);

        config.Apply(Config(), DateTimeOffset.UnixEpoch);

        await wait.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(config.WaitForChangeAsync(generation, stopping.Token).IsCompleted); // an old generation: changed already
        var next = config.WaitForChangeAsync(config.Generation, stopping.Token);
        Assert.False(next.IsCompleted);
        await stopping.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => next.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Another_token_gets_its_own_wait_and_its_cancellation_ends_only_that_one()
    {
        var config = new ConfigState(Config());
        using var evaluate = new CancellationTokenSource();
        using var poll = new CancellationTokenSource();

        var evaluating = config.WaitForChangeAsync(config.Generation, evaluate.Token);
        var polling = config.WaitForChangeAsync(config.Generation, poll.Token);
        await poll.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => polling.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.False(evaluating.IsCompleted);
    }

    private static EdgeConfig Config() =>
        EdgeConfigLoader.Parse("edge.json", Encoding.UTF8.GetBytes("""{ "appliance": { "id": "dc1-r12" } }"""), "/tmp").Config!;
}
