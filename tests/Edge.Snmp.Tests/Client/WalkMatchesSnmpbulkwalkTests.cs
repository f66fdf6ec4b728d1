using System.Text;
using Edge.Snmp.Client;
using Edge.Snmp.Protocol;
using Edge.Snmp.Tests.Support;
using Edge.Snmp.Usm;

namespace Edge.Snmp.Tests.Client;

/// <summary>
/// A walk by <see cref="SnmpClient"/>, printed by <see cref="NetSnmpText"/>, is line for line what <c>snmpbulkwalk -On</c>
/// prints for the same subtrees of the same snmpd: system, interfaces, and the USM and VACM tables (OIDs, octet strings,
/// multi-line hex dumps, timeticks, gauges, counters, floats in Opaques).
/// </summary>
[Collection(SnmpdCollection.Name)]
public sealed class WalkMatchesSnmpbulkwalkTests(SnmpdFixture snmpd)
{
    private static readonly string[] Subtrees = [".1.3.6.1.2.1.1", ".1.3.6.1.2.1.2", ".1.3.6.1.6.3.15", ".1.3.6.1.6.3.16", ".1.3.6.1.4.1.2021.10"];

    /// <summary>
    /// Values that change between two walks a moment apart: uptime, interface counters (our own loopback traffic), and
    /// the USM statistics (every v3 discovery counts in usmStatsUnknownEngineIDs). For these only the type must match.
    /// </summary>
    private static readonly string[] Volatile =
    [
        ".1.3.6.1.2.1.1.3.0", ".1.3.6.1.2.1.2.2.1.10.", ".1.3.6.1.2.1.2.2.1.11.", ".1.3.6.1.2.1.2.2.1.12.", ".1.3.6.1.2.1.2.2.1.13.",
        ".1.3.6.1.2.1.2.2.1.14.", ".1.3.6.1.2.1.2.2.1.16.", ".1.3.6.1.2.1.2.2.1.17.", ".1.3.6.1.2.1.2.2.1.18.", ".1.3.6.1.2.1.2.2.1.19.",
        ".1.3.6.1.2.1.2.2.1.20.", ".1.3.6.1.2.1.2.2.1.9.", ".1.3.6.1.6.3.15.1.1.",
        // UCD-SNMP-MIB laTable: the load averages, as text, integer and an Opaque-wrapped float (net-snmp unwraps it).
        ".1.3.6.1.4.1.2021.10.1.3.", ".1.3.6.1.4.1.2021.10.1.5.", ".1.3.6.1.4.1.2021.10.1.6.",
    ];

    [Fact]
    public async Task A_v2c_walk_prints_exactly_what_snmpbulkwalk_prints()
    {
        await AssertSameAsSnmpbulkwalk(snmpd.V2c(), ["-v2c", "-c", SnmpdFixture.Community]);
    }

    [Fact]
    public async Task A_v3_authpriv_sha256_aes_walk_prints_exactly_what_snmpbulkwalk_prints()
    {
        var user = SnmpdFixture.UserName("SHA-256", SecurityLevel.AuthPriv, PrivProtocol.Aes128);
        await AssertSameAsSnmpbulkwalk(snmpd.V3("SHA-256", SecurityLevel.AuthPriv, PrivProtocol.Aes128),
            ["-v3", "-u", user, "-l", "authPriv", "-a", "SHA-256", "-A", SnmpdFixture.AuthPass, "-x", "AES", "-X", SnmpdFixture.PrivPass]);
    }

    private async Task AssertSameAsSnmpbulkwalk(SnmpTarget target, string[] security)
    {
        await using var client = new SnmpClient(TimeProvider.System);
        var compared = 0;
        foreach (var subtree in Subtrees)
        {
            var (exit, expectedText, err) = await snmpd.RunToolAsync("snmpbulkwalk", [.. security, "-On", $"127.0.0.1:{snmpd.Port}", subtree]);
            Assert.True(exit == 0, err);
            var result = await client.WalkAsync(target, Oid.Parse(subtree), CancellationToken.None);
            Assert.True(result.Ok, result.Error?.Message);

            var actual = new StringBuilder();
            foreach (var vb in result.VarBinds)
                actual.Append(NetSnmpText.Format(vb)).Append('\n');
            var expectedEntries = Entries(expectedText);
            var actualEntries = Entries(actual.ToString());
            Assert.Equal(expectedEntries.Select(e => e.Oid), actualEntries.Select(e => e.Oid));
            for (var i = 0; i < expectedEntries.Count; i++)
            {
                var (oid, expected) = expectedEntries[i];
                var got = actualEntries[i].Value;
                if (Volatile.Any(v => oid == v || (v.EndsWith('.') && oid.StartsWith(v, StringComparison.Ordinal))))
                    Assert.Equal(expected.Split(':')[0], got.Split(':')[0]);
                else
                    Assert.Equal(expected, got);
            }
            compared += expectedEntries.Count;
        }
        Assert.True(compared > 200, $"only {compared} varbinds compared");
    }

    /// <summary>Splits tool output into (OID, value text) entries; a value may continue over lines (hex dumps).</summary>
    private static List<(string Oid, string Value)> Entries(string text)
    {
        var entries = new List<(string Oid, string Value)>();
        foreach (var line in text.Split('\n'))
        {
            var eq = line.IndexOf(" = ", StringComparison.Ordinal);
            if (line.StartsWith(".1.", StringComparison.Ordinal) && eq > 0)
                entries.Add((line[..eq], line[(eq + 3)..]));
            else if (entries.Count > 0 && line.Length > 0)
                entries[^1] = (entries[^1].Oid, entries[^1].Value + "\n" + line);
        }
        return entries;
    }
}
