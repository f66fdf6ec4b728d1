using System.Net;
using System.Net.Sockets;
using Edge.Snmp.Ber;
using Edge.Snmp.Client;
using Edge.Snmp.Configuration;
using Edge.Snmp.Protocol;
using Edge.Snmp.Usm;
using Microsoft.Extensions.Logging;

namespace Edge.Snmp.Traps;

/// <summary>
/// The SNMP trap and inform receiver: one UDP socket (IPv4 or IPv6, as the listen address is) and its one receive
/// loop, no thread per device. Every accepted notification from a configured device asks <c>requestPoll</c> to poll
/// that device now; informs are acknowledged. Everything else is dropped and counted, with at most one log line per
/// reason and sender a minute; nothing a datagram contains can end the loop.
/// </summary>
public sealed class TrapReceiver : IAsyncDisposable, IDatagramHandler
{
    private readonly UdpTransport _transport;
    private readonly UsmTraps _usm;
    private readonly TrapCounters _counters;
    private readonly Action<string> _requestPoll;
    private readonly LogLimiter _limiter;
    private readonly ILogger _logger;
    private readonly byte[] _scratch = new byte[65_536];
    private volatile TrapSenders _senders;

    /// <summary>Binds the socket now, so a caller that starts us knows at once whether the port could be had.</summary>
    /// <param name="local">Our engine (ID, boots, time) as the authoritative engine of v3 informs.</param>
    /// <exception cref="SocketException">The address cannot be bound (in use, or port 162 without CAP_NET_BIND_SERVICE).</exception>
    public TrapReceiver(SnmpTrapOptions options, TrapSenders senders, EngineState local, TrapCounters counters, Action<string> requestPoll, TimeProvider time, ILogger logger)
    {
        _senders = senders;
        _usm = new UsmTraps(local, time);
        _counters = counters;
        _requestPoll = requestPoll;
        _limiter = new LogLimiter(time);
        _logger = logger;
        _transport = new UdpTransport(options.Listen, this);
        TrapLog.Listening(logger, LocalEndPoint.ToString(), senders.Count, options.Communities.Count, options.Users.Count);
    }

    public IPEndPoint LocalEndPoint => _transport.LocalEndPoint;

    /// <summary>Swaps in the senders after DNS names were looked up again.</summary>
    public void UseSenders(TrapSenders senders) => _senders = senders;

    void IDatagramHandler.OnDatagram(Span<byte> datagram, SocketAddress from)
    {
        try
        {
            HandleDatagram(datagram, from);
        }
        finally
        {
            // Counted once handled, so whoever sees it counted also sees what became of it.
            _counters.Received();
        }
    }

    private void HandleDatagram(Span<byte> datagram, SocketAddress from)
    {
        IPAddress sender;
        TrapOutcome outcome;
        try
        {
            sender = ((IPEndPoint)LocalEndPoint.Create(from)).Address;
            outcome = Handle(datagram, sender);
        }
        catch (Exception e)
        {
            // The decoders return errors rather than throw; this is the backstop that keeps the loop alive regardless.
            _counters.Dropped(TrapDropReason.Malformed);
            if (_limiter.ShouldLog("failed", out _))
                TrapLog.Failed(_logger, LocalEndPoint.ToString(), from.ToString(), e.GetType().Name);
            return;
        }
        Note(outcome, sender);
        if (outcome.Reply is { } reply)
            Reply(reply, from);
    }

    private TrapOutcome Handle(Span<byte> datagram, IPAddress sender)
    {
        var senders = _senders;
        if (MessageDecoder.ReadVersion(datagram, out var version, out _) != DecodeError.None)
            return TrapOutcome.Drop(TrapDropReason.Malformed, "not an SNMP message");
        return version == SnmpVersion.V3
            ? _usm.Handle(datagram, sender, senders, _scratch)
            : CommunityTraps.Handle(datagram, sender, senders);
    }

    private void Note(TrapOutcome outcome, IPAddress sender)
    {
        if (outcome.Dropped is { } reason)
        {
            _counters.Dropped(reason);
            if (_limiter.ShouldLog($"{reason} {sender}", out var held))
                TrapLog.Dropped(_logger, sender.ToString(), TrapCounters.Name(reason), outcome.Detail, held);
        }
        if (outcome.Reply is not null && !outcome.IsInform)
            _counters.ReportSent();
        if (outcome.Devices.Count == 0)
            return;
        _counters.Accepted();
        if (outcome.IsInform)
            _counters.InformAcknowledged();
        foreach (var device in outcome.Devices)
            _requestPoll(device);
        if (_limiter.ShouldLog($"accepted {sender}", out var more))
            TrapLog.Accepted(_logger, outcome.Detail, sender.ToString(), string.Join(", ", outcome.Devices), more);
    }

    /// <summary>Sent at once on the receive thread: a UDP send waits for buffer space only, never for the network.</summary>
    private void Reply(byte[] reply, SocketAddress to)
    {
        try
        {
            _transport.Send(reply, to);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // The sender retries an unacknowledged inform; nothing to do here.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _transport.DisposeAsync().ConfigureAwait(false);
    }
}
