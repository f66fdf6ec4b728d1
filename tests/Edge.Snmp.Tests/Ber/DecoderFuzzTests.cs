using System.Diagnostics;
using Edge.Snmp.Ber;
using Edge.Snmp.Client;
using Edge.Snmp.Protocol;
using Edge.Snmp.Tests.Support;
using Edge.Snmp.Usm;
using Xunit.Abstractions;

namespace Edge.Snmp.Tests.Ber;

/// <summary>
/// The decoder faces the network: over a million mutated real packets and random datagrams go through every decode
/// path the client and trap receiver use. None may throw, hang or allocate more than a bound proportional to its size.
/// </summary>
public sealed class DecoderFuzzTests(ITestOutputHelper output)
{
    private const int Packets = 1_050_000;

    [Fact]
    public void A_million_mutated_and_random_packets_never_throw_hang_or_allocate_unboundedly()
    {
        var seeds = Support.Packets.Seeds();
        var workers = Math.Max(2, Environment.ProcessorCount);
        var perWorker = Packets / workers + 1;
        var failures = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var decoded = 0L;
        var maxAllocatedPerPacket = 0L;
        var stopwatch = Stopwatch.StartNew();

        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, worker =>
        {
            var random = new Random(1234 + worker);
            var scratch = new byte[65_536];
            var engine = new EngineState(Support.Packets.EngineId, 3, 12345, TimeProvider.System);
            long localOk = 0, localMax = 0;
            for (var i = 0; i < perWorker && failures.IsEmpty; i++)
            {
                var packet = i % 50 == 0 ? RandomBytes(random) : Mutate(seeds[random.Next(seeds.Count)], random);
                var before = GC.GetAllocatedBytesForCurrentThread();
                try
                {
                    if (DecodeEverything(packet, scratch, engine, i))
                        localOk++;
                }
                catch (Exception e)
                {
                    failures.Enqueue($"{e.GetType().Name}: {e.Message} on {Convert.ToHexString(packet)}");
                }
                var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                localMax = Math.Max(localMax, allocated - 64 * packet.Length);
            }
            Interlocked.Add(ref decoded, localOk);
            long seen;
            while ((seen = Interlocked.Read(ref maxAllocatedPerPacket)) < localMax && Interlocked.CompareExchange(ref maxAllocatedPerPacket, localMax, seen) != seen)
            {
            }
        });
        stopwatch.Stop();

