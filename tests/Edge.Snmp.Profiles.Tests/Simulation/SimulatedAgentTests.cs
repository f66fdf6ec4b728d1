using Edge.Snmp.Client;
using Edge.Snmp.Profiles.Tests.Support;
using Edge.Snmp.Protocol;
using Edge.Emulators.Snmp;
using Edge.Testing.Snmpsim;

namespace Edge.Snmp.Profiles.Tests.Simulation;

/// <summary>The demo's in-process agent, over real UDP on loopback, against the real client.</summary>
public sealed class SimulatedAgentTests : IAsyncDisposable
{
    private static readonly IReadOnlyList<VarBind> Data = SnmprecReader.Parse(
    [
        "1.3.6.1.2.1.1.2.0|6|1.3.6.1.2.1.33",
        .. Enumerable.Range(1, 150).Select(i => $"1.3.6.1.2.1.33.1.4.4.1.2.{i}|2|{200 + i}"),
        "1.3.6.1.4.1.318.1.1.1.2.2.3.0|67|570900",
    ]);

    private readonly SnmpClient _client = new(TimeProvider.System);
    private readonly SimulatedAgent _agent = new("demo", _ => Data, TimeProvider.System);

    public async ValueTask DisposeAsync()
    {
        await _client.DisposeAsync();
        await _agent.DisposeAsync();
    }

    private SnmpTarget Target(SnmpVersion version, string community = "demo") =>
        new(_agent.EndPoint, version, community, Timeout: TimeSpan.FromSeconds(1), Retries: 1);

    [Theory]
    [InlineData(SnmpVersion.V2c)]
    [InlineData(SnmpVersion.V1)]
    public async Task A_walk_returns_the_subtree_in_order_by_getbulk_and_by_getnext(SnmpVersion version)
    {
        var result = await _client.WalkAsync(Target(version), Oid.Parse("1.3.6.1.2.1.33.1.4.4.1.2"), CancellationToken.None);

        Assert.True(result.Ok, result.Error?.Message);
        Assert.Equal(Enumerable.Range(201, 150).Select(v => (long)v), result.VarBinds.Select(v => v.Value.Number));
    }

    [Fact]
    public async Task Get_answers_values_and_noSuchInstance_for_what_it_does_not_have()
    {
        var result = await _client.GetAsync(Target(SnmpVersion.V2c), [Oid.Parse("1.3.6.1.4.1.318.1.1.1.2.2.3.0"), Oid.Parse("1.3.6.1.2.1.1.5.0")], CancellationToken.None);

        Assert.True(result.Ok, result.Error?.Message);
        Assert.Equal((SnmpType.TimeTicks, 570900L), (result.VarBinds[0].Value.Type, result.VarBinds[0].Value.Number));
        Assert.Equal(SnmpType.NoSuchInstance, result.VarBinds[1].Value.Type);
    }

    [Fact]
    public async Task A_bulk_answer_is_capped_and_ends_with_endOfMibView()
    {
        var bulk = await _client.GetBulkAsync(Target(SnmpVersion.V2c), [Oid.Parse("1.3.6.1.2.1")], 0, 500, CancellationToken.None);
        var end = await _client.GetBulkAsync(Target(SnmpVersion.V2c), [Oid.Parse("1.3.6.1.4.1.318.1.1.1.2.2.3.0")], 0, 3, CancellationToken.None);

        Assert.Equal(SimulatedAgent.MaxBulkVarBinds, bulk.VarBinds.Count);
        Assert.All(end.VarBinds, v => Assert.Equal(SnmpType.EndOfMibView, v.Value.Type));
    }

    [Fact]
    public async Task A_wrong_community_gets_no_answer()
    {
        var result = await _client.GetAsync(Target(SnmpVersion.V2c, "public") with { Retries = 0, Timeout = TimeSpan.FromMilliseconds(300) },
            [Oid.Parse("1.3.6.1.2.1.1.2.0")], CancellationToken.None);

        Assert.Equal(SnmpErrorKind.Timeout, result.Error?.Kind);
    }
}
