using System.Buffers;
using System.Text;
using Edge.Snmp.Ber;
using Edge.Snmp.Client;
using Edge.Snmp.Protocol;
using Edge.Snmp.Tests.Support;
using Xunit.Abstractions;

namespace Edge.Snmp.Tests.Ber;

/// <summary>What decoding costs in allocations once warmed up, measured on the current thread.</summary>
public sealed class DecodeAllocationTests(ITestOutputHelper output)
{
    [Fact]
    public void Decoding_a_poll_response_of_numeric_varbinds_with_known_oids_allocates_nothing()
    {
        var (datagram, oids) = Packets.NumericResponse(100);
        var into = new List<VarBind>(oids.Length);
        var allocated = SteadyStateBytes(() => Decode(datagram, oids, into), 1000);

        Assert.Equal(100, into.Count);
        Assert.Same(oids[57], into[57].Oid);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void The_clients_response_matching_allocates_per_response_not_per_decoded_varbind()
    {
        // Through PendingRequest, the path every poll takes: what grows with the varbind count is only the result array.
        var small = PerResponse(10);
        var large = PerResponse(210);
        var perVarBind = (large - small) / 200.0;
        output.WriteLine($"client path: {small} B for 10 varbinds, {large} B for 210: {perVarBind:0.0} B per varbind (the VarBind result array, {System.Runtime.CompilerServices.Unsafe.SizeOf<VarBind>()} B per element)");
        // Half a byte of slack: a one-off allocation of the runtime's during the measurement (a few tens of bytes
        // over 200 varbinds on a loaded machine) must not fail it, while any object per varbind (24 B or more) still does.
        Assert.True(perVarBind <= System.Runtime.CompilerServices.Unsafe.SizeOf<VarBind>() + 0.5, $"{perVarBind} B per varbind");
    }

    [Fact]
    public void Decoding_a_walk_response_allocates_only_the_new_oids()
    {
        var (datagram, oids) = Packets.NumericResponse(100);
        var into = new List<VarBind>(oids.Length);
        Decode(datagram, null, into);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
            Decode(datagram, null, into);
        var perVarBind = (GC.GetAllocatedBytesForCurrentThread() - before) / (100.0 * oids.Length);
        // Oid object (24 B) + uint[13] (16 + 52 B, padded): a walk meets OIDs it has not seen, so it must create them.
        output.WriteLine($"walk path: {perVarBind:0.0} B per varbind (new Oid + its arcs)");
        Assert.True(perVarBind <= 128, $"{perVarBind} B per varbind");
    }

    [Fact]
    public void A_walk_takes_its_answers_as_bytes_and_allocates_nothing_per_varbind()
    {
        // The path of `edge snmp walk`: the answer is checked and copied on receipt, then handed out varbind by varbind
        // with the OID as arcs; only the per-response objects (the reply, its task) remain.
        var small = PerWalkedResponse(10);
        var large = PerWalkedResponse(210);
        var perVarBind = (large - small) / 200.0;
        output.WriteLine($"walk path: {small} B for 10 varbinds, {large} B for 210: {perVarBind:0.0} B per varbind");
        Assert.Equal(0, perVarBind);
    }

    [Fact]
    public void Printing_walked_varbinds_as_snmpbulkwalk_does_allocates_nothing()
    {
        // `edge snmp walk` writes every line into one reused buffer: numbers, timeticks, strings, hex dumps, OIDs.
        VarBind[] lines =
        [
            new(Oid.Parse("1.3.6.1.2.1.1.3.0"), new SnmpValue(SnmpType.TimeTicks, Number: 2510919899)),
            new(Oid.Parse("1.3.6.1.2.1.2.2.1.10.1"), new SnmpValue(SnmpType.Counter32, Number: 4_000_000_000)),
            new(Oid.Parse("1.3.6.1.2.1.1.1.0"), SnmpValue.Str("Linux pdu 5.10 \"quoted\"")),
            new(Oid.Parse("1.3.6.1.2.1.2.2.1.6.2"), new SnmpValue(SnmpType.OctetString, Bytes: [0xBA, 0x3F, 0xA7, 0xF3, 0xBA, 0x13])),
            new(Oid.Parse("1.3.6.1.2.1.1.2.0"), new SnmpValue(SnmpType.ObjectIdentifier, OidValue: Oid.Parse("1.3.6.1.4.1.8072.3.2.10"))),
            new(Oid.Parse("1.3.6.1.2.1.31.1.1.1.6.1"), new SnmpValue(SnmpType.Counter64, Unsigned: ulong.MaxValue)),
            new(Oid.Parse("1.3.6.1.4.1.2021.10.1.6.1"), new SnmpValue(SnmpType.Opaque, Bytes: [0x9F, 0x78, 0x04, 0x3C, 0xF5, 0xC2, 0x8F])),
        ];
        var output = new ArrayBufferWriter<byte>(4096);
        var allocated = SteadyStateBytes(() => Print(lines, output), 100);
        Assert.StartsWith(NetSnmpText.Format(lines[0]) + "\n" + NetSnmpText.Format(lines[1]) + "\n", Encoding.ASCII.GetString(output.WrittenSpan));
        Assert.Equal(0, allocated);
    }

    private static void Print(VarBind[] lines, ArrayBufferWriter<byte> output)
    {
        output.ResetWrittenCount();
        foreach (var vb in lines)
        {
            NetSnmpText.Write(output, vb);
            output.Write("\n"u8);
        }
    }

    private static void Decode(byte[] datagram, Oid[]? expected, List<VarBind> into)
    {
        into.Clear();
        if (MessageDecoder.DecodeCommunity(datagram, out var message) != DecodeError.None || message.Pdu.ReadVarBinds(into, expected) != DecodeError.None)
            throw new InvalidOperationException("seed did not decode");
    }

    private static long PerResponse(int count)
    {
        var (datagram, oids) = Packets.NumericResponse(count, requestId: 42);
        var scratch = new byte[65_536];
        for (var i = 0; i < 3; i++)
            new PendingRequest(42, Packets.Loopback(161), SnmpVersion.V2c, oids).TryAccept(datagram, scratch);
        const int rounds = 200;
        var total = 0L;
        for (var i = 0; i < rounds; i++)
        {
            var pending = new PendingRequest(42, Packets.Loopback(161), SnmpVersion.V2c, oids);
            var before = GC.GetAllocatedBytesForCurrentThread();
            if (!pending.TryAccept(datagram, scratch))
                throw new InvalidOperationException("response not accepted");
            total += GC.GetAllocatedBytesForCurrentThread() - before;
        }
        return total / rounds;
    }

    private static long PerWalkedResponse(int count)
    {
        var root = Oid.Parse("1.3.6.1.2.1.2.2.1.10");
        var varBinds = new VarBind[count];
        for (var i = 0; i < count; i++)
            varBinds[i] = new VarBind(root.Append((uint)i + 1), new SnmpValue(SnmpType.Counter32, Number: i * 1000));
        var datagram = MessageEncoder.EncodeCommunity(SnmpVersion.V2c, "public"u8, new Pdu(PduType.Response, 42, varBinds));
        var scratch = new byte[65_536];
        var raw = new byte[65_536];
        var walked = 0;
        Action<VarBindView> each = _ => walked++;
        long total = 0;
        const int rounds = 200;
        for (var i = -3; i < rounds; i++)
        {
            var pending = new PendingRequest(42, Packets.Loopback(161), SnmpVersion.V2c, null, rawInto: raw);
            var cursor = new WalkCursor(root);
            var before = GC.GetAllocatedBytesForCurrentThread();
            if (!pending.TryAccept(datagram, scratch) || cursor.Visit(pending.Task.Result.RawVarBinds, each) != (false, null))
                throw new InvalidOperationException("walk answer not accepted");
            if (i >= 0)
                total += GC.GetAllocatedBytesForCurrentThread() - before;
        }
        Assert.Equal((rounds + 3) * count, walked);
        return total / rounds;
    }

    /// <summary>
    /// Bytes allocated on this thread by <paramref name="iterations"/> calls once warmed up: the least of a few rounds,
    /// since the runtime itself allocates now and then on the calling thread (tiered recompilation, a one-off static);
    /// something the code allocates per call shows in every round.
    /// </summary>
    private static long SteadyStateBytes(Action call, int iterations)
    {
        for (var i = 0; i < 200; i++)
            call();
        var least = long.MaxValue;
        for (var round = 0; round < 5 && least > 0; round++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < iterations; i++)
                call();
            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
        }
        return least;
    }
}
