using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Edge.Snmp.Ber;
using Edge.Snmp.Protocol;
using Edge.Snmp.Usm;

namespace Edge.Snmp.Client;

/// <summary>
/// Polls any number of agents concurrently over one UDP socket per address family, with no thread per device:
/// requests wait on a task, one receive loop per socket matches responses to requests by request-id (v1/v2c) or
/// msgID (v3) and by sender address and port, and drops everything else. Timeouts and retries run on the injected
/// <see cref="TimeProvider"/>. Failures are <see cref="SnmpResult"/>s, never exceptions (cancellation excepted).
/// </summary>
/// <remarks>
/// Threads: inside the client, the code after an answer (decoding, the next request of a walk, its encryption and
/// send) runs on the receive thread that took the answer, so a walk costs one thread switch per response, as
/// snmpbulkwalk's does. The caller's code never runs there: every public method completes on the thread pool
/// (<see cref="OffReceiveThread"/>), so a slow or blocking caller cannot hold up other devices' answers.
/// </remarks>
public sealed class SnmpClient : IAsyncDisposable, IDatagramHandler
{
    /// <summary>GETBULK max-repetitions of a walk unless told otherwise; responses stay well under a 1472-octet MTU payload for typical rows.</summary>
    public const int DefaultMaxRepetitions = 25;

    /// <summary>A walk stops after this many varbinds: an agent that keeps inventing increasing OIDs must not exhaust memory.</summary>
    public const int MaxWalkVarBinds = 1_000_000;

    private static readonly UsmKeys Discovery = new([], SecurityLevel.NoAuthNoPriv, AuthProtocol.None, [], PrivProtocol.None, []);

    [ThreadStatic]
    private static byte[]? t_scratch;

    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<int, PendingRequest> _pending = new();
    private readonly ConcurrentDictionary<IPEndPoint, EngineState> _engines = new();
    private readonly UsmKeyCache _keys = new();
    private readonly Lock _gate = new();
    private UdpTransport? _v4;
    private UdpTransport? _v6;
    private int _nextId;
    private long _salt;
    private long _discarded;
    private long _retransmissions;
    private bool _disposed;

    public SnmpClient(TimeProvider time)
    {
        _time = time;
        // Random starting points make a restarted client's ids and salts unlikely to repeat the last run's.
        _nextId = Random.Shared.Next(1, int.MaxValue / 2);
        _salt = Random.Shared.NextInt64();
    }

    /// <summary>Datagrams dropped because nothing was waiting for them (unknown id, wrong sender, undecodable header, or one whose handling failed).</summary>
    public long DiscardedDatagrams => Interlocked.Read(ref _discarded) + (_v4?.HandlerFaults ?? 0) + (_v6?.HandlerFaults ?? 0);

    /// <summary>Requests sent again after a timeout: a lost request or answer (or a full receive buffer) shows here.</summary>
    public long Retransmissions => Interlocked.Read(ref _retransmissions);

    public Task<SnmpResult> GetAsync(SnmpTarget target, IReadOnlyList<Oid> oids, CancellationToken ct) =>
        OffReceiveThread(RequestAsync(target, PduType.GetRequest, oids, 0, 0, ct));

    public Task<SnmpResult> GetNextAsync(SnmpTarget target, IReadOnlyList<Oid> oids, CancellationToken ct) =>
        OffReceiveThread(RequestAsync(target, PduType.GetNextRequest, oids, 0, 0, ct));

    public Task<SnmpResult> GetBulkAsync(SnmpTarget target, IReadOnlyList<Oid> oids, int nonRepeaters, int maxRepetitions, CancellationToken ct)
    {
        if (target.Version == SnmpVersion.V1)
            return Task.FromResult(SnmpResult.Fail(new SnmpError(SnmpErrorKind.InvalidRequest, $"{target.Describe()}: GETBULK does not exist in SNMPv1")));
        return OffReceiveThread(RequestAsync(target, PduType.GetBulkRequest, oids, Math.Max(0, nonRepeaters), Math.Max(0, maxRepetitions), ct));
    }

