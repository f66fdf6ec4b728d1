using System.Net;
using System.Net.Sockets;
using Edge.Snmp.Ber;
using Edge.Snmp.Client;
using Edge.Snmp.Protocol;
using Edge.Snmp.Tests.Support;
using Edge.Snmp.Usm;

namespace Edge.Snmp.Tests.Client;

/// <summary>
/// A report net-snmp's snmpd never sends (it drops a message it cannot decrypt): usmStatsDecryptionErrors, which other
/// agents do send for a wrong privacy password (RFC 3414 §3.2 step 8). A scripted agent on loopback plays it.
/// </summary>
public sealed class UsmReportTests
{
    private static readonly UsmCredentials Credentials = new("edge", SecurityLevel.AuthPriv, AuthProtocol.Sha256, "authpass123", PrivProtocol.Aes128, "privpass123");

    [Fact]
    public async Task A_decryption_errors_report_says_the_privacy_password_or_protocol_is_wrong()
    {
        using var agent = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        agent.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        await using var client = new SnmpClient(TimeProvider.System);
        var target = new SnmpTarget((IPEndPoint)agent.LocalEndPoint!, SnmpVersion.V3, Usm: Credentials, Timeout: TimeSpan.FromSeconds(10), Retries: 0);

        var request = client.GetAsync(target, [Oid.Parse("1.3.6.1.2.1.1.5.0")], CancellationToken.None);
        var (discovery, from) = await ReceiveAsync(agent);
        Assert.False(discovery.Authenticated);
        await agent.SendToAsync(Report(discovery.MessageId, UsmStats.UnknownEngineIds), from);
        var (secured, _) = await ReceiveAsync(agent);
        Assert.True(secured.Authenticated && secured.Private);
        await agent.SendToAsync(Report(secured.MessageId, UsmStats.DecryptionErrors), from);
        var result = await request;

        Assert.Equal(SnmpErrorKind.DecryptionError, result.Error?.Kind);
        Assert.Contains("wrong v3 privacy password or protocol (report usmStatsDecryptionErrors)", result.Error!.Message);
        Assert.DoesNotContain("privpass123", result.Error.Message);
    }

    private static byte[] Report(int messageId, Oid counter)
    {
        var scoped = V3MessageEncoder.EncodeScopedPdu(Packets.EngineId, [], new Pdu(PduType.Report, messageId, [new VarBind(counter, new SnmpValue(SnmpType.Counter32, Number: 1))]));
        return V3MessageEncoder.Encode(messageId, reportable: false, Packets.NoAuthKeys, Packets.EngineId, 3, 12345, scoped, []);
    }

    private static async Task<(Received Message, EndPoint From)> ReceiveAsync(Socket agent)
    {
        var buffer = new byte[65_536];
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var received = await agent.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), bound.Token);
        Assert.Equal(DecodeError.None, V3MessageView.Decode(buffer.AsSpan(0, received.ReceivedBytes), out var message));
        return (new Received(message.MessageId, message.IsAuthenticated, message.IsPrivate), received.RemoteEndPoint);
    }

    private sealed record Received(int MessageId, bool Authenticated, bool Private);
}
