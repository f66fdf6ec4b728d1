using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Edge.Snmp.Ber;
using Edge.Snmp.Client;
using Edge.Snmp.Configuration;
using Edge.Snmp.Protocol;
using Edge.Snmp.Tests.Support;
using Edge.Snmp.Traps;
using Edge.Snmp.Usm;
using Microsoft.Extensions.Logging.Testing;

namespace Edge.Snmp.Tests.Traps;

/// <summary>
/// The receiver against net-snmp's own snmptrap and snmpinform: every version, traps and informs, the v3 engine
/// rules both ways, and the drops. Two devices: ups-1 (v2c) at 127.0.0.1 and pdu-1 (v3) at 127.0.0.2; the tools
/// send from another loopback address with net-snmp's clientaddr setting.
/// </summary>
public sealed class TrapReceiverTests : IAsyncLifetime
{
    private const string UpsCommunity = "ups-c0mmunity";
    private const string SharedCommunity = "tr4ps-shared";
    private const string AuthPass = "authpass123";
    private const string PrivPass = "privpass123";
    private const string UpsOnBattery = "1.3.6.1.2.1.33.2.1";
    private const string SenderEngine = "0x8000000001020304050607";

    private readonly NetSnmpTools _tools = new();
    private readonly TrapCounters _counters = new();
    private readonly ConcurrentQueue<string> _polls = new();
    private readonly FakeLogger _log = new();
    private TrapReceiver _receiver = null!;

    /// <summary>What an operator would read: every message with its exception.</summary>
    private IEnumerable<string> Lines => _log.Collector.GetSnapshot().Select(r => $"{r.Message} {r.Exception}");

    private string Target => $"udp:127.0.0.1:{_receiver.LocalEndPoint.Port}";

    public Task InitializeAsync()
    {
        var ups = new SnmpDeviceOptions("ups-1", "127.0.0.1", 161, SnmpVersion.V2c, TimeSpan.FromHours(1)) { Community = UpsCommunity };
        var pdu = new SnmpDeviceOptions("pdu-1", "127.0.0.2", 161, SnmpVersion.V3, TimeSpan.FromHours(1))
        {
            Usm = new UsmCredentials("pduuser", SecurityLevel.AuthNoPriv, AuthProtocol.Sha256, AuthPass, PrivProtocol.None, null),
        };
        var options = new SnmpTrapOptions(new IPEndPoint(IPAddress.Loopback, 0))
        {
            Communities = [SharedCommunity],
            Users = [new UsmCredentials("trapuser", SecurityLevel.AuthPriv, AuthProtocol.Sha1, AuthPass, PrivProtocol.Aes128, PrivPass)],
        };
        var senders = new TrapSenders([(ups, IPAddress.Loopback), (pdu, IPAddress.Parse("127.0.0.2"))], options);
        var local = new EngineState(LocalEngine.DefaultId("test-rack"), 3, 0, TimeProvider.System);
        _receiver = new TrapReceiver(options, senders, local, _counters, _polls.Enqueue, TimeProvider.System, _log);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        _tools.Dispose();
        Assert.DoesNotContain(Lines, l => l.Contains("c0mmunity", StringComparison.Ordinal) || l.Contains("pass123", StringComparison.Ordinal)
            || l.Contains("wr0ng", StringComparison.Ordinal));
    }

    private async Task SendAsync(string tool, params string[] args)
    {
        var (exit, _, err) = await _tools.RunAsync(tool, args);
        Assert.True(exit == 0, $"{tool} exited {exit}: {err}");
    }

    private static string From(string address) => $"--clientaddr={address}";

    /// <summary>Waits (bounded: real processes, a real socket) until the receiver has handled <paramref name="count"/> datagrams.</summary>
    private async Task<TrapCountersSnapshot> ReceivedAsync(long count)
    {
        var clock = Stopwatch.StartNew();
        while (_counters.Snapshot().Received < count && clock.Elapsed < TimeSpan.FromSeconds(10))
            await Task.Delay(20);
        Assert.Equal(count, _counters.Snapshot().Received);
        return _counters.Snapshot();
    }

