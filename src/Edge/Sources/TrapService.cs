using System.Net;
using System.Net.Sockets;
using Edge.Configuration;
using Edge.Snmp.Configuration;
using Edge.Snmp.Polling;
using Edge.Snmp.Traps;
using Edge.Snmp.Usm;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Edge.Pipeline;
using Edge.Status;
using Edge.Systemd;

namespace Edge.Sources;

/// <summary>
/// Runs the SNMP trap receiver while the configuration has <c>snmpTraps</c>, and makes it anew on every applied
/// configuration. Each accepted trap asks <see cref="PollWakeups"/> to poll its device now. The socket is bound in
/// <see cref="StartAsync"/>, before the host reports started, so a trap sent right after start is not lost.
/// </summary>
public sealed class TrapService(ConfigState config, PollWakeups wakeups, TrapCounters counters, TimeProvider time, ILoggerFactory loggers) : BackgroundService
{
    /// <summary>Devices named by DNS are looked up again this often, so a trap from a moved device still maps.</summary>
    private static readonly TimeSpan DnsRefresh = TimeSpan.FromMinutes(5);

    private readonly ILogger _logger = loggers.CreateLogger<TrapService>();
    private readonly Lock _gate = new();
    private int? _boots;
    private EngineState? _engine;
    private TrapReceiver? _receiver;
    private int _generation;

    /// <summary>What <c>edge status</c> shows: null when no receiver is configured.</summary>
    public TrapServiceStatus? Status()
    {
        var options = config.Current.SnmpTraps;
        if (options is null)
            return null;
        TrapReceiver? receiver;
        lock (_gate)
            receiver = _receiver;
        return new TrapServiceStatus(receiver?.LocalEndPoint.ToString() ?? options.Listen.ToString(), receiver is not null, counters.Snapshot(), wakeups.EarlyPolls);
    }

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _generation = config.Generation;
        Use(Start(config.Current));
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (true)
            {
                var current = config.Current;
                var changed = config.WaitForChangeAsync(_generation, stoppingToken);
                using (var refresh = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken))
                {
                    while (!changed.IsCompleted && current.SnmpTraps is { } options && current.Snmp.Any(d => !IPAddress.TryParse(d.Host, out _)))
                    {
                        var senders = Senders(current, options, await ResolveNamesAsync(current, stoppingToken));
                        lock (_gate)
                            _receiver?.UseSenders(senders);
                        await Task.WhenAny(changed, Task.Delay(DnsRefresh, time, refresh.Token));
                    }
                    await changed;
                    await refresh.CancelAsync();
                }
                _generation = config.Generation;
                await StopReceiverAsync();
                Use(Start(config.Current));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await StopReceiverAsync();
    }

    private TrapReceiver? Start(EdgeConfig current)
    {
        if (current.SnmpTraps is not { } options)
            return null;
        var engine = Engine(current, options);
        // IP literals map at once; DNS names are added by ExecuteAsync when looked up.
        var senders = Senders(current, options, []);
        try
        {
            return new TrapReceiver(options, senders, engine, counters, id => wakeups.Request(id), time, loggers.CreateLogger<TrapReceiver>());
        }
        catch (SocketException e)
        {
            Log.TrapListenFailed(_logger, options.Listen.ToString(), e.SocketErrorCode.ToString());
            return null;
        }
    }

    private void Use(TrapReceiver? receiver)
    {
        lock (_gate)
            _receiver = receiver;
    }

    private async Task StopReceiverAsync()
    {
        TrapReceiver? receiver;
        lock (_gate)
            (receiver, _receiver) = (_receiver, null);
        if (receiver is not null)
            await receiver.DisposeAsync();
    }

    /// <summary>Our engine for v3 informs: its ID from the configuration or the appliance id; boots counted once per daemon start.</summary>
    private EngineState Engine(EdgeConfig current, SnmpTrapOptions options)
    {
        var id = options.EngineId ?? LocalEngine.DefaultId(current.Monitor.Appliance.Id);
        if (_engine is not null && _engine.EngineId.AsSpan().SequenceEqual(id))
            return _engine;
        _boots ??= ReadBoots(current.StateDir);
        return _engine = new EngineState(id, _boots.Value, 0, time);
    }

    private int ReadBoots(string stateDir)
    {
        try
        {
            return SnmpEngineBoots.Next(stateDir);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Log.EngineBootsNotKept(_logger, Path.Combine(stateDir, SnmpEngineBoots.FileName), e.Message);
            return 1;
        }
    }

    private static TrapSenders Senders(EdgeConfig current, SnmpTrapOptions options, IEnumerable<(SnmpDeviceOptions, IPAddress)> named)
    {
        var literal = current.Snmp.Select(d => (Device: d, Address: IPAddress.TryParse(d.Host, out var a) ? a : null))
            .Where(d => d.Address is not null).Select(d => (d.Device, d.Address!));
        return new TrapSenders(literal.Concat(named), options);
    }

    private static async Task<List<(SnmpDeviceOptions, IPAddress)>> ResolveNamesAsync(EdgeConfig current, CancellationToken ct)
    {
        var resolved = new List<(SnmpDeviceOptions, IPAddress)>();
        foreach (var device in current.Snmp.Where(d => !IPAddress.TryParse(d.Host, out _)))
        {
            if ((await EndpointResolver.ResolveAsync(device.Host, device.Port, device.Timeout, ct)).EndPoint is { } endPoint)
                resolved.Add((device, endPoint.Address));
        }
        return resolved;
    }
}

/// <summary>The trap receiver as <c>edge status</c> shows it.</summary>
public sealed record TrapServiceStatus(string Listen, bool Listening, TrapCountersSnapshot Counters, long EarlyPolls);