    public Task<SnmpResult> WalkAsync(SnmpTarget target, Oid root, CancellationToken ct) =>
        WalkAsync(target, root, DefaultMaxRepetitions, ct);

    /// <summary>
    /// Every varbind under <paramref name="root"/>, in order: GETBULK for v2c/v3, GETNEXT for v1 or for an agent that
    /// answers GETBULK with an error. Stops at the end of the subtree or endOfMibView (v1: noSuchName), and with
    /// <see cref="SnmpErrorKind.NotIncreasing"/> when an OID does not increase. The endOfMibView varbinds of the last
    /// response are kept at the end of the list (as data, the way snmpbulkwalk prints them). When the subtree is empty, the root
    /// itself is fetched with GET, as net-snmp's walk tools do for a single instance.
    /// </summary>
    public Task<SnmpResult> WalkAsync(SnmpTarget target, Oid root, int maxRepetitions, CancellationToken ct) =>
        OffReceiveThread(WalkIntoListAsync(target, root, maxRepetitions, ct));

    private async Task<SnmpResult> WalkIntoListAsync(SnmpTarget target, Oid root, int maxRepetitions, CancellationToken ct)
    {
        var results = new List<VarBind>();
        var walk = await WalkCoreAsync(target, root, maxRepetitions, vb => results.Add(vb.ToVarBind()), ct).ConfigureAwait(false);
        return new SnmpResult(results, walk.Error);
    }

    /// <summary>
    /// The walk of <see cref="WalkAsync(SnmpTarget, Oid, int, CancellationToken)"/>, handing each varbind to
    /// <paramref name="each"/> as its response comes in instead of keeping them: memory stays at one response however
    /// large the subtree (<c>edge snmp walk</c> prints as it goes). The result has no varbinds, only the error if the
    /// walk stopped early; the varbinds handed over before it are the ones the list form would have kept.
    /// <paramref name="each"/> is called on the client's receive thread between two requests of the walk: it must be
    /// quick and must not wait for another SNMP answer. The varbind's OID is arcs in the walk's buffer (no
    /// <see cref="Oid"/> per varbind): <see cref="VarBindView.ToVarBind"/> to keep one.
    /// </summary>
    public Task<SnmpResult> WalkAsync(SnmpTarget target, Oid root, int maxRepetitions, Action<VarBindView> each, CancellationToken ct) =>
        OffReceiveThread(WalkCoreAsync(target, root, maxRepetitions, each, ct));

    private async Task<SnmpResult> WalkCoreAsync(SnmpTarget target, Oid root, int maxRepetitions, Action<VarBindView> each, CancellationToken ct)
    {
        var walk = new WalkCursor(root);
        var bulk = target.Version != SnmpVersion.V1;
        var repetitions = Math.Clamp(maxRepetitions, 1, 1000);
        // Each answer's varbinds are copied here by the receive thread and decoded one at a time by Visit: the walk
        // creates no Oid per varbind. 1,500 octets hold an Ethernet-sized answer; a larger one brings its own array.
        var raw = new byte[1_500];
        while (walk.Walked < MaxWalkVarBinds)
        {
            var step = bulk
                ? await RequestAsync(target, PduType.GetBulkRequest, [walk.Current()], 0, repetitions, ct, raw).ConfigureAwait(false)
                : await RequestAsync(target, PduType.GetNextRequest, [walk.Current()], 0, 0, ct, raw).ConfigureAwait(false);
            if (step.Error is { } error)
            {
                if (error.Kind == SnmpErrorKind.ErrorStatus)
                {
                    if (bulk && error.Status == ErrorStatus.TooBig && repetitions > 1)
                    {
                        repetitions = Math.Max(1, repetitions / 2);
                        continue;
                    }
                    // v1 signals the end of the MIB with noSuchName (RFC 1157 §4.1.3).
                    if (!bulk && error.Status == ErrorStatus.NoSuchName)
                        break;
                    // An agent that mishandles GETBULK (LibreNMS disables bulk for some vendors): walk on with GETNEXT.
                    if (bulk)
                    {
                        bulk = false;
                        continue;
                    }
                }
                return SnmpResult.Fail(error);
            }
            var answer = step.RawVarBinds;
            if (answer.Array is null)
                throw new InvalidOperationException("a walk's answer without error came back decoded instead of as bytes");
            raw = answer.Array;
            var (done, notIncreasing) = walk.Visit(answer, each);
            if (notIncreasing is not null)
                return SnmpResult.Fail(new SnmpError(SnmpErrorKind.NotIncreasing, $"{target.Describe()}: {notIncreasing}"));
            if (done)
                break;
        }
        if (walk.Walked == 0)
        {
            var get = await RequestAsync(target, PduType.GetRequest, [root], 0, 0, ct).ConfigureAwait(false);
            if (get.Ok && get.VarBinds.Count == 1 && !get.VarBinds[0].Value.IsException)
                each(new VarBindView(get.VarBinds[0].Oid.Arcs, get.VarBinds[0].Value));
        }
        return new SnmpResult([], null);
    }

