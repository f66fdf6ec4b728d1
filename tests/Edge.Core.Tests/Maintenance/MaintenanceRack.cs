using Edge.Core.Alerts;
using Edge.Core.Maintenance;
using Edge.Core.Readings;
using Edge.Core.Rules;
using Edge.Core.Tests.Support;

namespace Edge.Core.Tests.Maintenance;

/// <summary>
/// The evaluate stage with maintenance, as the daemon runs it: engine → tracker → gate → what leaves for the outbox
/// (<see cref="Out"/>). <see cref="PagerDuty"/> is what would be sent (suppressed events are only recorded), and
/// "a restart" is a new engine and gate from the persisted alert state and the incidents PagerDuty has open.
/// </summary>
public sealed class MaintenanceRack
{
    private readonly Rack _rack;
    private long _nextId = 1;

    public MaintenanceRack(params RuleDefinition[] rules)
    {
        _rack = new Rack(rules);
        Gate = new MaintenanceGate(Out, []);
        Engine = new RuleEngine(_rack.Config, new AlertTracker(_rack.Config.Appliance, Gate));
    }

    public Microsoft.Extensions.Time.Testing.FakeTimeProvider Clock => _rack.Clock;
    public RecordingSink Out { get; private set; } = new();
    public MaintenanceGate Gate { get; private set; }
    public RuleEngine Engine { get; private set; }
    public List<MaintenanceWindow> Windows { get; } = [];

    public IEnumerable<AlertEvent> PagerDuty => Out.Events.Where(e => e.SuppressedBy is null);
    public IEnumerable<AlertEvent> Suppressed => Out.Events.Where(e => e.SuppressedBy is not null);

    public MaintenanceWindow Start(string selector, TimeSpan length, params string[] rules)
    {
        var now = Clock.GetUtcNow();
        var window = new MaintenanceWindow(_nextId++, MaintenanceWindow.ParseSelector(selector), rules, now, now + length, "PSU swap", "alice");
        Windows.Add(window);
        return window;
    }

    public void End(MaintenanceWindow window) => Windows[Windows.IndexOf(window)] = window with { End = Clock.GetUtcNow() };

    /// <summary>One batch as EvaluationService runs it: the windows as the database has them, held triggers due, then the reading.</summary>
    public void Read(string entity, double celsius)
    {
        Batch();
        Engine.Accept(new Reading(entity, Metrics.TemperatureC, celsius, Clock.GetUtcNow()));
        Engine.EndBatch(Clock.GetUtcNow());
    }

    public void Batch()
    {
        Gate.Windows = [.. Windows];
        Gate.Release(Engine, Clock.GetUtcNow());
    }

    /// <summary>Minutes of polls every 10 s of one sensor at one temperature.</summary>
    public void Hold(string entity, double celsius, int minutes)
    {
        for (var i = 0; i < minutes * 6; i++)
        {
            Read(entity, celsius);
            Clock.Advance(Rack.Interval);
        }
    }

    /// <summary>
    /// Stops and starts the evaluate stage as a restart does: only the alert state and the incidents PagerDuty has
    /// open (the outbox's, every trigger sent and not resolved) survive; <paramref name="down"/> passes in between.
    /// </summary>
    public void Restart(TimeSpan down)
    {
        var records = Engine.Snapshot().ToList();
        var open = new HashSet<string>();
        foreach (var e in PagerDuty)
        {
            if (e.Action == EventAction.Trigger)
                open.Add(e.DedupKey);
            else
                open.Remove(e.DedupKey);
        }
        Clock.Advance(down);
        Out = new RecordingSink();
        Gate = new MaintenanceGate(Out, open);
        Engine = new RuleEngine(Engine.Config, new AlertTracker(Engine.Config.Appliance, Gate), records);
        Gate.Resume(Engine.Config, records, [.. Windows]);
    }
}
