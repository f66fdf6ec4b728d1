using System.Net;
using Edge.Snmp.Ber;
using Edge.Snmp.Protocol;
using Edge.Snmp.Usm;

namespace Edge.Snmp.Traps;

/// <summary>
/// SNMPv3 notifications under USM (RFC 3414 §3.2). Who is authoritative decides everything (RFC 3412 §6.4, RFC 3414
/// §1.5.1): for a trap it is the sender, so keys are localized with the msgAuthoritativeEngineID the trap carries and
/// its clock is followed per engine; for an inform it is us, so informs must name our engine ID, fall in our time
/// window, and a sender that does not know them yet learns them from our Reports (discovery, RFC 3414 §4).
/// Runs on the receive loop only, so its state needs no lock.
/// </summary>
internal sealed class UsmTraps(EngineState local, TimeProvider time)
{
    /// <summary>Engines whose clock we follow; made only after a MAC verified, so only key holders can add one.</summary>
    private const int MaxSenderEngines = 1024;

    /// <summary>RFC 3412 §7.1 step 3: a Report's request-id when the request's could not be read (encrypted, undecodable).</summary>
    private const int UnknownRequestId = int.MaxValue;

    private readonly UsmKeyCache _keys = new();
    private readonly Dictionary<string, EngineState> _senderEngines = new(StringComparer.Ordinal);
    private long _salt = Random.Shared.NextInt64();
    private long _unknownEngineIds;
    private long _notInTimeWindows;

