using System.Net;
using Edge.Snmp.Ber;
using Edge.Snmp.Protocol;
using Edge.Snmp.Usm;

namespace Edge.Snmp.Client;

/// <summary>
/// One outstanding request: what a matching response must look like, and how to decode it. A datagram that does
/// not match (wrong version, PDU type, request-id, user, MAC) is ignored and the request keeps waiting, so a stray
/// or forged packet cannot complete it; only the timeout ends a request that gets no valid answer.
/// </summary>
internal sealed class PendingRequest
{
    // Continuations run synchronously, on the receive thread that accepts the answer: they are the client's own
    // (SnmpClient.ExchangeAsync and what awaits it), and the client hands its result to the caller off that thread.
    private readonly TaskCompletionSource<Reply> _completion = new();
    private readonly byte[]? _rawInto;

    /// <summary>The varbinds of a reply kept as bytes (<see cref="Reply.RawVarBinds"/>): none as objects, and none is ever added.</summary>
    private static readonly List<VarBind> NoVarBinds = [];

    /// <param name="rawInto">
    /// For a walk: an answer without error is checked, not decoded, and its VarBindList copied here (or into a larger
    /// array when it does not fit) for <see cref="Reply.RawVarBinds"/>. The walk passes the same array to each of its
    /// requests, so answers cost no objects per varbind.
    /// </param>
    public PendingRequest(int id, SocketAddress address, SnmpVersion version, IReadOnlyList<Oid>? expected, UsmKeys? keys = null, EngineState? engine = null,
        byte[]? rawInto = null)
    {
        _rawInto = rawInto;
        Id = id;
        Address = address;
        Version = version;
        Expected = expected;
        Keys = keys;
        Engine = engine;
    }

    public int Id { get; }
    public SocketAddress Address { get; }
    public SnmpVersion Version { get; }
    public IReadOnlyList<Oid>? Expected { get; }
    public UsmKeys? Keys { get; }
    public EngineState? Engine { get; }
    public Task<Reply> Task => _completion.Task;

    /// <summary>Why the last rejected datagram for this request was rejected (null if none was).</summary>
    public string? LastRejection { get; private set; }

    /// <summary>Decodes <paramref name="datagram"/> as this request's answer; returns whether it was one.</summary>
    public bool TryAccept(Span<byte> datagram, Span<byte> scratch)
    {
        if (_completion.Task.IsCompleted)
            return false;
        var reply = Version == SnmpVersion.V3 ? DecodeV3(datagram, scratch) : DecodeCommunity(datagram);
        return reply is not null && _completion.TrySetResult(reply);
    }

    private Reply? DecodeCommunity(ReadOnlySpan<byte> datagram)
    {
        var error = MessageDecoder.DecodeCommunity(datagram, out var message);
        if (error != DecodeError.None)
            return Reject($"malformed response ({error})");
        if (message.Version != Version || message.Pdu.Type != PduType.Response || message.Pdu.RequestId != Id)
            return Reject("response does not match the request");
        error = ReadVarBinds(message.Pdu, Expected, out var list, out var raw);
        if (error != DecodeError.None)
            return Reject($"malformed varbinds ({error})");
        return new Reply(PduType.Response, message.Pdu.ErrorStatus, message.Pdu.ErrorIndex, list) { RawVarBinds = raw };
    }

    private Reply? DecodeV3(Span<byte> datagram, Span<byte> scratch)
    {
        var keys = Keys!;
        var error = V3MessageView.Decode(datagram, out var message);
        if (error != DecodeError.None)
            return Reject($"malformed v3 message ({error})");
        if (message.MessageId != Id)
            return Reject("v3 msgID does not match");
        if (message.IsAuthenticated)
        {
            // A discovery request (noAuthNoPriv) has no key to check an authenticated answer with.
            if (keys.Level == SecurityLevel.NoAuthNoPriv || !message.UserName.SequenceEqual(keys.UserName))
                return Reject("authenticated response for another user");
            if (!UsmInbound.VerifyMac(datagram, message.AuthParametersOffset, message.AuthParameters.Length, keys.Auth, keys.AuthKey))
                return Reject("response failed authentication (wrong authentication key?)");
        }
        if (!UsmInbound.TryOpenScopedPdu(message, keys, scratch, out var plain))
            return Reject("response could not be decrypted (wrong privacy key or protocol?)");
        error = UsmInbound.DecodeScopedPdu(plain, message.Encrypted, out var scoped);
        if (error != DecodeError.None)
            return Reject(message.Encrypted ? "response could not be decrypted (wrong privacy key or protocol?)" : $"malformed scoped PDU ({error})");
        var pdu = scoped.Pdu;
        if (pdu.Type == PduType.Response)
        {
            // RFC 3412 §7.2.13: a response must come at the level of the request; a weaker one may be forged.
            var level = message.IsPrivate ? SecurityLevel.AuthPriv : message.IsAuthenticated ? SecurityLevel.AuthNoPriv : SecurityLevel.NoAuthNoPriv;
            if (level != keys.Level || pdu.RequestId != Id)
                return Reject("response does not match the request's security level or request-id");
            if (message.IsAuthenticated && Engine is not null && !Engine.AcceptAuthenticated(message.EngineBoots, message.EngineTime))
                return Reject("response outside the time window");
        }
        else if (pdu.Type != PduType.Report)
        {
            return Reject("unexpected PDU type");
        }
        error = ReadVarBinds(pdu, pdu.Type == PduType.Response ? Expected : null, out var list, out var raw);
        if (error != DecodeError.None)
            return Reject($"malformed varbinds ({error})");
        return new Reply(pdu.Type, pdu.ErrorStatus, pdu.ErrorIndex, list)
        {
            RawVarBinds = raw,
            EngineId = message.EngineId.ToArray(),
            EngineBoots = message.EngineBoots,
            EngineTime = message.EngineTime,
            Authenticated = message.IsAuthenticated,
        };
    }

    /// <summary>
    /// The varbinds as objects; or, for a walk's response without error (<c>rawInto</c> given), checked and copied as
    /// bytes into <paramref name="raw"/>, with <paramref name="list"/> empty.
    /// </summary>
    private DecodeError ReadVarBinds(PduView pdu, IReadOnlyList<Oid>? expected, out List<VarBind> list, out ArraySegment<byte> raw)
    {
        raw = default;
        if (_rawInto is not null && pdu.Type == PduType.Response && pdu.ErrorStatus == 0)
        {
            list = NoVarBinds;
            var error = pdu.CheckVarBinds();
            if (error != DecodeError.None)
                return error;
            var length = pdu.VarBindList.Length;
            var into = length <= _rawInto.Length ? _rawInto : new byte[length];
            pdu.VarBindList.CopyTo(into);
            raw = new ArraySegment<byte>(into, 0, length);
            return DecodeError.None;
        }
        list = new List<VarBind>(pdu.Type == PduType.Response ? expected?.Count ?? 16 : 1);
        return pdu.ReadVarBinds(list, expected);
    }

    private Reply? Reject(string why)
    {
        LastRejection = why;
        return null;
    }
}
