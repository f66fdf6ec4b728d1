using System.Net;
using System.Net.Sockets;
using Edge.Snmp.Ber;
using Edge.Snmp.Client;
using Edge.Snmp.Protocol;
using Microsoft.Extensions.Time.Testing;

namespace Edge.Snmp.Tests.Client;

/// <summary>
/// The client against a scripted agent on loopback sockets: what a response must match, and how timeouts and retries
/// run on the injected clock (the test advances it; nothing sleeps).
/// </summary>
public sealed class ResponseMatchingTests
{
    private static readonly Oid SysName = Oid.Parse("1.3.6.1.2.1.1.5.0");

    [Fact]
    public async Task Answers_from_another_port_or_with_an_unknown_request_id_are_discarded_and_the_real_one_is_taken()
    {
        using var agent = Bind();
        using var impostor = Bind();
        await using var client = new SnmpClient(TimeProvider.System);
        var target = new SnmpTarget(Local(agent), SnmpVersion.V2c, Timeout: TimeSpan.FromSeconds(10), Retries: 0);

        var request = client.GetAsync(target, [SysName], CancellationToken.None);
        var (id, from) = await ReceiveRequestAsync(agent);
        // Same id from the wrong port, then the right port with the wrong id, then the real answer.
        await impostor.SendToAsync(Response(id, "forged"), from);
        await agent.SendToAsync(Response(id + 1, "stale"), from);
        await agent.SendToAsync(Response(id, "pdu-a"), from);
        var result = await request;

        Assert.True(result.Ok, result.Error?.Message);
        Assert.Equal("pdu-a", Assert.Single(result.VarBinds).Value.Text);
        Assert.True(client.DiscardedDatagrams >= 2);
    }

    [Fact]
    public async Task A_silent_agent_gets_the_request_once_per_attempt_then_a_timeout_on_the_injected_clock()
    {
        using var agent = Bind();
        var clock = new FakeTimeProvider();
        await using var client = new SnmpClient(clock);
        var target = new SnmpTarget(Local(agent), SnmpVersion.V2c, Timeout: TimeSpan.FromSeconds(2), Retries: 2);

        var request = client.GetAsync(target, [SysName], CancellationToken.None);
        var ids = new List<int>();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            ids.Add((await ReceiveRequestAsync(agent)).Id);
            Assert.False(request.IsCompleted);
            clock.Advance(TimeSpan.FromSeconds(2));
        }
        var result = await request;

        Assert.Equal(SnmpErrorKind.Timeout, result.Error?.Kind);
        Assert.Contains("3 attempts", result.Error!.Message);
        Assert.Single(ids.Distinct());
    }

    [Fact]
    public async Task A_walk_stops_at_an_oid_that_does_not_increase_instead_of_looping()
    {
        using var agent = Bind();
        await using var client = new SnmpClient(TimeProvider.System);
        var target = new SnmpTarget(Local(agent), SnmpVersion.V2c, Timeout: TimeSpan.FromSeconds(10), Retries: 0);
        var root = Oid.Parse("1.3.6.1.2.1.4.20.1.2");

        var walk = client.WalkAsync(target, root, CancellationToken.None);
        // sentry3's recording: ipAddrTable rows in string order, 127.0.0.1 before 10.10.0.10.
        var (id, from) = await ReceiveRequestAsync(agent);
        await agent.SendToAsync(Response(id, [root.Append(127, 0, 0, 1), root.Append(10, 10, 0, 10)]), from);
        var result = await walk;

        Assert.Equal(SnmpErrorKind.NotIncreasing, result.Error?.Kind);
        Assert.Equal(root.Append(127, 0, 0, 1), Assert.Single(result.VarBinds).Oid);
    }

    [Fact]
    public async Task A_walk_falls_back_to_getnext_when_the_agent_answers_getbulk_with_an_error()
    {
        using var agent = Bind();
        await using var client = new SnmpClient(TimeProvider.System);
        var target = new SnmpTarget(Local(agent), SnmpVersion.V2c, Timeout: TimeSpan.FromSeconds(10), Retries: 0);
        var root = Oid.Parse("1.3.6.1.4.1.476.1.42.3.4");

        var walk = client.WalkAsync(target, root, CancellationToken.None);
        var (id, from, type) = await ReceiveRequestWithTypeAsync(agent);
        Assert.Equal(PduType.GetBulkRequest, type);
        await agent.SendToAsync(MessageEncoder.EncodeCommunity(SnmpVersion.V2c, "public"u8, new Pdu(PduType.Response, id, [], errorStatus: (int)ErrorStatus.GenErr)), from);
        (id, from, type) = await ReceiveRequestWithTypeAsync(agent);
        Assert.Equal(PduType.GetNextRequest, type);
        await agent.SendToAsync(Response(id, [root.Append(1, 0)]), from);
        (id, from, _) = await ReceiveRequestWithTypeAsync(agent);
        await agent.SendToAsync(Response(id, [Oid.Parse("1.3.6.1.4.1.476.1.42.3.5.1.0")]), from);
        var result = await walk;

        Assert.True(result.Ok, result.Error?.Message);
        Assert.Equal(root.Append(1, 0), Assert.Single(result.VarBinds).Oid);
    }

    private static Socket Bind()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return socket;
    }

    private static IPEndPoint Local(Socket socket) => (IPEndPoint)socket.LocalEndPoint!;

    private static async Task<(int Id, EndPoint From)> ReceiveRequestAsync(Socket agent)
    {
        var (id, from, _) = await ReceiveRequestWithTypeAsync(agent);
        return (id, from);
    }

    private static async Task<(int Id, EndPoint From, PduType Type)> ReceiveRequestWithTypeAsync(Socket agent)
    {
        var buffer = new byte[65_536];
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var received = await agent.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), bound.Token);
        Assert.Equal(DecodeError.None, MessageDecoder.DecodeCommunity(buffer.AsSpan(0, received.ReceivedBytes), out var message));
        return (message.Pdu.RequestId, received.RemoteEndPoint, message.Pdu.Type);
    }

    private static byte[] Response(int id, string sysName) =>
        MessageEncoder.EncodeCommunity(SnmpVersion.V2c, "public"u8, new Pdu(PduType.Response, id, [new VarBind(SysName, SnmpValue.Str(sysName))]));

    private static byte[] Response(int id, Oid[] oids) =>
        MessageEncoder.EncodeCommunity(SnmpVersion.V2c, "public"u8, new Pdu(PduType.Response, id, [.. oids.Select(o => new VarBind(o, SnmpValue.Int(1)))]));
}
