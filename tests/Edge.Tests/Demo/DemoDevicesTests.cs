using Edge.Core.Readings;
using Edge.Demo;
using Edge.Snmp.Client;
using Edge.Snmp.Configuration;
using Edge.Snmp.Polling;
using Edge.Snmp.Profiles;
using Edge.Snmp.Protocol;
using Edge.Emulators.Snmp;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Edge.Tests.Demo;

public class DemoDevicesTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    private static DeviceReadings Decode(IReadOnlyList<VarBind> data)
    {
        var sysObjectId = data.First(v => v.Oid == DevicePoller.SysObjectId).Value.OidValue;
        var profile = DeviceProfiles.Resolve(sysObjectId);
        var readings = new DeviceReadings("demo-ups", Start);
        profile.Decode(new VarBindTable(data.Where(v => profile.Subtrees.Any(s => v.Oid.StartsWith(s)))), readings);
        return readings;
    }

    [Fact]
    public void The_demo_ups_is_on_line_then_on_battery_for_20_seconds_each_minute()
    {
        Assert.Equal("normal", Decode(DemoUps.Snapshot(Start, Start.AddSeconds(29))).State(Metrics.OutputSource));
        Assert.Equal("battery", Decode(DemoUps.Snapshot(Start, Start.AddSeconds(30))).State(Metrics.OutputSource));
        Assert.Equal("battery", Decode(DemoUps.Snapshot(Start, Start.AddSeconds(49.5))).State(Metrics.OutputSource));
        Assert.Equal("normal", Decode(DemoUps.Snapshot(Start, Start.AddSeconds(50))).State(Metrics.OutputSource));
        Assert.Equal("battery", Decode(DemoUps.Snapshot(Start, Start.AddSeconds(95))).State(Metrics.OutputSource));
    }

    [Fact]
    public void The_demo_pdu_bank_2_goes_over_10_A_during_its_batch_job_and_back()
    {
        double Bank2(double seconds)
        {
            var data = DemoPdu.Snapshot(Start, Start.AddSeconds(seconds));
            var readings = new DeviceReadings("demo-pdu", Start);
            new ApcRackPduProfile().Decode(new VarBindTable(data), readings);
            Assert.True(readings.TryGet("demo-pdu/bank/2", Metrics.CurrentA, out var amps));
            return amps;
        }

        Assert.InRange(Bank2(0), 6, 7);
        Assert.True(Bank2(22.5) > 10, "peak of the batch job");
        Assert.InRange(Bank2(60), 6, 7);
    }

    [Fact]
    public async Task The_demo_devices_are_polled_over_udp_by_the_real_client_and_profiles()
    {
        var clock = new FakeTimeProvider(Start.AddSeconds(35)); // the agents' clock: mid-outage
        await using var ups = new SimulatedAgent("demo", now => DemoUps.Snapshot(Start, now), clock);
        await using var pdu = new SimulatedAgent("demo", now => DemoPdu.Snapshot(Start, now), clock);
        await using var client = new SnmpClient(TimeProvider.System);
        var sink = new ListSink();

        foreach (var (id, agent) in new[] { ("demo-ups", ups), ("demo-pdu", pdu) })
        {
            var options = new SnmpDeviceOptions(id, "127.0.0.1", agent.EndPoint.Port, SnmpVersion.V2c, TimeSpan.FromSeconds(2)) { Community = "demo", Timeout = TimeSpan.FromSeconds(1), Retries = 1 };
            var source = new SnmpDeviceSource(options, client, TimeProvider.System, NullLogger<SnmpDeviceSource>.Instance);
            await source.PollAsync(sink, CancellationToken.None);
        }

        double Value(string entity, string metric) => sink.Readings.Single(r => r.Entity == entity && r.Metric == metric).Value;
        Assert.Equal(1, Value("demo-ups", Metrics.Reachable));
        Assert.Equal(Metrics.Get(Metrics.OutputSource).StateCode("battery"), Value("demo-ups", Metrics.OutputSource));
        Assert.Equal(1, Value("demo-pdu", Metrics.Reachable));
        Assert.Equal(44, Value("demo-pdu/sensor/1", Metrics.HumidityPct));
    }
}