    /// <summary>
    /// <paramref name="inner"/>'s outcome, delivered to the caller on the thread pool rather than on the receive thread
    /// that completed it (see the class remarks): one hop per call, not one per step of the request.
    /// </summary>
    private static Task<SnmpResult> OffReceiveThread(Task<SnmpResult> inner)
    {
        if (inner.IsCompleted)
            return inner;
        var outer = new TaskCompletionSource<SnmpResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        inner.ContinueWith(static (done, state) => ((TaskCompletionSource<SnmpResult>)state!).TrySetFromTask(done),
            outer, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return outer.Task;
    }

    /// <param name="rawInto">For a walk: keep an answer without error as bytes, in this array if it fits (see <see cref="PendingRequest"/>).</param>
    private async Task<SnmpResult> RequestAsync(SnmpTarget target, PduType type, IReadOnlyList<Oid> oids, int nonRepeaters, int maxRepetitions, CancellationToken ct,
        byte[]? rawInto = null)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        foreach (var oid in oids)
        {
            if (!MessageEncoder.IsEncodable(oid))
                return SnmpResult.Fail(new SnmpError(SnmpErrorKind.InvalidRequest, $"{target.Describe()}: OID {oid} cannot be sent (first arc 0-2, second below 40 under 0 and 1, at most 128 arcs)"));
        }
        var result = target.Version == SnmpVersion.V3
            ? await V3RequestAsync(target, type, oids, nonRepeaters, maxRepetitions, rawInto, ct).ConfigureAwait(false)
            : await CommunityRequestAsync(target, type, oids, nonRepeaters, maxRepetitions, rawInto, ct).ConfigureAwait(false);
        // tooBig on GET/GETNEXT (RFC 3416 §4.2.1): ask for half the varbinds at a time.
        if (result.Error is { Kind: SnmpErrorKind.ErrorStatus, Status: ErrorStatus.TooBig } && type != PduType.GetBulkRequest && oids.Count > 1)
        {
            var half = oids.Count / 2;
            var first = await RequestAsync(target, type, oids.Take(half).ToArray(), 0, 0, ct).ConfigureAwait(false);
            if (!first.Ok)
                return first;
            var second = await RequestAsync(target, type, oids.Skip(half).ToArray(), 0, 0, ct).ConfigureAwait(false);
            return second.Ok ? new SnmpResult([.. first.VarBinds, .. second.VarBinds], null) : second;
        }
        return result;
    }

