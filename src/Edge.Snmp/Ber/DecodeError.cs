namespace Edge.Snmp.Ber;

/// <summary>
/// Why a datagram could not be decoded. The decoder faces an untrusted network, so every failure is one of these
/// values, never an exception; <see cref="None"/> means success.
/// </summary>
public enum DecodeError
{
    None = 0,
    /// <summary>The data ends inside a tag, a length or a value.</summary>
    Truncated,
    /// <summary>A length field is indefinite, longer than 4 octets, or points past the enclosing value or datagram.</summary>
    BadLength,
    /// <summary>A tag that SNMP does not allow at this place (including high-tag-number forms and nested constructions).</summary>
    UnexpectedTag,
    /// <summary>An INTEGER is empty or wider than its type allows.</summary>
    BadInteger,
    /// <summary>An OBJECT IDENTIFIER is empty, has an unterminated or over-long sub-identifier, an arc above 2^32-1 or more than 128 arcs.</summary>
    BadOid,
    /// <summary>A value's content does not fit its type (IpAddress not 4 octets, NULL with content, an exception value with content).</summary>
    BadValue,
    /// <summary>Bytes follow where the structure is complete.</summary>
    TrailingData,
    /// <summary>The message version is not 0, 1 or 3, or a v3 field is out of its range.</summary>
    UnsupportedVersion,
    /// <summary>More varbinds than any datagram of ours can legitimately carry.</summary>
    TooManyVarBinds,
    /// <summary>A v3 message uses a security model other than USM, or USM fields out of range.</summary>
    BadSecurityParameters,
}