    private long Dropped(TrapDropReason reason) => _counters.Snapshot().Dropped[TrapCounters.Name(reason)];

    [Fact]
    public async Task A_v1_trap_from_a_device_with_its_own_community_polls_that_device()
    {
        await SendAsync("snmptrap", "-v", "1", "-c", UpsCommunity, Target, "1.3.6.1.4.1.318", "127.0.0.1", "6", "5", "");

        var counts = await ReceivedAsync(1);
        Assert.Equal(1, counts.Accepted);
        Assert.Equal(["ups-1"], _polls);
        Assert.Contains(Lines, l => l.Contains("v1 trap 1.3.6.1.4.1.318 generic 6 specific 5", StringComparison.Ordinal) && l.Contains("ups-1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_relayed_v1_trap_is_mapped_by_its_agent_addr()
    {
        await SendAsync("snmptrap", From("127.0.0.3"), "-v", "1", "-c", SharedCommunity, Target, "1.3.6.1.4.1.13742", "127.0.0.2", "6", "1", "");

        Assert.Equal(1, (await ReceivedAsync(1)).Accepted);
        Assert.Equal(["pdu-1"], _polls);
    }

    [Fact]
    public async Task A_v2c_trap_with_the_shared_community_polls_the_device_at_the_sender_address()
    {
        await SendAsync("snmptrap", From("127.0.0.2"), "-v", "2c", "-c", SharedCommunity, Target, "", UpsOnBattery);

        Assert.Equal(1, (await ReceivedAsync(1)).Accepted);
        Assert.Equal(["pdu-1"], _polls);
    }

    [Fact]
    public async Task A_v2c_inform_is_acknowledged_so_snmpinform_succeeds()
    {
        await SendAsync("snmpinform", "-v", "2c", "-c", UpsCommunity, "-t", "2", "-r", "0", Target, "", UpsOnBattery, "1.3.6.1.2.1.33.1.2.2.0", "i", "12");

        var counts = _counters.Snapshot();
        Assert.Equal(1, counts.InformsAcknowledged);
        Assert.Equal(["ups-1"], _polls);
    }

    [Fact]
    public async Task A_v3_authpriv_trap_is_authenticated_and_decrypted_with_keys_localized_to_the_senders_engine()
    {
        await SendAsync("snmptrap", "-v", "3", "-e", SenderEngine, "-u", "trapuser", "-l", "authPriv", "-a", "SHA", "-A", AuthPass,
            "-x", "AES", "-X", PrivPass, Target, "", UpsOnBattery);

        Assert.Equal(1, (await ReceivedAsync(1)).Accepted);
        Assert.Equal(["ups-1"], _polls);
        Assert.Contains(Lines, l => l.Contains($"v3 trap {UpsOnBattery} (user 'trapuser')", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_v3_inform_discovers_our_engine_synchronises_and_is_acknowledged()
    {
        await SendAsync("snmpinform", "-v", "3", "-u", "trapuser", "-l", "authPriv", "-a", "SHA", "-A", AuthPass, "-x", "AES", "-X", PrivPass,
            "-t", "2", "-r", "1", Target, "", UpsOnBattery);

        var counts = _counters.Snapshot();
        Assert.Equal(1, counts.InformsAcknowledged);
        Assert.True(counts.ReportsSent >= 1, "engine discovery was answered with a Report");
        Assert.Equal(["ups-1"], _polls);
    }

    [Fact]
    public async Task A_v3_devices_own_user_is_accepted_from_its_address_only()
    {
        string[] trap = ["-v", "3", "-e", SenderEngine, "-u", "pduuser", "-l", "authNoPriv", "-a", "SHA-256", "-A", AuthPass, Target, "", UpsOnBattery];
        await SendAsync("snmptrap", [From("127.0.0.2"), .. trap]);
        await SendAsync("snmptrap", [From("127.0.0.1"), .. trap]);

        var counts = await ReceivedAsync(2);
        Assert.Equal(1, counts.Accepted);
        Assert.Equal(["pdu-1"], _polls);
        Assert.Equal(1, Dropped(TrapDropReason.UnknownUser));
    }

    [Fact]
    public async Task Wrong_communities_and_passwords_are_dropped_and_counted_and_never_logged()
    {
        await SendAsync("snmptrap", "-v", "2c", "-c", "wr0ng-community", Target, "", UpsOnBattery);
        await SendAsync("snmptrap", "-v", "3", "-e", SenderEngine, "-u", "trapuser", "-l", "authPriv", "-a", "SHA", "-A", "wr0ng-password",
            "-x", "AES", "-X", PrivPass, Target, "", UpsOnBattery);
        await SendAsync("snmptrap", "-v", "3", "-e", SenderEngine, "-u", "trapuser", "-l", "authPriv", "-a", "SHA", "-A", AuthPass,
            "-x", "AES", "-X", "wr0ng-privacy", Target, "", UpsOnBattery);
        await SendAsync("snmptrap", "-v", "3", "-e", SenderEngine, "-u", "trapuser", "-l", "authNoPriv", "-a", "SHA", "-A", AuthPass, Target, "", UpsOnBattery);

        var counts = await ReceivedAsync(4);
        Assert.Equal(0, counts.Accepted);
        Assert.Empty(_polls);
        Assert.Equal(1, Dropped(TrapDropReason.BadCommunity));
        Assert.Equal(1, Dropped(TrapDropReason.WrongDigest));
        Assert.Equal(1, Dropped(TrapDropReason.DecryptionError));
        Assert.Equal(1, Dropped(TrapDropReason.UnsupportedSecurityLevel));
        Assert.Contains(Lines, l => l.Contains("dropped: badCommunity", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_v3_inform_with_a_wrong_password_gets_no_acknowledgement()
    {
        var (exit, _, _) = await _tools.RunAsync("snmpinform", "-v", "3", "-u", "trapuser", "-l", "authPriv", "-a", "SHA", "-A", "wr0ng-password",
            "-x", "AES", "-X", PrivPass, "-t", "1", "-r", "0", Target, "", UpsOnBattery);

        Assert.NotEqual(0, exit);
        Assert.Equal(0, _counters.Snapshot().InformsAcknowledged);
        Assert.True(Dropped(TrapDropReason.WrongDigest) >= 1);
        Assert.Empty(_polls);
    }

    [Fact]
    public async Task A_trap_from_an_address_no_device_has_is_counted_and_ignored()
    {
        await SendAsync("snmptrap", From("127.0.0.9"), "-v", "2c", "-c", SharedCommunity, Target, "", UpsOnBattery);

        Assert.Equal(0, (await ReceivedAsync(1)).Accepted);
        Assert.Equal(1, Dropped(TrapDropReason.UnknownSender));
        Assert.Empty(_polls);
    }

    [Fact]
    public async Task Garbage_and_requests_are_dropped_and_the_receiver_keeps_working()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        var to = _receiver.LocalEndPoint;
        byte[][] junk =
        [
            [],
            [0x30, 0x82, 0xFF, 0xFF, 0x02, 0x01],
            "GET / HTTP/1.1\r\n\r\n"u8.ToArray(),
            MessageEncoder.EncodeCommunity(SnmpVersion.V2c, "public"u8, Pdu.Request(PduType.GetRequest, 7, [Oid.Parse("1.3.6.1.2.1.1.1.0")])),
            [.. Packets.NumericResponse(3).Datagram.Take(20)],
        ];
        foreach (var datagram in junk)
            await socket.SendToAsync(datagram, to);
        await SendAsync("snmptrap", "-v", "2c", "-c", UpsCommunity, Target, "", UpsOnBattery);

        var counts = await ReceivedAsync(junk.Length + 1);
        Assert.Equal(4, Dropped(TrapDropReason.Malformed));
        Assert.Equal(1, Dropped(TrapDropReason.UnexpectedPdu));
        Assert.Equal(1, counts.Accepted);
        Assert.Equal(["ups-1"], _polls);
    }
}