    private async Task<SnmpResult> CommunityRequestAsync(SnmpTarget target, PduType type, IReadOnlyList<Oid> oids, int nonRepeaters, int maxRepetitions, byte[]? rawInto, CancellationToken ct)
    {
        var id = NextId();
        var message = MessageEncoder.EncodeCommunity(target.Version, Encoding.UTF8.GetBytes(target.Community), Pdu.Request(type, id, oids, nonRepeaters, maxRepetitions));
        var pending = new PendingRequest(id, Address(target), target.Version, type == PduType.GetRequest ? oids : null, rawInto: rawInto);
        var (reply, error) = await ExchangeAsync(target, pending, () => message, ct).ConfigureAwait(false);
        return error is not null ? SnmpResult.Fail(error) : ToResult(target, reply!);
    }

    private async Task<SnmpResult> V3RequestAsync(SnmpTarget target, PduType type, IReadOnlyList<Oid> oids, int nonRepeaters, int maxRepetitions, byte[]? rawInto, CancellationToken ct)
    {
        if (target.Usm is not { } usm)
            return SnmpResult.Fail(new SnmpError(SnmpErrorKind.InvalidRequest, $"{target.EndPoint}: SNMPv3 needs a user"));
        if (usm.Problem() is { } problem)
            return SnmpResult.Fail(new SnmpError(SnmpErrorKind.InvalidRequest, $"{target.Describe()}: {problem}"));

        var (engine, discoveryError) = await GetEngineAsync(target, ct).ConfigureAwait(false);
        if (discoveryError is not null)
            return SnmpResult.Fail(discoveryError);
        var context = Encoding.UTF8.GetBytes(usm.Context ?? "");
        bool resynced = false, rediscovered = false;
        while (true)
        {
            var keys = _keys.Get(usm.User, usm.Level, usm.Auth, usm.AuthKey, usm.Priv, usm.PrivKey, engine!.EngineId);
            var id = NextId();
            // contextEngineID is the agent's own engine (RFC 3412 §7.1 step 1, the default context).
            var scoped = V3MessageEncoder.EncodeScopedPdu(engine.EngineId, context, Pdu.Request(type, id, oids, nonRepeaters, maxRepetitions));
            var pending = new PendingRequest(id, Address(target), SnmpVersion.V3, type == PduType.GetRequest ? oids : null, keys, engine, rawInto);
            var current = engine;
            var (reply, error) = await ExchangeAsync(target, pending, () =>
            {
                var (boots, time) = current.Estimate();
                return V3MessageEncoder.Encode(id, reportable: true, keys, current.EngineId, boots, time, scoped, UsmPrivacy.Salt(boots, Interlocked.Increment(ref _salt)));
            }, ct).ConfigureAwait(false);
            if (error is not null)
                return SnmpResult.Fail(error);
            if (reply!.Type != PduType.Report)
                return ToResult(target, reply);

            var kind = ReportKind(reply.VarBinds);
            if (kind == SnmpErrorKind.NotInTimeWindow && !resynced && reply.Authenticated)
            {
                // RFC 3414 §4: the agent's authenticated notInTimeWindow report carries its boots and time; adopt them and retry once.
                engine.Resync(reply.EngineBoots, reply.EngineTime);
                resynced = true;
                continue;
            }
            if (kind == SnmpErrorKind.UnknownEngine && !rediscovered)
            {
                // The agent's engine ID changed (replaced card, reset): forget it and discover again, once.
                _engines.TryRemove(target.EndPoint, out _);
                (engine, discoveryError) = await GetEngineAsync(target, ct).ConfigureAwait(false);
                if (discoveryError is not null)
                    return SnmpResult.Fail(discoveryError);
                rediscovered = true;
                continue;
            }
            return SnmpResult.Fail(new SnmpError(kind, $"{target.Describe()}: {ReportText(kind, reply.VarBinds)}"));
        }
    }

