namespace Edge.Snmp.Client;

/// <summary>Why a request gave no (complete) answer. Each maps to one line an operator can act on.</summary>
public enum SnmpErrorKind
{
    /// <summary>No valid response within the timeout after every retry.</summary>
    Timeout,
    /// <summary>The request could not be sent (no route, network down).</summary>
    Unreachable,
    /// <summary>The agent answered with a non-zero error-status (<see cref="SnmpError.Status"/>, <see cref="SnmpError.Index"/>).</summary>
    ErrorStatus,
    /// <summary>Report usmStatsUnknownUserNames (RFC 3414 §3.2 step 4).</summary>
    UnknownUser,
    /// <summary>Report usmStatsWrongDigests: wrong authentication password or protocol (§3.2 step 6).</summary>
    WrongDigest,
    /// <summary>Report usmStatsNotInTimeWindows even after a resynchronisation (§3.2 step 7).</summary>
    NotInTimeWindow,
    /// <summary>Engine discovery failed or the agent kept reporting usmStatsUnknownEngineIDs (§4).</summary>
    UnknownEngine,
    /// <summary>Report usmStatsDecryptionErrors, or a response that could not be decrypted: wrong privacy password or protocol (§3.2 step 8).</summary>
    DecryptionError,
    /// <summary>Report usmStatsUnsupportedSecLevels: the user exists but not at this security level (§3.2 step 5).</summary>
    UnsupportedSecurityLevel,
    /// <summary>Only malformed or unverifiable datagrams came back.</summary>
    Malformed,
    /// <summary>A walk met an OID not greater than the one before it and stopped there.</summary>
    NotIncreasing,
    /// <summary>The request itself is not valid (an OID that cannot be encoded, missing v3 credentials, a short password).</summary>
    InvalidRequest,
}
