using System.Globalization;
using System.Text;

namespace Edge.Snmp.Protocol;

/// <summary>
/// One varbind's value. Numbers are in <see cref="Number"/> (INTEGER, Counter32/64, Gauge32, TimeTicks);
/// strings and IP addresses in <see cref="Bytes"/>; an OID value in <see cref="OidValue"/>.
/// <c>noSuchObject</c>, <c>noSuchInstance</c> and <c>endOfMibView</c> are values, not errors: they mean "no reading".
/// </summary>
public readonly record struct SnmpValue(SnmpType Type, long Number = 0, ulong Unsigned = 0, byte[]? Bytes = null, Oid? OidValue = null)
{
    public bool IsException => Type is SnmpType.NoSuchObject or SnmpType.NoSuchInstance or SnmpType.EndOfMibView;

    public bool IsNumeric => Type is SnmpType.Integer or SnmpType.Counter32 or SnmpType.Gauge32 or SnmpType.TimeTicks or SnmpType.Counter64;

    /// <summary>The number, when the value is numeric (Counter64 beyond long.MaxValue is clamped).</summary>
    public bool TryGetNumber(out long value)
    {
        value = Type == SnmpType.Counter64 ? (long)Math.Min(Unsigned, long.MaxValue) : Number;
        return IsNumeric;
    }

    /// <summary>An OCTET STRING as text (UTF-8; agents send ASCII or Latin-1, both read fine for what profiles need).</summary>
    public string Text => Bytes is null ? "" : Encoding.UTF8.GetString(Bytes);

    public static SnmpValue Int(long v) => new(SnmpType.Integer, Number: v);
    public static SnmpValue Str(string s) => new(SnmpType.OctetString, Bytes: Encoding.UTF8.GetBytes(s));

    public override string ToString() => Type switch
    {
        SnmpType.Integer or SnmpType.Counter32 or SnmpType.Gauge32 or SnmpType.TimeTicks => Number.ToString(CultureInfo.InvariantCulture),
        SnmpType.Counter64 => Unsigned.ToString(CultureInfo.InvariantCulture),
        SnmpType.OctetString or SnmpType.Opaque => Text,
        SnmpType.IpAddress when Bytes is { Length: 4 } b => $"{b[0]}.{b[1]}.{b[2]}.{b[3]}",
        SnmpType.ObjectIdentifier => OidValue?.ToString() ?? "",
        _ => Type.ToString(),
    };
}