    /// <summary>RFC 3414 §4: an unauthenticated request with an empty engine ID and user draws a Report carrying the engine ID.</summary>
    private async Task<(EngineState?, SnmpError?)> GetEngineAsync(SnmpTarget target, CancellationToken ct)
    {
        if (_engines.TryGetValue(target.EndPoint, out var known))
            return (known, null);
        var id = NextId();
        var scoped = V3MessageEncoder.EncodeScopedPdu([], [], Pdu.Request(PduType.GetRequest, id, []));
        var message = V3MessageEncoder.Encode(id, reportable: true, Discovery, [], 0, 0, scoped, []);
        var pending = new PendingRequest(id, Address(target), SnmpVersion.V3, null, Discovery);
        var (reply, error) = await ExchangeAsync(target, pending, () => message, ct).ConfigureAwait(false);
        if (error is not null)
            return (null, error with { Message = error.Message + " (during v3 engine discovery)" });
        if (reply!.Type != PduType.Report || reply.EngineId is not { Length: > 0 } engineId)
            return (null, new SnmpError(SnmpErrorKind.UnknownEngine, $"{target.Describe()}: engine discovery got no engine ID"));
        var engine = new EngineState(engineId, reply.EngineBoots, reply.EngineTime, _time);
        return (_engines.GetOrAdd(target.EndPoint, engine), null);
    }

    /// <summary>Sends and resends until a matching reply, the retries run out, or <paramref name="ct"/> cancels.</summary>
    private async Task<(Reply?, SnmpError?)> ExchangeAsync(SnmpTarget target, PendingRequest pending, Func<byte[]> encode, CancellationToken ct)
    {
        UdpTransport transport;
        try
        {
            transport = Transport(target.EndPoint.AddressFamily);
        }
        catch (SocketException e)
        {
            // No socket (EMFILE: the process is out of descriptors): this request fails like an unreachable device,
            // and the next one tries to open the socket again.
            return (null, new SnmpError(SnmpErrorKind.Unreachable, $"{target.Describe()}: cannot open a UDP socket ({e.SocketErrorCode})"));
        }
        if (!_pending.TryAdd(pending.Id, pending))
            return (null, new SnmpError(SnmpErrorKind.InvalidRequest, $"{target.Describe()}: request id collision"));
        try
        {
            var timeout = target.EffectiveTimeout;
            var attempts = Math.Max(0, target.Retries) + 1;
            for (var attempt = 0; attempt < attempts; attempt++)
            {
                // The timer starts before the datagram leaves, so an answer can never beat its own timeout's registration.
                var wait = pending.Task.WaitAsync(timeout, _time, ct);
                if (attempt > 0)
                    Interlocked.Increment(ref _retransmissions);
                try
                {
                    transport.Send(encode(), pending.Address);
                }
                catch (SocketException e)
                {
                    return (null, new SnmpError(SnmpErrorKind.Unreachable, $"{target.Describe()}: cannot send ({e.SocketErrorCode})"));
                }
                try
                {
                    return (await wait.ConfigureAwait(false), null);
                }
                catch (TimeoutException)
                {
                }
            }
            return pending.LastRejection is { } why
                ? (null, new SnmpError(why.Contains("decrypt", StringComparison.Ordinal) ? SnmpErrorKind.DecryptionError : SnmpErrorKind.Malformed, $"{target.Describe()}: {why}"))
                : (null, new SnmpError(SnmpErrorKind.Timeout, $"{target.Describe()}: no response after {attempts} attempt{(attempts == 1 ? "" : "s")} of {timeout.TotalSeconds:0.###} s"));
        }
        finally
        {
            _pending.TryRemove(pending.Id, out _);
        }
    }

    void IDatagramHandler.OnDatagram(Span<byte> datagram, SocketAddress from)
    {
        if (MessageDecoder.PeekMatchId(datagram, out _, out var id) != DecodeError.None
            || !_pending.TryGetValue(id, out var pending)
            || !pending.Address.Equals(from))
        {
            Interlocked.Increment(ref _discarded);
            return;
        }
        t_scratch ??= new byte[65_536];
        if (!pending.TryAccept(datagram, t_scratch))
            Interlocked.Increment(ref _discarded);
    }

