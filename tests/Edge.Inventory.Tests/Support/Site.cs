using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Edge.Core.Alerts;
using Edge.Core.Configuration;
using Edge.Core.Readings;
using Edge.Core.Rules;
using Edge.Inventory.Configuration;
using Edge.Emulators.Device42;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Edge.Inventory.Tests.Support;

/// <summary>
/// A site as the daemon sees it: the Device42 emulator over real HTTPS on 127.0.0.1 (a self-signed certificate, pinned,
/// as an appliance ships; or the certificate a test gives, trusted as that test says), the inventory source reading it on
/// a fake clock, and a rule engine with the given rules (JSON, as in edge.json). Each <see cref="PollAsync"/> is one
/// poll: the source reads the emulator, the engine takes the readings as one batch, the clock moves on by the interval.
/// </summary>
public sealed class Site : IAsyncDisposable
{
    public const string User = "edge-reader";

    /// <summary>The secret that must never be printed; distinctive so a search for it cannot hit by chance.</summary>
    public const string Password = "Tr0ub4dor&3-n3ver-pr1nt-me";

    private readonly TempDir _directory = new();

    public Site(string rulesJson = "[]", EmulatedInventory? inventory = null, X509Certificate2? certificate = null,
        Func<Device42Options, Device42Options>? configure = null)
    {
        Emulator = new Device42Emulator(User, Password, inventory ?? EmulatedInventory.Demo(), certificate ?? ApplianceCertificate);
        PasswordFile = Path.Combine(_directory.Path, "device42.password");
        File.WriteAllText(PasswordFile, Password + "\n");
        var options = new Device42Options(Emulator.Url, User, PasswordFile)
        {
            LicenseExpiry = new DateOnly(2027, 3, 1),
            PinnedSha256 = certificate is null ? SHA256.HashData(ApplianceCertificate.RawData) : null,
        };
        Options = configure?.Invoke(options) ?? options;
        FindingsFile = Path.Combine(_directory.Path, "device42-findings.txt");
        Source = new Device42Source(Options, Clock, Logger, FindingsFile);

        var problems = new ConfigProblems();
        // An empty list reads as no "rules" at all in the configuration tree: leave the key out.
        var rules = rulesJson.Trim() == "[]" ? "" : $$""", "rules": {{rulesJson}}""";
        var root = Json.Root($$"""{ "appliance": { "id": "dc1-r12" }{{rules}} }""", problems);
        Config = MonitorConfigReader.Read(root, [Options.Descriptor], "dc1-r12")
            ?? throw new InvalidOperationException(string.Join("\n", problems.All));
        Engine = new RuleEngine(Config, new AlertTracker(Config.Appliance, Alerts));
    }

    private static readonly X509Certificate2 ApplianceCertificate = Device42Emulator.CreateSelfSignedCertificate();

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
    public Device42Emulator Emulator { get; }
    public string PasswordFile { get; }

    /// <summary>Where the source keeps the prohibited findings it has seen, as the daemon does in its state directory.</summary>
    public string FindingsFile { get; }
    public Device42Options Options { get; private set; }
    public FakeLogger<Device42Source> Logger { get; } = new();
    public Device42Source Source { get; private set; }
    public MonitorConfig Config { get; }
    public RuleEngine Engine { get; }
    public RecordingAlerts Alerts { get; } = new();

    /// <summary>The readings of the last poll.</summary>
    public List<Reading> Last { get; private set; } = [];

    public async Task PollAsync()
    {
        var sink = new ListSink();
        await Source.PollAsync(sink, CancellationToken.None);
        Last = sink.Readings;
        foreach (var reading in sink.Readings)
            Engine.Accept(reading);
        Engine.EndBatch(Clock.GetUtcNow());
        Clock.Advance(Options.Interval);
    }

    /// <summary>
    /// A new source with changed options, as a reload of edge.json or a restart builds; the rule engine and its alerts
    /// stay (a restart carries them over in the daemon's state).
    /// </summary>
    public void Reconfigure(Func<Device42Options, Device42Options> change)
    {
        Source.Dispose();
        Options = change(Options);
        Source = new Device42Source(Options, Clock, Logger, FindingsFile);
    }

    public async Task PollAsync(int times)
    {
        for (var i = 0; i < times; i++)
            await PollAsync();
    }

    /// <summary>The value the last poll read for a series, or null when it read none.</summary>
    public double? Value(string entity, string metric) =>
        Last.Where(r => r.Entity == entity && r.Metric == metric).Select(r => (double?)r.Value).SingleOrDefault();

    public async ValueTask DisposeAsync()
    {
        Source.Dispose();
        await Emulator.DisposeAsync();
        _directory.Dispose();
    }
}
