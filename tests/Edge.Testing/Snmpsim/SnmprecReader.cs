using System.Globalization;
using System.Text;
using Edge.Snmp.Protocol;

namespace Edge.Testing.Snmpsim;

/// <summary>
/// Reads snmpsim's <c>.snmprec</c> data files (<c>OID|TYPE|VALUE</c>, one record a line) into varbinds, so a profile is
/// tested on exactly what snmpsimd would serve. Types are snmpsim's (the BER tag in decimal; an <c>x</c> suffix means
/// the value is hex): 2 INTEGER, 4 OCTET STRING, 5 NULL, 6 OID, 64 IpAddress, 65 Counter32, 66 Gauge32, 67 TimeTicks,
/// 68 Opaque, 70 Counter64, 128/129/130 the v2 exceptions. A record this reader cannot parse is an error, not a skip.
/// </summary>
public static class SnmprecReader
{
    public static List<VarBind> ReadFile(string path) => Parse(File.ReadAllLines(path), Path.GetFileName(path));

    public static List<VarBind> Parse(IEnumerable<string> lines, string source = "(text)")
    {
        var varBinds = new List<VarBind>();
        var number = 0;
        foreach (var line in lines)
        {
            number++;
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            var first = line.IndexOf('|');
            var second = first < 0 ? -1 : line.IndexOf('|', first + 1);
            if (second < 0)
                throw new FormatException($"{source}:{number}: not OID|TYPE|VALUE");
            if (!Oid.TryParse(line[..first], out var oid))
                throw new FormatException($"{source}:{number}: bad OID '{line[..first]}'");
            var type = line[(first + 1)..second];
            var text = line[(second + 1)..];
            varBinds.Add(new VarBind(oid, Value(type, text, $"{source}:{number}")));
        }
        return varBinds;
    }

    private static SnmpValue Value(string type, string text, string where)
    {
        var hex = type.EndsWith('x');
        var tag = int.Parse(hex ? type[..^1] : type, CultureInfo.InvariantCulture);
        byte[] Bytes() => hex ? Convert.FromHexString(text) : Encoding.UTF8.GetBytes(text);
        return tag switch
        {
            2 => new SnmpValue(SnmpType.Integer, Number: long.Parse(text, CultureInfo.InvariantCulture)),
            4 => new SnmpValue(SnmpType.OctetString, Bytes: Bytes()),
            5 => new SnmpValue(SnmpType.Null),
            6 => new SnmpValue(SnmpType.ObjectIdentifier, OidValue: Oid.Parse(text)),
            64 => new SnmpValue(SnmpType.IpAddress, Bytes: hex ? Bytes() : text.Split('.').Select(p => byte.Parse(p, CultureInfo.InvariantCulture)).ToArray()),
            65 => new SnmpValue(SnmpType.Counter32, Number: long.Parse(text, CultureInfo.InvariantCulture)),
            66 => new SnmpValue(SnmpType.Gauge32, Number: long.Parse(text, CultureInfo.InvariantCulture)),
            67 => new SnmpValue(SnmpType.TimeTicks, Number: long.Parse(text, CultureInfo.InvariantCulture)),
            68 => new SnmpValue(SnmpType.Opaque, Bytes: Bytes()),
            70 => new SnmpValue(SnmpType.Counter64, Unsigned: ulong.Parse(text, CultureInfo.InvariantCulture)),
            128 => new SnmpValue(SnmpType.NoSuchObject),
            129 => new SnmpValue(SnmpType.NoSuchInstance),
            130 => new SnmpValue(SnmpType.EndOfMibView),
            _ => throw new FormatException($"{where}: unsupported snmprec type '{type}'"),
        };
    }
}