    private static SnmpResult ToResult(SnmpTarget target, Reply reply)
    {
        if (reply.ErrorStatus == 0)
            return new SnmpResult(reply.VarBinds, null) { RawVarBinds = reply.RawVarBinds };
        var status = (ErrorStatus)reply.ErrorStatus;
        var at = reply.ErrorIndex >= 1 && reply.ErrorIndex <= reply.VarBinds.Count ? $" at {reply.VarBinds[reply.ErrorIndex - 1].Oid}" : "";
        var name = Enum.IsDefined(status) ? char.ToLowerInvariant(status.ToString()[0]) + status.ToString()[1..] : $"error-status {reply.ErrorStatus}";
        return new SnmpResult(reply.VarBinds, new SnmpError(SnmpErrorKind.ErrorStatus, $"{target.Describe()}: agent answered {name}{at}")
        {
            Status = status,
            Index = reply.ErrorIndex,
        });
    }

    private static SnmpErrorKind ReportKind(List<VarBind> varBinds)
    {
        var oid = varBinds.Count > 0 ? varBinds[0].Oid : null;
        if (oid == UsmStats.UnknownUserNames) return SnmpErrorKind.UnknownUser;
        if (oid == UsmStats.WrongDigests) return SnmpErrorKind.WrongDigest;
        if (oid == UsmStats.NotInTimeWindows) return SnmpErrorKind.NotInTimeWindow;
        if (oid == UsmStats.UnknownEngineIds) return SnmpErrorKind.UnknownEngine;
        if (oid == UsmStats.DecryptionErrors) return SnmpErrorKind.DecryptionError;
        if (oid == UsmStats.UnsupportedSecLevels) return SnmpErrorKind.UnsupportedSecurityLevel;
        return SnmpErrorKind.Malformed;
    }

    private static string ReportText(SnmpErrorKind kind, List<VarBind> varBinds) => kind switch
    {
        SnmpErrorKind.UnknownUser => "unknown v3 user (report usmStatsUnknownUserNames)",
        SnmpErrorKind.WrongDigest => "wrong v3 authentication password or protocol (report usmStatsWrongDigests)",
        SnmpErrorKind.NotInTimeWindow => "not in time window even after resynchronising (report usmStatsNotInTimeWindows)",
        SnmpErrorKind.UnknownEngine => "unknown engine ID even after rediscovery (report usmStatsUnknownEngineIDs)",
        SnmpErrorKind.DecryptionError => "wrong v3 privacy password or protocol (report usmStatsDecryptionErrors)",
        SnmpErrorKind.UnsupportedSecurityLevel => "the user does not exist at this security level (report usmStatsUnsupportedSecLevels)",
        _ => $"agent sent a report ({(varBinds.Count > 0 ? varBinds[0].Oid.ToString() : "no varbinds")})",
    };

    private int NextId()
    {
        // msgID and request-id share one counter; both must stay in 0..2^31-1 (RFC 3412 §6.2, RFC 3416 §3).
        var id = Interlocked.Increment(ref _nextId) & int.MaxValue;
        return id == 0 ? NextId() : id;
    }

    private static SocketAddress Address(SnmpTarget target) => target.EndPoint.Serialize();

    private UdpTransport Transport(AddressFamily family)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (family == AddressFamily.InterNetworkV6)
                return _v6 ??= new UdpTransport(new IPEndPoint(IPAddress.IPv6Any, 0), this);
            return _v4 ??= new UdpTransport(new IPEndPoint(IPAddress.Any, 0), this);
        }
    }

    public async ValueTask DisposeAsync()
    {
        UdpTransport? v4, v6;
        lock (_gate)
        {
            if (_disposed)
                return;
            _disposed = true;
            (v4, v6) = (_v4, _v6);
        }
        if (v4 is not null)
            await v4.DisposeAsync().ConfigureAwait(false);
        if (v6 is not null)
            await v6.DisposeAsync().ConfigureAwait(false);
    }
}