        output.WriteLine($"{workers * perWorker} packets in {stopwatch.Elapsed.TotalSeconds:0.0} s; {decoded} decoded fully; max allocation beyond 64 B/octet: {maxAllocatedPerPacket} B");
        Assert.Empty(failures);
        Assert.True(workers * perWorker >= 1_000_000);
        // Bounded time: well under a minute on the 2-core CI machine.
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(50), $"took {stopwatch.Elapsed}");
        // Bounded memory: what one packet may cost is a constant plus a multiple of its own size, whatever it claims.
        Assert.True(maxAllocatedPerPacket < 200_000, $"a packet allocated {maxAllocatedPerPacket} B beyond 64 B per octet");
        Assert.True(decoded > 10_000, "mutations should leave some packets decodable, or the seeds are not exercising the decoder");
    }

    [Fact]
    public void Deep_nesting_is_refused_without_recursion()
    {
        // 10,000 nested SEQUENCE headers with indefinite lengths, then the same with definite lengths.
        var indefinite = Enumerable.Repeat(new byte[] { 0x30, 0x80 }, 10_000).SelectMany(b => b).ToArray();
        Assert.NotEqual(DecodeError.None, MessageDecoder.DecodeCommunity(indefinite, out _));
        var definite = Nest(Support.Packets.Seeds()[2], 10_000);
        Assert.NotEqual(DecodeError.None, MessageDecoder.DecodeCommunity(definite, out _));
        Assert.NotEqual(DecodeError.None, V3MessageView.Decode(definite, out _));
    }

    /// <summary>Every decode path: match-id peek, v1/v2c message, v3 message with MAC check and decryption, and the client's request matching.</summary>
    private static bool DecodeEverything(byte[] packet, byte[] scratch, EngineState engine, int i)
    {
        var ok = false;
        if (MessageDecoder.PeekMatchId(packet, out _, out var id) != DecodeError.None)
            id = 3;
        if (MessageDecoder.DecodeCommunity(packet, out var message) == DecodeError.None)
            ok = message.Pdu.ToPdu(out _) == DecodeError.None;
        if (V3MessageView.Decode(packet, out var v3) == DecodeError.None)
        {
            var keys = (i % 3) switch { 0 => Support.Packets.AuthPrivKeys, 1 => Support.Packets.AuthPrivDesKeys, _ => Support.Packets.AuthKeys };
            if (v3.IsAuthenticated)
                UsmInbound.VerifyMac(packet, v3.AuthParametersOffset, v3.AuthParameters.Length, keys.Auth, keys.AuthKey);
            if (UsmInbound.TryOpenScopedPdu(v3, keys, scratch, out var plain)
                && UsmInbound.DecodeScopedPdu(plain, v3.Encrypted, out var scoped) == DecodeError.None)
                ok |= scoped.Pdu.ToPdu(out _) == DecodeError.None;
        }
        var version = (i % 4) switch { 0 => SnmpVersion.V3, 1 => SnmpVersion.V1, _ => SnmpVersion.V2c };
        var pending = new PendingRequest(id, Support.Packets.Loopback(161), version, null, version == SnmpVersion.V3 ? Support.Packets.AuthPrivKeys : null, engine);
        ok |= pending.TryAccept(packet, scratch);
        return ok;
    }

    private static byte[] Mutate(byte[] seed, Random random)
    {
        var data = new List<byte>(seed);
        var rounds = 1 + random.Next(3);
        for (var r = 0; r < rounds && data.Count > 0; r++)
        {
            var p = random.Next(data.Count);
            switch (random.Next(10))
            {
                case 0: // bit flips
                    for (var k = 0; k < 1 + random.Next(3); k++)
                        data[random.Next(data.Count)] ^= (byte)(1 << random.Next(8));
                    break;
                case 1: // truncation
                    data.RemoveRange(p, data.Count - p);
                    break;
                case 2: // a length field set huge (long form, 4 octets)
                    data[p] = 0x84;
                    data.InsertRange(Math.Min(p + 1, data.Count), [0xFF, 0xFF, 0xFF, (byte)random.Next(256)]);
                    break;
                case 3: // a wrong tag
                    byte[] tags = [0x30, 0x02, 0x04, 0x05, 0x06, 0xA0, 0xA2, 0xA4, 0xA5, 0xA8, 0x40, 0x41, 0x46, 0x80, 0x82, 0x1F, 0x3F, 0xBF, 0xFF, 0x00];
                    data[p] = tags[random.Next(tags.Length)];
                    break;
                case 4: // negative or oversized integers
                    for (var k = 0; k + 2 < data.Count; k++)
                    {
                        if (data[k] == 0x02 && random.Next(3) == 0)
                        {
                            data[k + 2] = (byte)(0x80 | random.Next(128));
                            if (random.Next(2) == 0)
                            {
                                data[k + 1] = (byte)(9 + random.Next(4));
                                data.InsertRange(k + 2, new byte[data[k + 1] - 1]);
                            }
                            break;
                        }
                    }
                    break;
                case 5: // bad OIDs: unterminated, overflowing, empty
                    for (var k = 0; k + 1 < data.Count; k++)
                    {
                        if (data[k] == 0x06 && random.Next(3) == 0)
                        {
                            var len = data[k + 1];
                            var mode = random.Next(3);
                            for (var j = k + 2; j < Math.Min(data.Count, k + 2 + len); j++)
                                data[j] = mode == 0 ? (byte)0xFF : mode == 1 ? (byte)0x8F : data[j];
                            if (mode == 2)
                                data[k + 1] = 0;
                            break;
                        }
                    }
                    break;
                case 6: // random insertion
                    data.InsertRange(p, Enumerable.Range(0, 1 + random.Next(8)).Select(_ => (byte)random.Next(256)));
                    break;
                case 7: // deletion
                    data.RemoveRange(p, Math.Min(data.Count - p, 1 + random.Next(8)));
                    break;
                case 8: // nesting: wrap in extra SEQUENCEs
                    var nested = Nest([.. data], 1 + random.Next(64));
                    data = [.. nested];
                    break;
                default: // splice a slice of the packet onto itself
                    var from = random.Next(data.Count);
                    var count = Math.Min(data.Count - from, 1 + random.Next(32));
                    data.InsertRange(p, data.GetRange(from, count));
                    break;
            }
        }
        return [.. data];
    }

    private static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(0, 400)];
        random.NextBytes(bytes);
        if (bytes.Length > 2 && random.Next(2) == 0)
            bytes[0] = 0x30;
        return bytes;
    }

    private static byte[] Nest(byte[] inner, int depth)
    {
        var current = inner;
        for (var d = 0; d < depth; d++)
        {
            var n = current.Length;
            byte[] header = n < 0x80 ? [0x30, (byte)n] : n < 0x100 ? [0x30, 0x81, (byte)n] : n < 0x10000 ? [0x30, 0x82, (byte)(n >> 8), (byte)n] : [0x30, 0x83, (byte)(n >> 16), (byte)(n >> 8), (byte)n];
            current = [.. header, .. current];
        }
        return current;
    }
}
