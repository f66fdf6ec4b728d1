using System.Runtime.ExceptionServices;
using Edge.Delivery.Outbox;
using Edge.Delivery.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Edge.Delivery.Tests.Outbox;

/// <summary>
/// The forwarder waits for a commit, or a second, whichever comes first, all day long: an idle wait must cost nothing
/// beyond its timer — no exception thrown and caught behind the scenes once a second.
/// </summary>
public class ForwarderWakeupTests : IDisposable
{
    private static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(1);
    private static readonly AsyncLocal<bool> InThisTest = new();

    private readonly TempDir _dir = new();
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task Idle_waits_that_time_out_throw_nothing()
    {
        using var store = OutboxStore.Open(_dir.Path, _time);
        var thrown = new List<Exception>();
        void Count(object? sender, FirstChanceExceptionEventArgs e)
        {
            if (InThisTest.Value)
                lock (thrown)
                    thrown.Add(e.Exception);
        }
        AppDomain.CurrentDomain.FirstChanceException += Count;
        try
        {
            InThisTest.Value = true;
            for (var i = 0; i < 20; i++)
            {
                var wait = store.WaitForChangeAsync(IdlePoll, _time, CancellationToken.None);
                Assert.False(wait.IsCompleted);
                _time.Advance(IdlePoll);
                await wait;
            }
            // A signal, then a wait that returns at once: the signal is not lost, and nothing is thrown either.
            store.Commit([Trigger], [], []);
            await store.WaitForChangeAsync(IdlePoll, _time, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
        }
        finally
        {
            AppDomain.CurrentDomain.FirstChanceException -= Count;
        }
        lock (thrown)
            Assert.Empty(thrown.Select(e => e.GetType().Name));
    }

    private static readonly OutboxEvent Trigger = new()
    {
        Route = "", DedupKey = "dc1/rack-hot/rack-top", Action = Core.Alerts.EventAction.Trigger, Payload = new() { Severity = "warning", Summary = "hot", Source = "dc1" },
        DetailsJson = "{}", DetectedAt = new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero), BootId = "boot-1",
        SinceBoot = TimeSpan.FromMinutes(5), ClockSynchronized = true,
    };

    public void Dispose() => _dir.Dispose();
}
