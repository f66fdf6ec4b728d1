using Edge.Snmp.Client;
using Edge.Snmp.Protocol;
using Edge.Snmp.Tests.Support;
using Edge.Snmp.Usm;
using Microsoft.Extensions.Time.Testing;

namespace Edge.Snmp.Tests.Client;

/// <summary>The client against a real net-snmp snmpd: every version, every v3 security combination, every v3 failure.</summary>
[Collection(SnmpdCollection.Name)]
public sealed class SnmpdClientTests(SnmpdFixture snmpd) : IAsyncLifetime
{
    private static readonly Oid SysDescr = Oid.Parse("1.3.6.1.2.1.1.1.0");
    private static readonly Oid SysObjectId = Oid.Parse("1.3.6.1.2.1.1.2.0");
    private static readonly Oid SysUpTime = Oid.Parse("1.3.6.1.2.1.1.3.0");
    private static readonly Oid System = Oid.Parse("1.3.6.1.2.1.1");

    private readonly SnmpClient _client = new(TimeProvider.System);

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _client.DisposeAsync();

    [Fact]
    public async Task A_v2c_get_returns_the_values_in_request_order_with_their_types()
    {
        var result = await _client.GetAsync(snmpd.V2c(), [SysDescr, SysObjectId, SysUpTime], CancellationToken.None);

        Assert.True(result.Ok, result.Error?.Message);
        Assert.Equal([SysDescr, SysObjectId, SysUpTime], result.VarBinds.Select(v => v.Oid));
        Assert.Equal(SnmpType.OctetString, result.VarBinds[0].Value.Type);
        Assert.StartsWith("Linux", result.VarBinds[0].Value.Text);
        Assert.Equal(Oid.Parse("1.3.6.1.4.1.8072.3.2.10"), result.VarBinds[1].Value.OidValue);
        Assert.Equal(SnmpType.TimeTicks, result.VarBinds[2].Value.Type);
    }

    [Fact]
    public async Task Missing_objects_are_data_in_v2c_and_an_error_status_in_v1()
    {
        var missingObject = Oid.Parse("1.3.6.1.2.1.1.99.0");
        var missingInstance = Oid.Parse("1.3.6.1.2.1.1.1.5");

        var v2 = await _client.GetAsync(snmpd.V2c(), [missingObject, missingInstance, SysDescr], CancellationToken.None);
        Assert.True(v2.Ok);
        Assert.Equal(SnmpType.NoSuchObject, v2.VarBinds[0].Value.Type);
        Assert.Equal(SnmpType.NoSuchInstance, v2.VarBinds[1].Value.Type);
        Assert.Equal(SnmpType.OctetString, v2.VarBinds[2].Value.Type);

        var v1 = await _client.GetAsync(snmpd.V1(), [SysDescr, missingObject], CancellationToken.None);
        Assert.Equal(SnmpErrorKind.ErrorStatus, v1.Error?.Kind);
        Assert.Equal(ErrorStatus.NoSuchName, v1.Error!.Status);
        Assert.Equal(2, v1.Error.Index);
    }

    [Fact]
    public async Task Getnext_and_getbulk_return_the_following_objects()
    {
        var next = await _client.GetNextAsync(snmpd.V1(), [System], CancellationToken.None);
        Assert.Equal(SysDescr, Assert.Single(next.VarBinds).Oid);

        var bulk = await _client.GetBulkAsync(snmpd.V2c(), [SysDescr, System], 1, 3, CancellationToken.None);
        Assert.True(bulk.Ok);
        // One non-repeater (the varbind after sysDescr.0) then three repetitions after "system".
        Assert.Equal([SysObjectId, SysDescr, SysObjectId, SysUpTime], bulk.VarBinds.Select(v => v.Oid));
    }

    [Fact]
    public async Task Walks_in_v1_v2c_and_v3_return_the_same_subtree()
    {
        var v1 = await _client.WalkAsync(snmpd.V1(), System, CancellationToken.None);
        var v2 = await _client.WalkAsync(snmpd.V2c(), System, CancellationToken.None);
        var v3 = await _client.WalkAsync(snmpd.V3("SHA-256", SecurityLevel.AuthPriv, PrivProtocol.Aes128), System, CancellationToken.None);

        Assert.True(v1.Ok && v2.Ok && v3.Ok, v1.Error?.Message + v2.Error?.Message + v3.Error?.Message);
        Assert.True(v2.VarBinds.Count > 10);
        Assert.All(v2.VarBinds, vb => Assert.True(vb.Oid.StartsWith(System)));
        Assert.Equal(v2.VarBinds.Select(v => v.Oid), v1.VarBinds.Select(v => v.Oid));
        Assert.Equal(v2.VarBinds.Select(v => v.Oid), v3.VarBinds.Select(v => v.Oid));
    }

    [Fact]
    public async Task A_walk_of_a_single_instance_returns_that_instance_as_net_snmp_does()
    {
        var result = await _client.WalkAsync(snmpd.V2c(), SysDescr, CancellationToken.None);
        Assert.Equal(SysDescr, Assert.Single(result.VarBinds).Oid);
    }

    [Fact]
    public async Task A_wrong_community_gets_no_answer_and_times_out_without_naming_the_community()
    {
        var result = await _client.GetAsync(snmpd.V2c("not-the-community", TimeSpan.FromMilliseconds(300), retries: 1), [SysDescr], CancellationToken.None);

        Assert.Equal(SnmpErrorKind.Timeout, result.Error?.Kind);
        Assert.Contains($"127.0.0.1:{snmpd.Port}", result.Error!.Message);
        Assert.Contains("2 attempts", result.Error.Message);
        Assert.DoesNotContain("not-the-community", result.Error.Message);
    }

