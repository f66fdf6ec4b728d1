using Edge.Core.Alerts;
using Edge.Core.Maintenance;
using Edge.Core.Rules;
using Edge.Core.Tests.Support;

namespace Edge.Core.Tests.Maintenance;

/// <summary>Issue 16's behaviour, on the fake clock: rules keep evaluating in a window, only what is paged changes.</summary>
public class MaintenanceGateTests
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    // rack-hot fires above 27 °C at once and clears at or below 27 °C (Rack.Hot).
    private static MaintenanceRack NewRack() => new(Rack.Hot());

    [Fact]
    public void An_alert_that_fires_and_clears_inside_a_window_is_never_paged_and_is_recorded_as_suppressed_by_it()
    {
        var rack = NewRack();
        var window = rack.Start("s1", Hour);

        rack.Hold("s1", 30, minutes: 5);
        Assert.Contains(rack.Engine.Snapshot(), r => r.Entity == "s1" && r.Phase == AlertPhase.Firing);
        rack.Hold("s1", 20, minutes: 5);
        rack.Clock.Advance(Hour);
        rack.Hold("s1", 20, minutes: 1);

        Assert.Empty(rack.PagerDuty);
        Assert.Equal([EventAction.Trigger, EventAction.Resolve], rack.Suppressed.Select(e => e.Action));
        Assert.All(rack.Suppressed, e => Assert.Equal(window.Id, e.SuppressedBy));
        Assert.Empty(rack.Gate.HeldKeys);
    }

    [Fact]
    public void An_alert_still_firing_when_the_window_ends_is_triggered_then_once_saying_it_began_during_maintenance_and_when()
    {
        var rack = NewRack();
        var began = rack.Clock.GetUtcNow();
        var window = rack.Start("*", Hour);

        rack.Hold("s1", 30, minutes: 59);
        Assert.Empty(rack.PagerDuty);
        rack.Hold("s1", 30, minutes: 2);

        var trigger = Assert.Single(rack.PagerDuty);
        Assert.Equal(EventAction.Trigger, trigger.Action);
        // The window ran 12:00-13:00 and the sensor is polled every 10 s: the first batch at or after 13:00 sends it.
        Assert.Equal(began + Hour, trigger.DetectedAt);
        var note = trigger.Details.Maintenance!;
        Assert.Equal(window.Id, note.Window);
        Assert.Equal("PSU swap", note.Reason);
        Assert.Equal(began, note.AlertBegan);
        Assert.Equal(began + Hour, note.WindowEnded);
        Assert.Equal("began during maintenance 1 (PSU swap, started by alice) at 2026-11-26 12:00:00Z and was still firing when the window ended at 2026-11-26 13:00:00Z", note.Text);

        rack.Hold("s1", 20, minutes: 1);
        Assert.Equal([EventAction.Trigger, EventAction.Resolve], rack.PagerDuty.Select(e => e.Action));
    }

    [Fact]
    public void An_alert_open_in_PagerDuty_before_the_window_stays_open_resolves_during_it_and_is_not_triggered_again_at_its_end()
    {
        var rack = NewRack();
        rack.Hold("s1", 30, minutes: 1);
        Assert.Single(rack.PagerDuty);

        rack.Start("*", Hour);
        rack.Hold("s1", 30, minutes: 10);
        rack.Hold("s1", 20, minutes: 10);
        rack.Clock.Advance(Hour);
        rack.Hold("s1", 20, minutes: 1);

        Assert.Equal([EventAction.Trigger, EventAction.Resolve], rack.PagerDuty.Select(e => e.Action));
        Assert.Empty(rack.Suppressed);
    }

    [Fact]
    public void An_alert_open_before_the_window_and_still_firing_at_its_end_is_not_triggered_again()
    {
        var rack = NewRack();
        rack.Hold("s1", 30, minutes: 1);
        rack.Start("*", Hour);
        rack.Hold("s1", 30, minutes: 70);

        Assert.Equal([EventAction.Trigger], rack.PagerDuty.Select(e => e.Action));
    }

    [Fact]
    public void Alerts_the_window_does_not_cover_page_as_always_during_it()
    {
        var rack = new MaintenanceRack(Rack.Hot(), Rack.Hot("rack-very-hot") with { Above = 35 });
        rack.Start("s1", Hour, "rack-hot");

        rack.Hold("s2", 30, minutes: 1);
        rack.Hold("s1", 40, minutes: 1);

        // s2 is outside the selector; rack-very-hot on s1 is outside the window's rule list.
        Assert.Equal(["dc1-r12/rack-hot/s2", "dc1-r12/rack-very-hot/s1"], rack.PagerDuty.Select(e => e.DedupKey));
        Assert.Equal(["dc1-r12/rack-hot/s1"], rack.Suppressed.Select(e => e.DedupKey));
    }

    [Fact]
    public void A_device_id_covers_the_devices_own_entities_and_a_glob_matches_as_in_rules()
    {
        var pdu = MaintenanceWindow.ParseSelector("pdu-a");
        var window = new MaintenanceWindow(1, pdu, [], DateTimeOffset.UnixEpoch, DateTimeOffset.MaxValue, "re-cabling", "bob");
        Assert.True(window.Covers("hot", "pdu-a"));
        Assert.True(window.Covers("hot", "pdu-a/sensor/1"));
        Assert.False(window.Covers("hot", "pdu-ab/sensor/1"));
        var globs = window with { Selector = MaintenanceWindow.ParseSelector("pdu-*/sensor/*, s2") };
        Assert.True(globs.Covers("hot", "pdu-b/sensor/2"));
        Assert.True(globs.Covers("hot", "s2"));
        Assert.False(globs.Covers("hot", "pdu-b/outlet/2"));
        Assert.False((window with { Rules = ["other"] }).Covers("hot", "pdu-a"));
    }

    [Fact]
    public void A_window_ended_early_releases_its_held_alert_at_the_next_batch()
    {
        var rack = NewRack();
        var window = rack.Start("*", Hour);
        rack.Hold("s1", 30, minutes: 5);
        Assert.Empty(rack.PagerDuty);

        rack.End(window);
        rack.Batch();

        Assert.Equal(rack.Clock.GetUtcNow(), Assert.Single(rack.PagerDuty).Details.Maintenance!.WindowEnded);
    }

    [Fact]
    public void An_extended_window_holds_on_until_its_new_end()
    {
        var rack = NewRack();
        var window = rack.Start("*", Hour);
        rack.Hold("s1", 30, minutes: 50);
        rack.Windows[0] = window with { End = window.End + TimeSpan.FromMinutes(30) };

        rack.Hold("s1", 30, minutes: 39);
        Assert.Empty(rack.PagerDuty);
        rack.Hold("s1", 30, minutes: 2);
        Assert.Single(rack.PagerDuty);
    }

    [Fact]
    public void A_restart_in_the_middle_of_a_window_forgets_nothing_the_alert_is_held_on_and_triggered_at_the_end()
    {
        var rack = NewRack();
        rack.Start("*", Hour);
        rack.Hold("s1", 30, minutes: 20);

        rack.Restart(down: TimeSpan.FromMinutes(5));
        rack.Hold("s1", 30, minutes: 34);
        Assert.Empty(rack.PagerDuty);
        rack.Hold("s1", 30, minutes: 2);

        var trigger = Assert.Single(rack.PagerDuty);
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero), trigger.Details.Maintenance!.AlertBegan);
    }

    [Fact]
    public void A_restart_in_the_middle_of_a_window_still_never_pages_an_alert_that_clears_inside_it()
    {
        var rack = NewRack();
        rack.Start("*", Hour);
        rack.Hold("s1", 30, minutes: 20);

        rack.Restart(down: TimeSpan.FromMinutes(5));
        rack.Hold("s1", 20, minutes: 60);

        Assert.Empty(rack.PagerDuty);
        Assert.Equal([EventAction.Resolve], rack.Suppressed.Select(e => e.Action));
    }

    [Fact]
    public void A_window_that_ended_while_Edge_was_stopped_counts_as_ending_at_start_even_before_the_sensor_reports_again()
    {
        var rack = NewRack();
        rack.Start("*", Hour);
        rack.Hold("s1", 30, minutes: 30);

        rack.Restart(down: Hour);
        rack.Batch();

        var trigger = Assert.Single(rack.PagerDuty);
        Assert.Equal("dc1-r12/rack-hot/s1", trigger.DedupKey);
        Assert.Equal(rack.Clock.GetUtcNow(), trigger.DetectedAt);
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 13, 0, 0, TimeSpan.Zero), trigger.Details.Maintenance!.WindowEnded);
        rack.Hold("s1", 30, minutes: 5);
        Assert.Single(rack.PagerDuty);
    }

    [Fact]
    public void An_incident_open_before_a_restart_is_still_known_open_after_it_and_its_resolve_goes_during_a_window()
    {
        var rack = NewRack();
        rack.Hold("s1", 30, minutes: 1);
        rack.Restart(down: TimeSpan.FromMinutes(1));
        rack.Start("*", Hour);

        rack.Hold("s1", 20, minutes: 1);

        Assert.Equal([EventAction.Resolve], rack.PagerDuty.Select(e => e.Action));
    }

    [Fact]
    public void A_grouped_incident_is_held_while_every_entity_in_breach_is_covered_and_pages_once_one_is_not()
    {
        var rack = new MaintenanceRack(Rack.Hot() with { Group = GroupBy.Rule });
        rack.Start("s1", Hour);

        rack.Hold("s1", 30, minutes: 1);
        Assert.Empty(rack.PagerDuty);
        rack.Read("s2", 30);

        var trigger = Assert.Single(rack.PagerDuty);
        Assert.Equal("dc1-r12/rack-hot", trigger.DedupKey);
        Assert.Equal(["s1", "s2"], trigger.Details.Entities!.Select(e => e.Entity));
    }

    [Fact]
    public void A_window_may_have_at_most_the_maximum_still_to_run_8_hours_unless_configured()
    {
        var max = MaintenanceWindow.DefaultMaxDuration;

        Assert.Equal(TimeSpan.FromHours(8), max);
        Assert.Null(MaintenanceWindow.LengthProblem(TimeSpan.FromHours(8), max));
        Assert.Null(MaintenanceWindow.LengthProblem(TimeSpan.FromMinutes(30), max));
        // 8 h + 1 s = 28 801 s.
        Assert.Equal("28801s is longer than the maximum of 8h a window may still have to run (maintenance.maxDuration)",
            MaintenanceWindow.LengthProblem(max + TimeSpan.FromSeconds(1), max));
        Assert.Equal("a maintenance window must last longer than 0", MaintenanceWindow.LengthProblem(TimeSpan.Zero, max));
        Assert.NotNull(MaintenanceWindow.LengthProblem(TimeSpan.FromHours(3), TimeSpan.FromHours(2)));
    }
}
