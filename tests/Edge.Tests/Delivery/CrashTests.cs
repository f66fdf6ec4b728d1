using System.Globalization;
using System.Text;
using Edge.Core.Alerts;
using Edge.Emulators.PagerDuty;
using Edge.Delivery.Outbox;
using Xunit.Abstractions;
using Edge.Tests.Support;

namespace Edge.Tests.Delivery;

/// <summary>
/// The real <c>edge run</c> against the PagerDuty emulator, killed with SIGKILL at random moments while alerts
/// trigger and resolve. Size: EDGE_CRASH_KILLS (default 20, the CI size; bench/delivery/crash-soak.sh runs 200),
/// seed: EDGE_CRASH_SEED (printed, so a failure can be replayed).
/// </summary>
public class CrashTests(ITestOutputHelper output)
{
    /// <summary>How late PagerDuty may read a request its killed sender had written; far shorter than edge's start-up.</summary>
    private static readonly TimeSpan InFlight = TimeSpan.FromMilliseconds(250);

    [Fact]
    public async Task After_random_SIGKILLs_every_transition_is_delivered_in_order_and_PagerDuty_matches_the_sensors()
    {
        var kills = int.TryParse(Environment.GetEnvironmentVariable("EDGE_CRASH_KILLS"), CultureInfo.InvariantCulture, out var k) ? k : 20;
        var seed = int.TryParse(Environment.GetEnvironmentVariable("EDGE_CRASH_SEED"), CultureInfo.InvariantCulture, out var s) ? s : Environment.TickCount;
        output.WriteLine($"kills {kills}, seed {seed}");
        var random = new Random(seed);
        await using var emulator = new PagerDutyEmulator().Start();
        using var rack = new HwmonRack(4, emulator.Endpoint);
        var log = new StringBuilder();
        var killedAt = new List<DateTimeOffset>();

        for (var kill = 0; kill < kills; kill++)
        {
            var started = Text(log).Split("Forwarding the outbox").Length;
            using var edge = EdgeProcess.Start(log, rack.Args("run"));
            // One run in four is killed at a random moment of its start-up (opening, integrity check, restoring state);
            // the others at a random moment between 0.2 s and 2.5 s after the forwarder runs, while readings, commits
            // and sends happen.
            long until;
            if (random.Next(4) == 0)
                until = Environment.TickCount64 + random.Next(0, 1200);
            else
            {
                var deadline = Environment.TickCount64 + 30_000;
                while (Text(log).Split("Forwarding the outbox").Length == started && Environment.TickCount64 < deadline)
                    await Task.Delay(20);
                until = Environment.TickCount64 + random.Next(200, 2500);
            }
            while (Environment.TickCount64 < until)
            {
                var sensor = rack.Sensors[random.Next(rack.Sensors.Length)];
                rack.Set(sensor, random.Next(2) == 0 ? 35 : 20);
                await Task.Delay(random.Next(20, 250));
            }
            Assert.False(edge.HasExited, "edge run exited by itself:\n" + Text(log));
            edge.Kill();
            killedAt.Add(TimeProvider.System.GetUtcNow());
        }

        // The final state, and one last run that lives until PagerDuty's view has converged (bounded).
        foreach (var sensor in rack.Sensors)
            rack.Set(sensor, random.Next(2) == 0 ? 35 : 20);
        var expectedOpen = rack.Hot.Select(HwmonRack.DedupKey).Order(StringComparer.Ordinal).ToArray();
        using (var edge = EdgeProcess.Start(log, rack.Args("run")))
        {
            var deadline = Environment.TickCount64 + 60_000;
            while (Environment.TickCount64 < deadline && !Converged(emulator, rack, expectedOpen))
                await Task.Delay(200);
            edge.Kill();
        }

        using var store = OutboxStore.Open(rack.StateDir, TimeProvider.System, repair: false);
        var committed = store.All();
        var received = emulator.Received;
        var doubles = received.GroupBy(r => r.OutboxId).Count(g => g.Count() > 1);
        output.WriteLine($"{committed.Count} transitions committed, {received.Count} requests accepted, {doubles} sent more than once, " +
            $"{received.Count - committed.Count} extra sends (a kill between sending and the commit)");

        Assert.True(committed.Count >= kills / 2, $"too few transitions ({committed.Count}) for the test to mean anything");
        Assert.All(committed, e => Assert.Equal(OutboxStatus.Delivered, e.Status));
        foreach (var perKey in committed.GroupBy(e => e.Event.DedupKey))
        {
            // The tracker's state survived every kill: triggers and resolves alternate, so nothing was paged twice
            // for one transition and no resolve came without its trigger.
            var actions = perKey.Select(e => e.Event.Action).ToList();
            for (var i = 0; i < actions.Count; i++)
                Assert.Equal(i % 2 == 0 ? EventAction.Trigger : EventAction.Resolve, actions[i]);
            // What PagerDuty saw for the key, resends folded, is exactly what was committed, in order.
            var seen = received.Where(r => r.DedupKey == perKey.Key).Select(r => r.OutboxId!.Value).ToList();
            var folded = seen.Where((id, i) => i == 0 || seen[i - 1] != id).ToList();
            Assert.Equal(perKey.Select(e => e.Id), folded);
        }
        Assert.Equal(expectedOpen, emulator.OpenAlerts.Select(a => a.DedupKey));
        // Each extra send is explained by its own kill, after the event went out and before it went out again: the
        // sent-to-committed window. The request may still be on the socket when the sender dies, so PagerDuty can
        // take it a moment after the kill (InFlight); the gap printed shows where in the window each kill fell.
        var explainedBy = new HashSet<int>();
        foreach (var resent in received.GroupBy(r => r.OutboxId).Where(g => g.Count() > 1))
        {
            var sends = resent.Select(r => r.ReceivedAt).ToList();
            for (var i = 1; i < sends.Count; i++)
            {
                var (first, again) = (sends[i - 1], sends[i]);
                var kill = killedAt.FindIndex(t => first <= t + InFlight && t < again);
                Assert.True(kill >= 0 && explainedBy.Add(kill), $"outbox id {resent.Key} was sent again with no kill of its own in between");
                var gap = (killedAt[kill] - first).TotalMilliseconds;
                output.WriteLine($"sent again: outbox id {resent.Key} ({resent.First().Action} {resent.First().DedupKey}), send {i} accepted " +
                    (gap >= 0 ? $"{gap:0.#} ms before kill {kill + 1} had ended" : $"{-gap:0.#} ms after kill {kill + 1} had ended (still on the socket)"));
            }
        }
        Assert.DoesNotContain(HwmonRack.Key, Text(log));
    }

    private static string Text(StringBuilder log)
    {
        lock (log)
            return log.ToString();
    }

    private static bool Converged(PagerDutyEmulator emulator, HwmonRack rack, string[] expectedOpen)
    {
        if (!emulator.OpenAlerts.Select(a => a.DedupKey).SequenceEqual(expectedOpen))
            return false;
        try
        {
            using var store = OutboxStore.Open(rack.StateDir, TimeProvider.System, repair: false);
            return store.Counts().Pending == 0;
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            return false;
        }
    }
}
