using System.Text;
using System.Text.Json.Nodes;
using Edge.Emulators.PagerDuty;
using Edge.Tests.Delivery;
using Edge.Tests.Support;
using static Edge.Tests.Support.DaemonLog;

namespace Edge.Tests.Maintenance;

/// <summary>
/// The real <c>edge run</c>, <c>edge maintenance</c> beside it on the same state dir, hwmon sensors made of files and
/// the PagerDuty emulator on loopback: what reaches PagerDuty when a window is open.
/// </summary>
public class MaintenanceEndToEndTests
{
    [Fact]
    public async Task Inside_a_window_a_short_alert_never_pages_a_lasting_one_pages_once_at_its_end_and_an_incident_from_before_resolves()
    {
        await using var emulator = new PagerDutyEmulator().Start();
        using var rack = new HwmonRack(3, emulator.Endpoint);
        var log = new StringBuilder();
        using var daemon = EdgeProcess.Start(log, rack.Args("run"));
        await WaitForAsync(() => Contains(log, "Forwarding the outbox"), log);

        // h1 is open at PagerDuty before any window.
        rack.Set("h1", 35);
        await WaitForAsync(() => emulator.Received.Any(r => r.DedupKey == HwmonRack.DedupKey("h1")), log);

        var (code, text) = await EdgeProcess.RunAsync(log, rack.Args("maintenance", "start", "*", "--for", "1h", "--reason", "PSU swap"));
        Assert.Equal(0, code);
        Assert.Contains("maintenance 1 started on *", text);
        await WaitForAsync(() => Contains(log, "Maintenance window 1 open"), log);

        // The incident from before the window resolves during it.
        rack.Set("h1", 20);
        await WaitForAsync(() => emulator.Received.Any(r => r.DedupKey == HwmonRack.DedupKey("h1") && r.Action == "resolve"), log);

        // h2 goes hot and cold inside the window: recorded, never sent.
        rack.Set("h2", 35);
        await WaitForAsync(() => Contains(log, $"Trigger {HwmonRack.DedupKey("h2")} suppressed by maintenance 1"), log);
        rack.Set("h2", 20);
        await WaitForAsync(() => Contains(log, $"Resolve {HwmonRack.DedupKey("h2")} suppressed by maintenance 1"), log);
        (code, text) = await EdgeProcess.RunAsync(log, rack.Args("queue", "list"));
        Assert.Contains("2 suppressed by maintenance", text);
        Assert.Contains("suppressed by maintenance 1", text);
        (code, text) = await EdgeProcess.RunAsync(log, rack.Args("maintenance", "list", "--json"));
        var listed = JsonNode.Parse(text)!["windows"]!.AsArray().Single()!;
        Assert.Equal("PSU swap", (string?)listed["reason"]);
        (code, _) = await EdgeProcess.RunAsync(log, rack.Args("maintenance", "end", "1"));
        Assert.Equal(0, code);
        await WaitForAsync(() => Contains(log, "Maintenance window 1 (PSU swap) has ended"), log);

        // h3 goes hot inside a short window and stays hot: one trigger, when the window closes by itself.
        (code, _) = await EdgeProcess.RunAsync(log, rack.Args("maintenance", "start", "h3", "--for", "10s", "--reason", "re-cabling"));
        Assert.Equal(0, code);
        await WaitForAsync(() => Contains(log, "Maintenance window 2 open"), log);
        rack.Set("h3", 35);
        await WaitForAsync(() => Contains(log, $"Trigger {HwmonRack.DedupKey("h3")} suppressed by maintenance 2"), log);
        Assert.DoesNotContain(emulator.Received, r => r.DedupKey == HwmonRack.DedupKey("h3"));
        await WaitForAsync(() => emulator.Received.Any(r => r.DedupKey == HwmonRack.DedupKey("h3")), log);
        // Two more seconds of h3 hot, polled every 100 ms: nothing more is sent for it.
        await Task.Delay(TimeSpan.FromSeconds(2));
        daemon.Kill();

        Assert.DoesNotContain(emulator.Received, r => r.DedupKey == HwmonRack.DedupKey("h2"));
        Assert.Equal(["trigger", "resolve"], emulator.Received.Where(r => r.DedupKey == HwmonRack.DedupKey("h1")).Select(r => r.Action));
        var late = Assert.Single(emulator.Received, r => r.DedupKey == HwmonRack.DedupKey("h3"));
        Assert.Equal("trigger", late.Action);
        var note = late.CustomDetails!["maintenance"]!;
        Assert.Equal(2, (long)note["window"]!);
        Assert.Equal("re-cabling", (string?)note["reason"]);
        Assert.StartsWith("began during maintenance 2 (re-cabling, started by ", (string?)note["text"]);
        Assert.False(Contains(log, HwmonRack.Key));
    }

    [Fact]
    public async Task A_window_that_ends_while_edge_is_stopped_counts_as_ending_at_start_and_its_held_alert_pages_once_then()
    {
        await using var emulator = new PagerDutyEmulator().Start();
        using var rack = new HwmonRack(1, emulator.Endpoint);
        var log = new StringBuilder();
        var (code, output) = await EdgeProcess.RunAsync(log, rack.Args("maintenance", "start", "h1", "--for", "1h", "--reason", "PSU swap"));
        Assert.True(code == 0, output);
        rack.Set("h1", 35);
        using (var first = EdgeProcess.Start(log, rack.Args("run")))
        {
            await WaitForAsync(() => Contains(log, $"Trigger {HwmonRack.DedupKey("h1")} suppressed by maintenance 1"), log);
            // The line is written as the batch commits; a kill in between would lose the batch (and with it the
            // window's note: the reading after restart is then a plain new trigger, as after any power cut). Wait
            // until the suppressed trigger is in the database, as `edge queue list` beside the daemon reads it.
            var deadline = Environment.TickCount64 + 30_000;
            while (!(await EdgeProcess.RunAsync(log, rack.Args("queue", "list"))).Output.Contains("1 suppressed by maintenance", StringComparison.Ordinal))
            {
                Assert.True(Environment.TickCount64 < deadline, "the suppressed trigger was never committed:\n" + log);
                await Task.Delay(100);
            }
            // A power cut in the middle of the window: what is committed is all that survives.
            first.Kill();
        }
        // The window ends while Edge is down (ended here; one that runs out is the same row with its end passed).
        (code, output) = await EdgeProcess.RunAsync(log, rack.Args("maintenance", "end", "1"));
        Assert.True(code == 0, output);
        Assert.True(emulator.Received.Count == 0, log.ToString());

        using (var second = EdgeProcess.Start(log, rack.Args("run")))
        {
            await WaitForAsync(() => emulator.Received.Count >= 1, log);
            // Two more seconds of h1 hot, polled every 100 ms: nothing more is sent for it.
            await Task.Delay(TimeSpan.FromSeconds(2));
            second.Kill();
        }

        Assert.True(emulator.Received.Count == 1, log.ToString());
        var late = emulator.Received[0];
        Assert.Equal(("trigger", HwmonRack.DedupKey("h1")), (late.Action, late.DedupKey));
        Assert.StartsWith("began during maintenance 1 (PSU swap, started by ", (string?)late.CustomDetails!["maintenance"]!["text"]);
    }
}