    public static TheoryData<string, SecurityLevel, PrivProtocol> EveryV3Combination()
    {
        var data = new TheoryData<string, SecurityLevel, PrivProtocol> { { "SHA", SecurityLevel.NoAuthNoPriv, PrivProtocol.None } };
        foreach (var (auth, _) in SnmpdFixture.AuthProtocols)
        {
            data.Add(auth, SecurityLevel.AuthNoPriv, PrivProtocol.None);
            data.Add(auth, SecurityLevel.AuthPriv, PrivProtocol.Des);
            data.Add(auth, SecurityLevel.AuthPriv, PrivProtocol.Aes128);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryV3Combination))]
    public async Task Every_v3_auth_and_priv_combination_net_snmp_supports_gets_and_walks(string auth, SecurityLevel level, PrivProtocol priv)
    {
        var target = snmpd.V3(auth, level, priv);

        var get = await _client.GetAsync(target, [SysDescr, SysUpTime], CancellationToken.None);
        var walk = await _client.WalkAsync(target, System, CancellationToken.None);

        Assert.True(get.Ok, get.Error?.Message);
        Assert.StartsWith("Linux", get.VarBinds[0].Value.Text);
        Assert.True(walk.Ok, walk.Error?.Message);
        Assert.True(walk.VarBinds.Count > 10);
    }

    [Fact]
    public async Task A_wrong_v3_authentication_password_is_reported_as_wrong_digest()
    {
        var result = await _client.GetAsync(snmpd.V3("SHA-256", SecurityLevel.AuthNoPriv, PrivProtocol.None, authPass: "wrong-password"), [SysDescr], CancellationToken.None);

        Assert.Equal(SnmpErrorKind.WrongDigest, result.Error?.Kind);
        Assert.Contains("usmStatsWrongDigests", result.Error!.Message);
        Assert.DoesNotContain("wrong-password", result.Error.Message);
    }

    [Fact]
    public async Task An_unknown_v3_user_is_reported_as_unknown_user()
    {
        var result = await _client.GetAsync(snmpd.V3("SHA", SecurityLevel.AuthNoPriv, PrivProtocol.None, user: "nobody-here"), [SysDescr], CancellationToken.None);

        Assert.Equal(SnmpErrorKind.UnknownUser, result.Error?.Kind);
        Assert.Contains("nobody-here", result.Error!.Message);
    }

    [Fact]
    public async Task A_wrong_v3_privacy_password_times_out_because_net_snmp_drops_what_it_cannot_parse()
    {
        // AES-CFB "decrypts" with any key; snmpd then fails to parse the garbage and drops it (snmpInASNParseErrs), no report.
        var target = snmpd.V3("SHA", SecurityLevel.AuthPriv, PrivProtocol.Aes128, privPass: "wrong-privacy") with { Timeout = TimeSpan.FromMilliseconds(300), Retries = 0 };
        var result = await _client.GetAsync(target, [SysDescr], CancellationToken.None);

        Assert.True(SnmpErrorKind.Timeout == result.Error?.Kind, result.Error?.Message);
        Assert.Contains("v3 user 'aes-SHA'", result.Error!.Message);
        Assert.DoesNotContain("wrong-privacy", result.Error.Message);
    }

    [Fact]
    public async Task A_user_asked_for_a_level_it_lacks_is_reported_as_unsupported_security_level()
    {
        // auth-SHA has no privacy key in snmpd.conf.
        var result = await _client.GetAsync(snmpd.V3("SHA", SecurityLevel.AuthPriv, PrivProtocol.Aes128, user: "auth-SHA"), [SysDescr], CancellationToken.None);

        Assert.Equal(SnmpErrorKind.UnsupportedSecurityLevel, result.Error?.Kind);
    }

    [Fact]
    public async Task A_client_clock_that_drifted_out_of_the_time_window_resynchronises_and_succeeds()
    {
        var clock = new FakeTimeProvider();
        await using var client = new SnmpClient(clock);
        var target = snmpd.V3("SHA-512", SecurityLevel.AuthPriv, PrivProtocol.Aes128);
        Assert.True((await client.GetAsync(target, [SysDescr], CancellationToken.None)).Ok);

        // Our estimate of the agent's clock is now 1000 s ahead of it: snmpd answers notInTimeWindow (RFC 3414 §3.2 step 7).
        clock.Advance(TimeSpan.FromSeconds(1000));
        var result = await client.GetAsync(target, [SysDescr], CancellationToken.None);

        Assert.True(result.Ok, result.Error?.Message);
    }

    [Fact]
    public async Task Many_requests_in_flight_on_one_socket_each_get_their_own_answer()
    {
        var targets = new[] { snmpd.V2c(), snmpd.V1(), snmpd.V3("MD5", SecurityLevel.AuthPriv, PrivProtocol.Des), snmpd.V3("SHA-384", SecurityLevel.AuthNoPriv, PrivProtocol.None) };
        var oids = new[] { SysDescr, SysObjectId, Oid.Parse("1.3.6.1.2.1.1.4.0"), Oid.Parse("1.3.6.1.2.1.1.5.0"), Oid.Parse("1.3.6.1.2.1.1.6.0") };
        var tasks = Enumerable.Range(0, 200).Select(i => (Oid: oids[i % oids.Length], Task: _client.GetAsync(targets[i % targets.Length], [oids[i % oids.Length]], CancellationToken.None))).ToArray();
        await Task.WhenAll(tasks.Select(t => t.Task));

        Assert.All(tasks, t =>
        {
            Assert.True(t.Task.Result.Ok, t.Task.Result.Error?.Message);
            Assert.Equal(t.Oid, Assert.Single(t.Task.Result.VarBinds).Oid);
        });
    }
}
