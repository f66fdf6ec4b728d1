using Edge.Core.Alerts;
using Edge.Core.Configuration;
using Edge.Core.Rules;
using Edge.Core.Status;
using Edge.Delivery.Clock;
using Edge.Delivery.Configuration;
using Edge.Emulators.PagerDuty;
using Edge.Delivery.Outbox;
using Edge.Delivery.PagerDuty;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Edge.Delivery.Tests.Support;

/// <summary>
/// The deliver stage on a fake clock: a real outbox file, the real forwarder, real HTTP to the emulator on 127.0.0.1.
/// Tests publish events, then pump the forwarder, moving the clock to whenever it says something is next due.
/// </summary>
public sealed class Pipeline : IAsyncDisposable
{
    public const string Key = "R0123456789abcdefABCDEF012345678";
    public const string PowerKey = "P0123456789abcdefABCDEF012345678";

    private readonly TempDir _dir = new();
    private readonly PagerDutyConnection _connection;

    public Pipeline(DeliveryOptions? options = null, DateTimeOffset? start = null, bool synchronized = true)
    {
        Time = new FakeTimeProvider(start ?? new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
        Boot = new FakeBootClock(Time);
        Sync = new FakeClockSync(synchronized);
        Emulator = new PagerDutyEmulator(Time).Start();
        Options = (options ?? new DeliveryOptions()) with
        {
            Endpoint = Emulator.Endpoint,
            RoutingKey = new RoutingKey(Key, "test"),
            Routes = new Dictionary<string, RoutingKey> { ["power"] = new(PowerKey, "test power") },
        };
        _connection = new PagerDutyConnection("9.9.9", Time, Log);
        Store = OutboxStore.Open(_dir.Path, Time);
        Writer = new OutboxWriter(Store, Boot, Sync, Time, NullLogger<OutboxWriter>.Instance) { CheckClockSync = Options.CheckClockSync };
        Forwarder = NewForwarder();
    }

    public FakeTimeProvider Time { get; }
    public FakeBootClock Boot { get; }
    public FakeClockSync Sync { get; }
    public PagerDutyEmulator Emulator { get; }

    /// <summary>What the delivery stage logged about its connector.</summary>
    public FakeLogger Log { get; } = new();
    /// <summary>The configuration in force; a test replaces it as a reload does (the forwarder reads it every pass).</summary>
    public DeliveryOptions Options { get; set; }
    public OutboxStore Store { get; private set; }
    public OutboxWriter Writer { get; private set; }
    public OutboxForwarder Forwarder { get; private set; }
    public string StateDir => _dir.Path;

    public OutboxForwarder NewForwarder(Action<UplinkStatus>? uplinkChanged = null) =>
        new(Store, () => Options, _connection, Boot, ClockSync, Time, new Random(7), NullLogger<OutboxForwarder>.Instance)
        {
            UplinkChanged = uplinkChanged,
        };

    /// <summary>What the host gives the forwarder: the kernel's word, or with "clock": "assume-synchronized" always yes.</summary>
    private IClockSyncSource ClockSync => Options.CheckClockSync ? Sync : new AssumedClockSync();

    /// <summary>Closes and reopens the outbox, as a restart of the daemon does.</summary>
    public void Restart()
    {
        Store.Dispose();
        Store = OutboxStore.Open(_dir.Path, Time);
        Writer = new OutboxWriter(Store, Boot, Sync, Time, NullLogger<OutboxWriter>.Instance) { CheckClockSync = Options.CheckClockSync };
        Forwarder = NewForwarder();
    }

    /// <summary>Publishes and commits at once, as one evaluate batch with one event.</summary>
    public void Publish(AlertEvent e)
    {
        var batch = new AlertBatch();
        batch.Publish(e);
        Assert.True(Writer.Commit(batch));
    }

    public static readonly ApplianceIdentity Appliance = new("dc1-r12", "DC1", "R12");

    public static AlertEvent Event(EventAction action, string entity, DateTimeOffset at, Severity severity = Severity.Warning, string? route = null) => new()
    {
        Action = action,
        DedupKey = $"dc1-r12/rack-hot/{entity}",
        Appliance = Appliance,
        RuleId = "rack-hot",
        RuleType = "sensor",
        SourceId = entity,
        Entity = entity,
        Severity = severity,
        Summary = $"{entity} is {(action == EventAction.Trigger ? "hot" : "fine")}",
        DetectedAt = at,
        Route = route,
        Details = new AlertDetails { Rule = "rack-hot", Condition = "temperature_c > 27", Metric = "temperature_c", Unit = "°C", Value = "28.5" },
    };

    /// <summary>
    /// Pumps until nothing is pending or <paramref name="maxPasses"/> passes, each time moving the fake clock to when
    /// the forwarder said something is next due (at least <paramref name="minStep"/>). Returns the passes used.
    /// </summary>
    public async Task<int> PumpUntilIdleAsync(int maxPasses = 10_000, TimeSpan? minStep = null)
    {
        var step = minStep ?? TimeSpan.FromMilliseconds(100);
        for (var pass = 1; pass <= maxPasses; pass++)
        {
            var next = await Forwarder.PumpAsync(CancellationToken.None);
            if (Store.Counts().Pending == 0)
                return pass;
            var now = Time.GetUtcNow();
            Time.Advance(next > now + step ? next - now : step);
        }
        return maxPasses;
    }

    public async ValueTask DisposeAsync()
    {
        Store.Dispose();
        await Emulator.DisposeAsync();
        _connection.Dispose();
        _dir.Dispose();
    }
}
