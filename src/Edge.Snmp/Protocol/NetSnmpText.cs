using System.Globalization;
using System.Text;

namespace Edge.Snmp.Protocol;

/// <summary>
/// Prints varbinds the way net-snmp's tools do with <c>-On</c> and no MIBs loaded (snmplib/mib.c,
/// sprint_realloc_by_type), so <c>edge snmp walk</c> output can be diffed against <c>snmpbulkwalk -On</c>.
/// </summary>
public static class NetSnmpText
{
    /// <summary>net-snmp's default hex-dump line length (NETSNMP_DS_LIB_HEX_OUTPUT_LENGTH).</summary>
    private const int HexLineLength = 16;

    /// <summary><c>.1.3.6.1.2.1.1.3.0 = Timeticks: (123) 0:00:01.23</c>; may span lines, as net-snmp's hex dumps do.</summary>
    public static string Format(VarBind varBind)
    {
        var sb = new StringBuilder(64);
        sb.Append('.').Append(varBind.Oid.ToString()).Append(" = ");
        AppendValue(sb, varBind.Value);
        return sb.ToString();
    }

    public static string FormatValue(SnmpValue value)
    {
        var sb = new StringBuilder(32);
        AppendValue(sb, value);
        return sb.ToString();
    }

    public static void AppendValue(StringBuilder sb, SnmpValue value)
    {
        var inv = CultureInfo.InvariantCulture;
        switch (value.Type)
        {
            case SnmpType.Integer:
                sb.Append("INTEGER: ").Append(value.Number.ToString(inv));
                break;
            case SnmpType.OctetString:
                AppendOctetString(sb, value.Bytes ?? []);
                break;
            case SnmpType.Null:
                sb.Append("NULL");
                break;
            case SnmpType.ObjectIdentifier:
                sb.Append("OID: .").Append(value.OidValue?.ToString());
                break;
            case SnmpType.IpAddress when value.Bytes is { Length: 4 } ip:
                sb.Append("IpAddress: ").Append(ip[0]).Append('.').Append(ip[1]).Append('.').Append(ip[2]).Append('.').Append(ip[3]);
                break;
            case SnmpType.Counter32:
                sb.Append("Counter32: ").Append(((uint)value.Number).ToString(inv));
                break;
            case SnmpType.Gauge32:
                sb.Append("Gauge32: ").Append(((uint)value.Number).ToString(inv));
                break;
            case (SnmpType)0x47:
                sb.Append("UInteger32: ").Append(((uint)value.Number).ToString(inv));
                break;
            case SnmpType.TimeTicks:
                AppendTimeTicks(sb, (uint)value.Number);
                break;
            case SnmpType.Counter64:
                sb.Append("Counter64: ").Append(value.Unsigned.ToString(inv));
                break;
            case SnmpType.Opaque:
                sb.Append("OPAQUE: ");
                AppendHex(sb, value.Bytes ?? []);
                break;
            case SnmpType.NoSuchObject:
                sb.Append("No Such Object available on this agent at this OID");
                break;
            case SnmpType.NoSuchInstance:
                sb.Append("No Such Instance currently exists at this OID");
                break;
            case SnmpType.EndOfMibView:
                sb.Append("No more variables left in this MIB View (It is past the end of the MIB tree)");
                break;
            default:
                sb.Append("Wrong Type (0x").Append(((byte)value.Type).ToString("X2", inv)).Append("): ");
                AppendHex(sb, value.Bytes ?? []);
                break;
        }
    }

    /// <summary>
    /// sprint_realloc_octet_string without a display hint: <c>""</c> when empty, a quoted STRING (backslash-escaping
    /// <c>"</c> and <c>\</c>) when every octet is isprint or isspace in the C locale, else a Hex-STRING.
    /// </summary>
    private static void AppendOctetString(StringBuilder sb, byte[] bytes)
    {
        if (bytes.Length == 0)
        {
            sb.Append("\"\"");
            return;
        }
        foreach (var b in bytes)
        {
            if (!IsPrintOrSpace(b))
            {
                sb.Append("Hex-STRING: ");
                AppendHex(sb, bytes);
                return;
            }
        }
        sb.Append("STRING: \"");
        foreach (var b in bytes)
        {
            if (b is (byte)'"' or (byte)'\\')
                sb.Append('\\');
            sb.Append((char)b);
        }
        sb.Append('"');
    }

    private static bool IsPrintOrSpace(byte b) => b is >= 0x20 and <= 0x7E or >= 0x09 and <= 0x0D;

    /// <summary>Each octet as "XX " (trailing space included), a newline after every 16 when more follow.</summary>
    private static void AppendHex(StringBuilder sb, ReadOnlySpan<byte> bytes)
    {
        for (var i = 0; i < bytes.Length; i++)
        {
            if (i > 0 && i % HexLineLength == 0)
                sb.Append('\n');
            sb.Append(bytes[i].ToString("X2", CultureInfo.InvariantCulture)).Append(' ');
        }
    }

    /// <summary>uptimeString: <c>Timeticks: (N) H:MM:SS.cc</c>, with "1 day, " or "D days, " in front when due.</summary>
    private static void AppendTimeTicks(StringBuilder sb, uint ticks)
    {
        var inv = CultureInfo.InvariantCulture;
        var centis = ticks % 100;
        var seconds = ticks / 100;
        var days = seconds / 86400;
        seconds %= 86400;
        var hours = seconds / 3600;
        seconds %= 3600;
        var minutes = seconds / 60;
        seconds %= 60;
        sb.Append("Timeticks: (").Append(ticks.ToString(inv)).Append(") ");
        if (days == 1)
            sb.Append("1 day, ");
        else if (days > 1)
            sb.Append(days.ToString(inv)).Append(" days, ");
        sb.Append(hours.ToString(inv)).Append(':').Append(minutes.ToString("00", inv)).Append(':').Append(seconds.ToString("00", inv))
          .Append('.').Append(centis.ToString("00", inv));
    }
}
