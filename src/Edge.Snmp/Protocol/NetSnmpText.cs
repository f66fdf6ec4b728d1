using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Edge.Snmp.Protocol;

/// <summary>
/// Prints varbinds the way net-snmp's tools do with <c>-On</c> and no MIBs loaded (snmplib/mib.c,
/// sprint_realloc_by_type), so <c>edge snmp walk</c> output can be diffed against <c>snmpbulkwalk -On</c>.
/// </summary>
/// <remarks>
/// Everything is written as ASCII bytes straight into an <see cref="IBufferWriter{T}"/>: a walk prints thousands of
/// lines, and going through strings, a StringBuilder and a UTF-8 encoder costs more than the decoding does. The
/// output is ASCII by construction (octet strings are quoted only when every octet is printable ASCII or a space).
/// </remarks>
public static class NetSnmpText
{
    /// <summary>net-snmp's default hex-dump line length (NETSNMP_DS_LIB_HEX_OUTPUT_LENGTH).</summary>
    private const int HexLineLength = 16;

    /// <summary><c>.1.3.6.1.2.1.1.3.0 = Timeticks: (123) 0:00:01.23</c>; may span lines, as net-snmp's hex dumps do.</summary>
    public static string Format(VarBind varBind)
    {
        var buffer = new ArrayBufferWriter<byte>(64);
        Write(buffer, varBind);
        return Encoding.ASCII.GetString(buffer.WrittenSpan);
    }

    public static string FormatValue(SnmpValue value)
    {
        var buffer = new ArrayBufferWriter<byte>(32);
        WriteValue(buffer, value);
        return Encoding.ASCII.GetString(buffer.WrittenSpan);
    }

    /// <summary>One varbind as <see cref="Format"/> prints it, without a line end.</summary>
    public static void Write(IBufferWriter<byte> output, VarBind varBind) => Write(output, new VarBindView(varBind.Oid.Arcs, varBind.Value));

    /// <summary>A walked varbind as <see cref="Format"/> prints it, without a line end.</summary>
    public static void Write(IBufferWriter<byte> output, VarBindView varBind)
    {
        WriteOid(output, varBind.Arcs);
        output.Write(" = "u8);
        WriteValue(output, varBind.Value);
    }

    /// <summary>An OID as <c>.1.3.6.1</c> (with the leading dot, as <c>-On</c> prints it).</summary>
    public static void WriteOid(IBufferWriter<byte> output, ReadOnlySpan<uint> arcs)
    {
        foreach (var arc in arcs)
        {
            output.Write("."u8);
            WriteNumber(output, arc);
        }
    }

    public static void WriteValue(IBufferWriter<byte> output, SnmpValue value)
    {
        switch (value.Type)
        {
            case SnmpType.Integer:
                output.Write("INTEGER: "u8);
                WriteNumber(output, value.Number);
                break;
            case SnmpType.OctetString:
                WriteOctetString(output, value.Bytes ?? []);
                break;
            case SnmpType.Null:
                output.Write("NULL"u8);
                break;
            case SnmpType.ObjectIdentifier:
                output.Write("OID: "u8);
                if (value.OidValue is { } oid)
                    WriteOid(output, oid.Arcs);
                else
                    output.Write("."u8);
                break;
            case SnmpType.IpAddress when value.Bytes is { Length: 4 } ip:
                output.Write("IpAddress: "u8);
                for (var i = 0; i < 4; i++)
                {
                    if (i > 0)
                        output.Write("."u8);
                    WriteNumber(output, ip[i]);
                }
                break;
            case SnmpType.Counter32:
                output.Write("Counter32: "u8);
                WriteNumber(output, (uint)value.Number);
                break;
            case SnmpType.Gauge32:
                output.Write("Gauge32: "u8);
                WriteNumber(output, (uint)value.Number);
                break;
            case (SnmpType)0x47:
                output.Write("UInteger32: "u8);
                WriteNumber(output, (uint)value.Number);
                break;
            case SnmpType.TimeTicks:
                WriteTimeTicks(output, (uint)value.Number);
                break;
            case SnmpType.Counter64:
                output.Write("Counter64: "u8);
                WriteNumber(output, value.Unsigned);
                break;
            case SnmpType.Opaque:
                WriteOpaque(output, value.Bytes ?? []);
                break;
            case SnmpType.NoSuchObject:
                output.Write("No Such Object available on this agent at this OID"u8);
                break;
            case SnmpType.NoSuchInstance:
                output.Write("No Such Instance currently exists at this OID"u8);
                break;
            case SnmpType.EndOfMibView:
                output.Write("No more variables left in this MIB View (It is past the end of the MIB tree)"u8);
                break;
            default:
                output.Write("Wrong Type (0x"u8);
                WriteHexOctet(output, (byte)value.Type);
                output.Write("): "u8);
                WriteHex(output, value.Bytes ?? []);
                break;
        }
    }

