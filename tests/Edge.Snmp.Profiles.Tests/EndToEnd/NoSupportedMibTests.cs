using Edge.Core.Readings;
using Edge.Emulators.Snmp;
using Edge.Snmp.Client;
using Edge.Snmp.Configuration;
using Edge.Snmp.Polling;
using Edge.Snmp.Profiles.Tests.Support;
using Edge.Snmp.Protocol;
using Edge.Testing.Snmpsim;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Logging;

namespace Edge.Snmp.Profiles.Tests.EndToEnd;

/// <summary>
/// Real devices that answer SNMP but speak no MIB Edge reads, polled over UDP with profile "auto": the truth is profile
/// none, reachable and nothing else, and a sentence naming the sysObjectID and the profiles tried. The devices: an
/// AirConsole 2.80 serial console server (sysObjectID 14358.1, no power MIB at all), and the APC Easy PDU EPDU1132M,
/// whose sysObjectID is a bare 1.3.6.1.4.1.0 and whose measurements are strings outside any MIB (1.3.6.1.4.1.1.1).
/// </summary>
public sealed class NoSupportedMibTests(SnmpSimulatorFixture sim) : IClassFixture<SnmpSimulatorFixture>, IAsyncDisposable
{
    private readonly SnmpClient _client = new(TimeProvider.System);

    public ValueTask DisposeAsync() => _client.DisposeAsync();

    private SnmpDeviceSource Source(string recording, FakeLogger<SnmpDeviceSource> logger, string profile = "auto") =>
        Source(sim.Agent.Port, recording, logger, profile);

    private SnmpDeviceSource Source(int port, string community, FakeLogger<SnmpDeviceSource> logger, string profile = "auto") =>
        new(new SnmpDeviceOptions("dev", "127.0.0.1", port, SnmpVersion.V2c, TimeSpan.FromSeconds(30))
        {
            Community = community, Timeout = TimeSpan.FromSeconds(2), Retries = 1, Profile = profile,
        }, _client, TimeProvider.System, logger);

    [SnmpsimFact]
    public async Task A_sysObjectID_no_profile_matches_falls_to_rfc1628_then_to_none()
    {
        var logger = new FakeLogger<SnmpDeviceSource>();
        var source = Source("airconsole", logger);
        var sink = new ListSink();

        await source.PollAsync(sink, CancellationToken.None);
        await source.PollAsync(sink, CancellationToken.None);

        // sysObjectID 14358.1 (AirConsole) is under no profile's prefix: RFC 1628 is tried and reads nothing.
        Assert.Null(source.Profile);
        Assert.Equal("none", source.Last!.ProfileName);
        Assert.Equal("no supported MIB: sysObjectID 1.3.6.1.4.1.14358.1; profiles tried: rfc1628 found nothing to read, so only reachable is reported",
            source.Problem);
        Assert.All(sink.Readings, r => Assert.Equal((("dev", Metrics.Reachable, 1.0)), (r.Entity, r.Metric, r.Value)));
        Assert.Equal(2, sink.Readings.Count);
        // Said once in the log, not once a poll; never claimed as a resolved profile.
        Assert.Single(logger.Collector.GetSnapshot(), r => r is { Level: LogLevel.Warning, Id.Id: 2004 } && r.Message.Contains("1.3.6.1.4.1.14358.1", StringComparison.Ordinal));
        Assert.DoesNotContain(logger.Collector.GetSnapshot(), r => r.Id.Id == 2000);
    }

    [SnmpsimFact]
    public async Task A_matched_profile_that_reads_nothing_is_followed_by_rfc1628_then_none()
    {
        // The AirConsole's real walk with one value changed: sysObjectID masterSwitchrPDU (318.1.3.4.5), so apc-rpdu2
        // matches, finds none of its tables, and RFC 1628 is tried after it.
        var walk = Recordings.Read("airconsole")
            .Select(v => v.Oid == Recordings.SysObjectId ? v with { Value = new SnmpValue(SnmpType.ObjectIdentifier, OidValue: Oid.Parse("1.3.6.1.4.1.318.1.3.4.5")) } : v).ToList();
        await using var agent = new SimulatedAgent("public", _ => walk, TimeProvider.System);
        var source = Source(agent.EndPoint.Port, "public", new FakeLogger<SnmpDeviceSource>());
        var sink = new ListSink();

        await source.PollAsync(sink, CancellationToken.None);

        Assert.Equal("none", source.Last!.ProfileName);
        Assert.Equal("no supported MIB: sysObjectID 1.3.6.1.4.1.318.1.3.4.5; profiles tried: apc-rpdu2, rfc1628 found nothing to read, so only reachable is reported",
            source.Problem);
        Assert.Single(sink.Readings);
    }

    [SnmpsimFact]
    public async Task An_easy_pdu_without_a_sysObjectID_of_its_own_or_the_ePDU_group_is_no_supported_MIB()
    {
        var source = Source("apc-epdu_epdu1132m", new FakeLogger<SnmpDeviceSource>());
        var sink = new ListSink();

        await source.PollAsync(sink, CancellationToken.None);

        Assert.Equal("none", source.Last!.ProfileName);
        Assert.Equal("no supported MIB: sysObjectID 1.3.6.1.4.1.0; profiles tried: rfc1628 found nothing to read, so only reachable is reported", source.Problem);
        Assert.Equal(1, sink.Value("dev", Metrics.Reachable));
        Assert.Single(sink.Readings);
    }

    [SnmpsimFact]
    public async Task A_profile_the_operator_chose_is_kept_even_when_it_reads_nothing()
    {
        var source = Source("airconsole", new FakeLogger<SnmpDeviceSource>(), profile: "apc-rpdu2");
        var sink = new ListSink();

        await source.PollAsync(sink, CancellationToken.None);

        Assert.Equal("apc-rpdu2", source.Last!.ProfileName);
        Assert.Null(source.Problem);
        Assert.Single(sink.Readings);
    }
}
