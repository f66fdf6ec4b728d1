using BenchmarkDotNet.Attributes;
using Edge.Snmp.Profiles;
using Edge.Snmp.Protocol;

namespace Edge.Bench;

/// <summary>
/// One poll's decode of a fully populated APC rack PDU (PowerNet-MIB rPDU2): the table a walk fetched turned into
/// readings. Shape: 1 unit, 3 phases, 6 banks, 48 metered outlets, 2 temperature/humidity probes, the rPDU load table
/// with 3 phase rows and 6 bank rows: 9 + 3 + 9 + 6 + 96 + 8 = 131 cells read per poll.
/// </summary>
[MemoryDiagnoser]
public class ProfileDecodeBenchmark
{
    private const string Rpdu = "1.3.6.1.4.1.318.1.1.12.";
    private const string Rpdu2 = "1.3.6.1.4.1.318.1.1.26.";
    private static readonly DateTimeOffset Time = new(2026, 11, 26, 0, 0, 0, TimeSpan.Zero);

    private IDeviceProfile _profile = null!;
    private VarBindTable _table = null!;

    [GlobalSetup]
    public void Setup()
    {
        _profile = DeviceProfiles.ByName("apc-rpdu2")!;
        var vbs = new List<VarBind> { Int(Rpdu + "1.16.0", 3120) };
        for (uint row = 1; row <= 9; row++)
        {
            var isBank = row > 3;
            Add(vbs, Rpdu + "2.3.1.1.2", row, 42);
            Add(vbs, Rpdu + "2.3.1.1.4", row, isBank ? 1 : row);
            Add(vbs, Rpdu + "2.3.1.1.5", row, isBank ? row - 3 : 0);
        }
        Add(vbs, Rpdu2 + "4.3.1.5", 1, 312);
        Add(vbs, Rpdu2 + "4.3.1.9", 1, 98765);
        Add(vbs, Rpdu2 + "4.3.1.16", 1, 330);
        for (uint phase = 1; phase <= 3; phase++)
        {
            Add(vbs, Rpdu2 + "6.3.1.5", phase, 45);
            Add(vbs, Rpdu2 + "6.3.1.6", phase, 230);
            Add(vbs, Rpdu2 + "6.3.1.7", phase, 104);
        }
        for (uint bank = 1; bank <= 6; bank++)
            Add(vbs, Rpdu2 + "8.3.1.5", bank, 22);
        for (uint outlet = 1; outlet <= 48; outlet++)
        {
            Add(vbs, Rpdu2 + "9.4.3.1.6", outlet, 3);
            Add(vbs, Rpdu2 + "9.4.3.1.7", outlet, 65);
        }
        for (uint probe = 1; probe <= 2; probe++)
        {
            Add(vbs, Rpdu2 + "10.2.2.1.5", probe, 2);
            Add(vbs, Rpdu2 + "10.2.2.1.6", probe, 2);
            Add(vbs, Rpdu2 + "10.2.2.1.8", probe, 231);
            Add(vbs, Rpdu2 + "10.2.2.1.10", probe, 40);
        }
        _table = new VarBindTable(vbs);
    }

    [Benchmark]
    public int Decode()
    {
        var readings = new DeviceReadings("pdu-1", Time);
        _profile.Decode(_table, readings);
        return readings.Count;
    }

    private static void Add(List<VarBind> vbs, string column, uint row, long value) => vbs.Add(new VarBind(Oid.Parse(column).Append(row), SnmpValue.Int(value)));

    private static VarBind Int(string oid, long value) => new(Oid.Parse(oid), SnmpValue.Int(value));
}