    /// <summary>
    /// sprint_realloc_octet_string without a display hint: <c>""</c> when empty, a quoted STRING (backslash-escaping
    /// <c>"</c> and <c>\</c>) when every octet is isprint or isspace in the C locale, else a Hex-STRING.
    /// </summary>
    private static void WriteOctetString(IBufferWriter<byte> output, ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            output.Write("\"\""u8);
            return;
        }
        foreach (var b in bytes)
        {
            if (!IsPrintOrSpace(b))
            {
                output.Write("Hex-STRING: "u8);
                WriteHex(output, bytes);
                return;
            }
        }
        output.Write("STRING: \""u8);
        // At most two octets out per octet in (an escaped quote or backslash).
        var span = output.GetSpan(bytes.Length * 2 + 1);
        var n = 0;
        foreach (var b in bytes)
        {
            if (b is (byte)'"' or (byte)'\\')
                span[n++] = (byte)'\\';
            span[n++] = b;
        }
        span[n++] = (byte)'"';
        output.Advance(n);
    }

    /// <summary>
    /// net-snmp unwraps a float or double carried in an Opaque (the UCD-SNMP/Net-SNMP opaque special types: a 0x9F
    /// 0x78 or 0x9F 0x79 tag inside, as UCD-SNMP-MIB::laLoadFloat sends) and prints it with C's <c>%f</c>; any other
    /// Opaque is a hex dump (snmplib/mib.c, sprint_realloc_float, sprint_realloc_double, sprint_realloc_opaque).
    /// </summary>
    private static void WriteOpaque(IBufferWriter<byte> output, ReadOnlySpan<byte> bytes)
    {
        if (bytes is [0x9F, 0x78, 4, ..] && bytes.Length == 7)
        {
            output.Write("Opaque: Float: "u8);
            WriteNumber(output, (double)BinaryPrimitives.ReadSingleBigEndian(bytes[3..]), "F6");
            return;
        }
        if (bytes is [0x9F, 0x79, 8, ..] && bytes.Length == 11)
        {
            output.Write("Opaque: Double: "u8);
            WriteNumber(output, BinaryPrimitives.ReadDoubleBigEndian(bytes[3..]), "F6");
            return;
        }
        output.Write("OPAQUE: "u8);
        WriteHex(output, bytes);
    }

    private static bool IsPrintOrSpace(byte b) => b is >= 0x20 and <= 0x7E or >= 0x09 and <= 0x0D;

    /// <summary>Each octet as "XX " (trailing space included), a newline after every 16 when more follow.</summary>
    private static void WriteHex(IBufferWriter<byte> output, ReadOnlySpan<byte> bytes)
    {
        for (var i = 0; i < bytes.Length; i++)
        {
            if (i > 0 && i % HexLineLength == 0)
                output.Write("\n"u8);
            WriteHexOctet(output, bytes[i]);
            output.Write(" "u8);
        }
    }

    private static void WriteHexOctet(IBufferWriter<byte> output, byte b)
    {
        var span = output.GetSpan(2);
        span[0] = "0123456789ABCDEF"u8[b >> 4];
        span[1] = "0123456789ABCDEF"u8[b & 0xF];
        output.Advance(2);
    }

    /// <summary>uptimeString: <c>Timeticks: (N) H:MM:SS.cc</c>, with "1 day, " or "D days, " in front when due.</summary>
    private static void WriteTimeTicks(IBufferWriter<byte> output, uint ticks)
    {
        var centis = ticks % 100;
        var seconds = ticks / 100;
        var days = seconds / 86400;
        seconds %= 86400;
        var hours = seconds / 3600;
        seconds %= 3600;
        var minutes = seconds / 60;
        seconds %= 60;
        output.Write("Timeticks: ("u8);
        WriteNumber(output, ticks);
        output.Write(") "u8);
        if (days == 1)
        {
            output.Write("1 day, "u8);
        }
        else if (days > 1)
        {
            WriteNumber(output, days);
            output.Write(" days, "u8);
        }
        WriteNumber(output, hours);
        output.Write(":"u8);
        WriteNumber(output, minutes, "00");
        output.Write(":"u8);
        WriteNumber(output, seconds, "00");
        output.Write("."u8);
        WriteNumber(output, centis, "00");
    }

    /// <summary>A number in invariant digits, straight to UTF-8 (no string in between).</summary>
    private static void WriteNumber<T>(IBufferWriter<byte> output, T value, string? format = null)
        where T : IUtf8SpanFormattable
    {
        // 20 digits and a sign is the longest 64-bit integer; a double in F6 can take 300 digits and more.
        var span = output.GetSpan(24);
        int n;
        while (!value.TryFormat(span, out n, format, CultureInfo.InvariantCulture))
            span = output.GetSpan(span.Length * 2);
        output.Advance(n);
    }
}
