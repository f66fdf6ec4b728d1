namespace Edge.Snmp.Traps;

/// <summary>Why a datagram to the trap receiver was not taken as a trap; each has its own counter.</summary>
internal enum TrapDropReason
{
    /// <summary>Not BER, not SNMP, a v3 header out of range, or varbinds that do not decode.</summary>
    Malformed,
    /// <summary>A PDU that is not a notification for its version and engine (a GET, a v1 InformRequest, a v3 inform under the sender's engine ID …).</summary>
    UnexpectedPdu,
    /// <summary>The sender's address (and for v1 the agent-addr) is no configured device's.</summary>
    UnknownSender,
    /// <summary>v1/v2c community not accepted from this sender.</summary>
    BadCommunity,
    /// <summary>v3 user not accepted from this sender (usmStatsUnknownUserNames).</summary>
    UnknownUser,
    /// <summary>v3 message below the user's configured level, or private for a user without privacy (usmStatsUnsupportedSecLevels).</summary>
    UnsupportedSecurityLevel,
    /// <summary>v3 MAC does not verify: wrong authentication password or protocol (usmStatsWrongDigests).</summary>
    WrongDigest,
    /// <summary>v3 engine boots/time outside the 150 s window: a replay, or a clock we do not agree with (usmStatsNotInTimeWindows).</summary>
    NotInTimeWindow,
    /// <summary>v3 scoped PDU does not decrypt: wrong privacy password or protocol (usmStatsDecryptionErrors).</summary>
    DecryptionError,
    /// <summary>v3 message for an engine ID that is neither ours (informs) nor given (traps), other than a discovery probe.</summary>
    UnknownEngineId,
}
