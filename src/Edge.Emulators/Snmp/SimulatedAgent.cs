using System.Net;
using System.Net.Sockets;
using System.Text;
using Edge.Snmp.Ber;
using Edge.Snmp.Protocol;

namespace Edge.Emulators.Snmp;

/// <summary>
/// A small SNMP v1/v2c agent on a loopback UDP port, answering GET, GETNEXT and GETBULK from a varbind set that a
/// function of time supplies — so <c>edge demo</c> can poll a UPS and a PDU through the real client and the real
/// profiles on a machine with nothing but the .NET SDK. Like snmpsimd it ignores a wrong community (the client sees a
/// timeout) and caps GETBULK responses at 64 varbinds. It answers loopback only: it is a demo part, not an agent.
/// </summary>
public sealed class SimulatedAgent : IAsyncDisposable
{
    public const int MaxBulkVarBinds = 64;

    private readonly Socket _socket;
    private readonly byte[] _community;
    private readonly Func<DateTimeOffset, IReadOnlyList<VarBind>> _snapshot;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    /// <param name="snapshot">The device's varbinds at a time, sorted by OID (the agent walks them in that order).</param>
    public SimulatedAgent(string community, Func<DateTimeOffset, IReadOnlyList<VarBind>> snapshot, TimeProvider time, int port = 0)
    {
        _community = Encoding.UTF8.GetBytes(community);
        _snapshot = snapshot;
        _time = time;
        _socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
        EndPoint = (IPEndPoint)_socket.LocalEndPoint!;
        _loop = Task.Run(() => ServeAsync(_stop.Token));
    }

    public IPEndPoint EndPoint { get; }

    /// <summary>Requests answered so far.</summary>
    public long Answered { get; private set; }

    private async Task ServeAsync(CancellationToken ct)
    {
        var buffer = new byte[65536];
        EndPoint any = new IPEndPoint(IPAddress.Any, 0);
        while (!ct.IsCancellationRequested)
        {
            SocketReceiveFromResult received;
            try
            {
                received = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, any, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (SocketException)
            {
                continue; // e.g. an ICMP port-unreachable for an earlier answer; the next datagram is unaffected
            }
            var answer = Answer(buffer.AsSpan(0, received.ReceivedBytes));
            if (answer is null)
                continue;
            try
            {
                await _socket.SendToAsync(answer, SocketFlags.None, received.RemoteEndPoint, ct).ConfigureAwait(false);
                Answered++;
            }
            catch (SocketException)
            {
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>The response datagram for a request, or null for anything that gets no answer (malformed, wrong community, not a request).</summary>
    public byte[]? Answer(ReadOnlySpan<byte> datagram)
    {
        if (MessageDecoder.DecodeCommunity(datagram, out var message) != DecodeError.None
            || !message.Community.SequenceEqual(_community)
            || message.Pdu.ToPdu(out var request) != DecodeError.None
            || request is null)
            return null;
        var data = _snapshot(_time.GetUtcNow());
        var v1 = message.Version == SnmpVersion.V1;
        List<VarBind> answer;
        switch (request.Type)
        {
            case PduType.GetRequest:
                answer = [.. request.VarBinds.Select(vb => Find(data, vb.Oid) is { } i ? data[i] : new VarBind(vb.Oid, new SnmpValue(SnmpType.NoSuchInstance)))];
                break;
            case PduType.GetNextRequest:
                answer = [.. request.VarBinds.Select(vb => Next(data, vb.Oid))];
                break;
            case PduType.GetBulkRequest when !v1:
                answer = Bulk(data, request);
                break;
            default:
                return null;
        }
        if (v1)
        {
            // SNMPv1 has no exception values: the first varbind that would carry one is reported as noSuchName(2).
            var missing = answer.FindIndex(vb => vb.Value.IsException);
            if (missing >= 0)
                return MessageEncoder.EncodeCommunity(message.Version, _community, new Pdu(PduType.Response, request.RequestId, request.VarBinds, 2, missing + 1));
        }
        return MessageEncoder.EncodeCommunity(message.Version, _community, new Pdu(PduType.Response, request.RequestId, answer));
    }

    private static List<VarBind> Bulk(IReadOnlyList<VarBind> data, Pdu request)
    {
        var nonRepeaters = Math.Clamp(request.NonRepeaters, 0, request.VarBinds.Count);
        var answer = new List<VarBind>();
        for (var i = 0; i < nonRepeaters; i++)
            answer.Add(Next(data, request.VarBinds[i].Oid));
        var cursors = request.VarBinds.Skip(nonRepeaters).Select(vb => vb.Oid).ToArray();
        // RFC 3416 §4.2.3: repetitions rows of the repeaters, stopping at the response size limit (here a varbind cap).
        for (var r = 0; r < Math.Max(0, request.MaxRepetitions) && cursors.Length > 0; r++)
        {
            for (var c = 0; c < cursors.Length; c++)
            {
                if (answer.Count >= MaxBulkVarBinds)
                    return answer;
                var next = Next(data, cursors[c]);
                answer.Add(next);
                cursors[c] = next.Oid;
            }
        }
        return answer;
    }

    private static VarBind Next(IReadOnlyList<VarBind> data, Oid after)
    {
        int lo = 0, hi = data.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (data[mid].Oid.CompareTo(after) <= 0)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo < data.Count ? data[lo] : new VarBind(after, new SnmpValue(SnmpType.EndOfMibView));
    }

    private static int? Find(IReadOnlyList<VarBind> data, Oid oid)
    {
        int lo = 0, hi = data.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            var c = data[mid].Oid.CompareTo(oid);
            if (c == 0)
                return mid;
            if (c < 0)
                lo = mid + 1;
            else
                hi = mid - 1;
        }
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _socket.Dispose();
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (Exception e) when (e is ObjectDisposedException or SocketException or OperationCanceledException)
        {
        }
        _stop.Dispose();
    }
}