    public TrapOutcome Handle(Span<byte> datagram, IPAddress sender, TrapSenders senders, Span<byte> scratch)
    {
        var error = V3MessageView.Decode(datagram, out var message);
        if (error != DecodeError.None)
            return TrapOutcome.Drop(TrapDropReason.Malformed, $"v3: {error}");
        var devices = senders.At(sender);
        if (devices.Count == 0)
            return TrapOutcome.Drop(TrapDropReason.UnknownSender);
        var ours = message.EngineId.SequenceEqual(local.EngineId);
        if (!message.IsAuthenticated)
        {
            if (message.EngineId.IsEmpty && message.IsReportable)
                return Discovery(message);
            // Notifications must authenticate: a v3 user name alone proves nothing.
            return TrapOutcome.Drop(message.EngineId.IsEmpty ? TrapDropReason.UnknownEngineId : TrapDropReason.UnsupportedSecurityLevel);
        }
        if (message.EngineId.IsEmpty)
            return TrapOutcome.Drop(TrapDropReason.UnknownEngineId, "authenticated message without an engine ID");

        var users = senders.UsersNamed(devices, message.UserName).ToList();
        if (users.Count == 0)
            return TrapOutcome.Drop(TrapDropReason.UnknownUser);
        var level = message.IsPrivate ? SecurityLevel.AuthPriv : SecurityLevel.AuthNoPriv;
        var name = users[0].User;
        // Exactly the configured level: lower would be a downgrade, higher needs a privacy key the user lacks.
        users.RemoveAll(u => u.Level != level);
        if (users.Count == 0)
            return TrapOutcome.Drop(TrapDropReason.UnsupportedSecurityLevel, $"user '{name}' at {level}");
        UsmKeys? keys = null;
        foreach (var user in users)
        {
            var candidate = _keys.Get(user.User, user.Level, user.Auth, user.AuthKey, user.Priv, user.PrivKey, message.EngineId);
            if (UsmInbound.VerifyMac(datagram, message.AuthParametersOffset, message.AuthParameters.Length, candidate.Auth, candidate.AuthKey))
            {
                keys = candidate;
                break;
            }
        }
        if (keys is null)
            return TrapOutcome.Drop(TrapDropReason.WrongDigest);

        if (ours ? !InOurWindow(message.EngineBoots, message.EngineTime) : !InSenderWindow(message.EngineId, message.EngineBoots, message.EngineTime))
            return ours ? NotInTimeWindow(message, keys, scratch) : TrapOutcome.Drop(TrapDropReason.NotInTimeWindow, "trap older than its engine's last");

        if (!UsmInbound.TryOpenScopedPdu(message, keys, scratch, out var plain))
            return TrapOutcome.Drop(TrapDropReason.DecryptionError);
        error = UsmInbound.DecodeScopedPdu(plain, message.Encrypted, out var scoped);
        if (error != DecodeError.None)
            return TrapOutcome.Drop(message.Encrypted ? TrapDropReason.DecryptionError : TrapDropReason.Malformed, error.ToString());
        var pdu = scoped.Pdu;
        if (pdu.Type != (ours ? PduType.InformRequest : PduType.TrapV2))
            return TrapOutcome.Drop(TrapDropReason.UnexpectedPdu, $"v3 {pdu.Type} under {(ours ? "our" : "the sender's")} engine ID");
        var varBinds = new List<VarBind>();
        error = pdu.ReadVarBinds(varBinds);
        if (error != DecodeError.None)
            return TrapOutcome.Drop(TrapDropReason.Malformed, $"varbinds: {error}");

        var ids = devices.Select(d => d.DeviceId).ToArray();
        var detail = $"v3 {(ours ? "inform" : "trap")} {CommunityTraps.TrapName(varBinds)} (user '{name}')";
        if (!ours)
            return new TrapOutcome { Devices = ids, Detail = detail };
        // RFC 3412 §7.1 step 9a: the Response goes out under our engine, at the inform's level, with its msgID and context.
        var response = V3MessageEncoder.EncodeScopedPdu(scoped.ContextEngineId, scoped.ContextName, new Pdu(PduType.Response, pdu.RequestId, varBinds));
        return new TrapOutcome { Devices = ids, Detail = detail, Reply = Encode(message.MessageId, keys, response), IsInform = true };
    }

    /// <summary>RFC 3414 §3.2 step 7a: our boots exactly, our time within 150 s either way, and boots not latched at 2^31-1.</summary>
    private bool InOurWindow(int boots, int engineTime)
    {
        var (ourBoots, ourTime) = local.Estimate();
        return ourBoots != int.MaxValue && boots == ourBoots && Math.Abs((long)engineTime - ourTime) <= EngineState.TimeWindowSeconds;
    }

    /// <summary>RFC 3414 §3.2 step 7b: the first authenticated message from an engine sets its clock; later ones may not go back.</summary>
    private bool InSenderWindow(ReadOnlySpan<byte> engineId, int boots, int engineTime)
    {
        var key = Convert.ToHexString(engineId);
        if (_senderEngines.TryGetValue(key, out var engine))
            return engine.AcceptAuthenticated(boots, engineTime);
        if (_senderEngines.Count >= MaxSenderEngines)
            _senderEngines.Clear();
        _senderEngines[key] = new EngineState(engineId.ToArray(), boots, engineTime, time);
        return boots != int.MaxValue;
    }

    /// <summary>RFC 3414 §4: a probe with no engine ID learns ours, with our boots and time, from an unauthenticated Report.</summary>
    private TrapOutcome Discovery(in V3MessageView message)
    {
        if (message.Encrypted || ScopedPduView.DecodeContent(message.ScopedPduData, out var scoped) != DecodeError.None)
            return TrapOutcome.Drop(TrapDropReason.Malformed, "discovery probe");
        var count = ++_unknownEngineIds;
        var report = ReportPdu(scoped.Pdu.RequestId, UsmStats.UnknownEngineIds, count);
        var keys = new UsmKeys(message.UserName.ToArray(), SecurityLevel.NoAuthNoPriv, AuthProtocol.None, [], PrivProtocol.None, []);
        return TrapOutcome.Report(Encode(message.MessageId, keys, report), detail: "engine discovery");
    }

    /// <summary>
    /// RFC 3414 §3.2 step 7a: an authenticated (never encrypted) Report with our boots and time, so the sender can
    /// synchronise and send again; the message itself is dropped.
    /// </summary>
    private TrapOutcome NotInTimeWindow(in V3MessageView message, UsmKeys keys, Span<byte> scratch)
    {
        var requestId = UsmInbound.TryOpenScopedPdu(message, keys, scratch, out var plain)
            && UsmInbound.DecodeScopedPdu(plain, message.Encrypted, out var scoped) == DecodeError.None ? scoped.Pdu.RequestId : UnknownRequestId;
        var report = ReportPdu(requestId, UsmStats.NotInTimeWindows, ++_notInTimeWindows);
        var authOnly = new UsmKeys(keys.UserName, SecurityLevel.AuthNoPriv, keys.Auth, keys.AuthKey, PrivProtocol.None, []);
        return TrapOutcome.Report(Encode(message.MessageId, authOnly, report), TrapDropReason.NotInTimeWindow, "inform outside our time window");
    }

    private byte[] ReportPdu(int requestId, Oid counter, long value) =>
        V3MessageEncoder.EncodeScopedPdu(local.EngineId, [], new Pdu(PduType.Report, requestId, [new VarBind(counter, new SnmpValue(SnmpType.Counter32, Number: (uint)value))]));

    private byte[] Encode(int messageId, UsmKeys keys, byte[] scopedPdu)
    {
        var (boots, engineTime) = local.Estimate();
        var salt = keys.Level == SecurityLevel.AuthPriv ? UsmPrivacy.Salt(boots, ++_salt) : [];
        return V3MessageEncoder.Encode(messageId, reportable: false, keys, local.EngineId, boots, engineTime, scopedPdu, salt);
    }
}
