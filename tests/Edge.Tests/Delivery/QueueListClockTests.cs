using System.Text;
using System.Text.Json.Nodes;
using Edge.Core.Alerts;
using Edge.Delivery.Clock;
using Edge.Emulators.PagerDuty;
using Edge.Delivery.Outbox;
using Edge.Tests.Support;

namespace Edge.Tests.Delivery;

/// <summary><c>edge queue list</c> shows detection times by the rule the forwarder sends them with, not the stored stamp.</summary>
public class QueueListClockTests
{
    [Fact]
    public async Task An_event_stamped_on_a_wrong_unsynchronized_clock_is_shown_at_its_true_time_once_the_clock_is_trusted()
    {
        await using var emulator = new PagerDutyEmulator().Start();
        using var rack = new HwmonRack(1, emulator.Endpoint); // "clock": "assume-synchronized": the clock is trusted now
        var boot = new SystemBootClock();
        var wrong = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
        using (var store = OutboxStore.Open(rack.StateDir, TimeProvider.System))
        {
            // Detected on this boot 90 s ago (by the monotonic clock), stamped while the wall clock said 2020.
            store.Commit([new OutboxEvent
            {
                Route = "", DedupKey = "e2e-rack/hot/h1", Action = EventAction.Trigger, Payload = new() { Severity = "critical", Summary = "h1 hot", Source = "e2e-rack" },
               
                DetailsJson = "{}", DetectedAt = wrong, BootId = boot.BootId, SinceBoot = boot.SinceBoot() - TimeSpan.FromSeconds(90), ClockSynchronized = false,
            }], [], []);
        }

        var (code, text) = await EdgeProcess.RunAsync(new StringBuilder(), rack.Args("queue", "list", "--json"));

        Assert.Equal(0, code);
        var e = JsonNode.Parse(text)!["events"]![0]!;
        Assert.InRange((double)e["age_s"]!, 90, 120);
        var shown = DateTimeOffset.Parse((string)e["detected_at"]!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(TimeProvider.System.GetUtcNow() - shown, TimeSpan.FromSeconds(90), TimeSpan.FromSeconds(120));
        Assert.Equal(wrong, DateTimeOffset.Parse((string)e["stamped_at"]!, System.Globalization.CultureInfo.InvariantCulture));
    }
}
