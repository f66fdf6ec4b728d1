using System.Text;
using Edge.Emulators.PagerDuty;
using Edge.Delivery.Outbox;
using Edge.Tests.Support;
using static Edge.Tests.Support.DaemonLog;

namespace Edge.Tests.Delivery;

/// <summary>
/// The one window in which a transition is sent twice, hit on purpose instead of by chance: the real <c>edge run</c>
/// is killed with SIGKILL after PagerDuty (the emulator) has accepted an event and before the 202 reaches Edge, so
/// Edge cannot have committed that it was delivered.
/// </summary>
public class ResendWindowTests
{
    [Fact]
    public async Task Killed_between_PagerDutys_acceptance_and_the_commit_the_event_is_sent_again_once_and_dedup_absorbs_it()
    {
        await using var emulator = new PagerDutyEmulator().Start();
        using var rack = new HwmonRack(2, emulator.Endpoint);
        var log = new StringBuilder();
        var first = EdgeProcess.Start(log, rack.Args("run"));
        try
        {
            await WaitForAsync(() => Contains(log, "Forwarding the outbox"), log);
            // A transition delivered and committed before the kill: it must never go again.
            rack.Set("h2", 35);
            await WaitForAsync(() => emulator.Received.Count == 1 && Pending(rack) == 0, log);

            var killed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            emulator.Accepted += e =>
            {
                if (e.DedupKey == HwmonRack.DedupKey("h1") && !killed.Task.IsCompleted)
                {
                    first.Kill();
                    killed.SetResult();
                }
            };
            rack.Set("h1", 35);
            await killed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            first.Dispose();
        }

        // PagerDuty has the trigger; Edge never heard the 202, so its row is still pending.
        var trigger = Assert.Single(emulator.Received, r => r.DedupKey == HwmonRack.DedupKey("h1"));
        using (var store = OutboxStore.Open(rack.StateDir, TimeProvider.System, repair: false))
            Assert.Equal(OutboxStatus.Pending, store.Get(trigger.OutboxId!.Value)!.Status);

        using (var second = EdgeProcess.Start(log, rack.Args("run")))
        {
            await WaitForAsync(() => emulator.Received.Count >= 3 && Pending(rack) == 0, log);
            rack.Set("h1", 20);
            rack.Set("h2", 20);
            await WaitForAsync(() => emulator.Received.Count >= 5 && Pending(rack) == 0, log);
            second.Kill();
        }

        var received = emulator.Received;
        Assert.Equal(
            ["trigger h2", "trigger h1", "trigger h1", "resolve h1", "resolve h2"],
            received.Take(3).Select(Name).Concat(received.Skip(3).Select(Name).Order(StringComparer.Ordinal)));
        // Exactly one resend, and it is the same outbox row; nothing else went twice.
        var twice = Assert.Single(received.GroupBy(r => r.OutboxId), g => g.Count() > 1);
        Assert.Equal(trigger.OutboxId, twice.Key);
        Assert.Equal(2, twice.Count());
        // PagerDuty's dedup folded the resend into the open alert: one incident each, both resolved now.
        var h1 = Assert.Single(emulator.Alerts, a => a.DedupKey == HwmonRack.DedupKey("h1"));
        Assert.Equal((2, 1, false), (h1.Triggers, h1.Incidents, h1.Open));
        var h2 = Assert.Single(emulator.Alerts, a => a.DedupKey == HwmonRack.DedupKey("h2"));
        Assert.Equal((1, 1, false), (h2.Triggers, h2.Incidents, h2.Open));
        Assert.Empty(emulator.OpenAlerts);
        using (var store = OutboxStore.Open(rack.StateDir, TimeProvider.System, repair: false))
            Assert.Equal(4, store.All().Count(e => e.Status == OutboxStatus.Delivered));
        Assert.False(Contains(log, HwmonRack.Key));
    }

    private static string Name(ReceivedEvent r) => $"{r.Action} {r.DedupKey![(r.DedupKey!.LastIndexOf('/') + 1)..]}";

    private static long Pending(HwmonRack rack)
    {
        try
        {
            using var store = OutboxStore.Open(rack.StateDir, TimeProvider.System, repair: false);
            return store.Counts().Pending;
        }
        catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or OutboxCorruptException or IOException)
        {
            return -1;
        }
    }
}
