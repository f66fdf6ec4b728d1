using Edge.Core.Configuration;
using Edge.Core.Rules;
using Edge.Delivery.Configuration;
using Edge.Delivery.Tests.Support;

namespace Edge.Delivery.Tests.Configuration;

/// <summary>Where routing keys come from (config, key file, systemd credential), per-rule routes, and what is said about them.</summary>
public class PagerDutyReaderTests : IDisposable
{
    private const string DefaultKey = "D0123456789abcdefABCDEF012345678";
    private const string PowerKey = "P0123456789abcdefABCDEF012345678";
    private const string CredentialKey = "C0123456789abcdefABCDEF012345678";

    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static RuleDefinition Rule(string id, string? route) =>
        new() { Id = id, Type = RuleType.Sensor, Select = Selector.All, Metric = "temperature_c", Above = 30, Route = route };

    private static (DeliveryOptions Options, IReadOnlyList<ConfigProblem> Problems) Read(string pagerduty, IReadOnlyList<RuleDefinition>? rules = null, string? credentials = null)
    {
        var problems = new ConfigProblems();
        var options = PagerDutyReader.Read(Json.Root($$"""{ "pagerduty": {{pagerduty}} }""", problems), rules ?? [], credentials);
        return (options, problems.All);
    }

    private string KeyFile(string name, string key, UnixFileMode mode)
    {
        var path = Path.Combine(_dir.Path, name);
        File.WriteAllText(path, key + "\n");
        File.SetUnixFileMode(path, mode);
        return path;
    }

    [Fact]
    public void A_rule_names_its_own_route_whose_key_comes_from_its_own_file()
    {
        var file = KeyFile("power.key", PowerKey, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var (options, problems) = Read($$"""{ "routingKey": "{{DefaultKey}}", "routes": { "power": { "routingKeyFile": "{{file}}" } } }""",
            [Rule("ups-on-battery", "power"), Rule("rack-hot", null)]);

        Assert.Empty(problems);
        Assert.Empty(options.Warnings);
        Assert.Equal(DefaultKey, options.KeyFor(DeliveryOptions.DefaultRoute)!.Value);
        Assert.Equal(PowerKey, options.KeyFor("power")!.Value);
        Assert.Null(options.KeyFor("nowhere"));
    }

    [Fact]
    public void A_rule_naming_a_route_that_is_not_configured_is_a_problem()
    {
        var (_, problems) = Read($$"""{ "routingKey": "{{DefaultKey}}" }""", [Rule("ups-on-battery", "power")]);

        var problem = Assert.Single(problems);
        Assert.Equal("$.pagerduty.routes", problem.Path);
        Assert.Contains("rule 'ups-on-battery' sends to route 'power', which is not configured", problem.Message);
    }

    [Theory]
    [InlineData(UnixFileMode.GroupRead)]
    [InlineData(UnixFileMode.OtherRead)]
    public void A_key_file_readable_by_group_or_others_is_a_warning_that_names_the_file_not_the_key(UnixFileMode extra)
    {
        var file = KeyFile("routing.key", DefaultKey, UnixFileMode.UserRead | UnixFileMode.UserWrite | extra);

        var (options, problems) = Read($$"""{ "routingKeyFile": "{{file}}" }""");

        Assert.Empty(problems);
        Assert.Equal(DefaultKey, options.RoutingKey!.Value);
        var warning = Assert.Single(options.Warnings);
        Assert.Equal("$.pagerduty.routingKeyFile", warning.Path);
        Assert.Contains($"'{file}' can be read by group or others", warning.Message);
        Assert.DoesNotContain(DefaultKey, warning.Message);
    }

    [Fact]
    public void The_systemd_credential_is_the_key_when_the_configuration_names_none_and_an_empty_one_means_no_key_yet()
    {
        var credentials = Path.Combine(_dir.Path, "credentials");
        Directory.CreateDirectory(credentials);
        var credential = Path.Combine(credentials, PagerDutyReader.CredentialName);
        File.WriteAllText(credential, CredentialKey + "\n");

        var (options, problems) = Read("""{ "connector": "eu" }""", credentials: credentials);
        Assert.Empty(problems);
        Assert.Equal(CredentialKey, options.RoutingKey!.Value);
        Assert.Equal("systemd credential routing-key", options.RoutingKey.Origin);
        Assert.Equal(DeliveryOptions.EuEndpoint, options.Endpoint);

        // A key in the configuration wins over the credential.
        (options, _) = Read($$"""{ "routingKey": "{{DefaultKey}}" }""", credentials: credentials);
        Assert.Equal(DefaultKey, options.RoutingKey!.Value);

        // The package installs an empty credential until the operator fills it in.
        File.WriteAllText(credential, "");
        (options, problems) = Read("{}", credentials: credentials);
        Assert.Empty(problems);
        Assert.Null(options.RoutingKey);
        Assert.Contains(options.Warnings, w => w.Message.StartsWith("no routing key", StringComparison.Ordinal));
    }

    [Fact]
    public void The_obsolete_clockSyncGrace_is_accepted_with_a_warning_saying_why_and_the_clock_setting_keeps_its_meaning()
    {
        var (options, problems) = Read($$"""{ "routingKey": "{{DefaultKey}}", "clockSyncGrace": "2m", "clock": "assume-synchronized" }""");

        Assert.Empty(problems);
        var warning = Assert.Single(options.Warnings);
        Assert.Equal("$.pagerduty.clockSyncGrace", warning.Path);
        Assert.StartsWith("is obsolete and ignored: no event waits for the clock", warning.Message, StringComparison.Ordinal);
        Assert.False(options.CheckClockSync);
    }

    [Fact]
    public void A_malformed_key_is_refused_without_being_repeated()
    {
        const string bad = "SECRETbutTooShort0123";

        var (options, problems) = Read($$"""{ "routingKey": "{{bad}}" }""");

        Assert.Null(options.RoutingKey);
        var problem = Assert.Single(problems);
        Assert.Contains("is not a PagerDuty routing key", problem.Message);
        Assert.DoesNotContain(bad, problem.Message);
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080/v2/enqueue", true)]
    [InlineData("http://[::1]:8080/v2/enqueue", true)]
    [InlineData("http://localhost:8080/v2/enqueue", true)]
    [InlineData("https://relay.example/v2/enqueue", true)]
    [InlineData("http://relay.example/v2/enqueue", false)]
    [InlineData("http://10.0.0.5/v2/enqueue", false)]
    [InlineData("ftp://relay.example/", false)]
    public void Plain_http_is_allowed_only_to_loopback(string connector, bool allowed)
    {
        var (options, problems) = Read($$"""{ "connector": "{{connector}}", "routingKey": "{{DefaultKey}}" }""");

        Assert.Equal(allowed, problems.Count == 0);
        if (allowed)
            Assert.Equal(new Uri(connector), options.Endpoint);
    }

    [Theory]
    [InlineData("missing.pem", null, "cannot read")]
    [InlineData("empty.pem", "", "holds no PEM certificate")]
    [InlineData("key.pem", "not a certificate\n", "holds no PEM certificate")]
    [InlineData("torn.pem", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n", "holds a malformed PEM certificate")]
    public void A_ca_bundle_the_connector_could_not_use_is_a_problem_naming_the_file(string name, string? content, string said)
    {
        var path = Path.Combine(_dir.Path, name);
        if (content is not null)
            File.WriteAllText(path, content);

        var (_, problems) = Read($$"""{ "routingKey": "{{DefaultKey}}", "caBundle": "{{path}}" }""");

        var problem = Assert.Single(problems);
        Assert.Equal("$.pagerduty.caBundle", problem.Path);
        Assert.Contains(said, problem.Message, StringComparison.Ordinal);
        Assert.Contains(path, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_ca_bundle_path_is_a_problem_not_a_crash()
    {
        // "caBundle": "" names no file: an invalid edit the reload refuses (the last good configuration keeps running),
        // where reading it as a path throws (File.ReadAllText rejects an empty path) out of the whole configuration.
        var (_, problems) = Read($$"""{ "routingKey": "{{DefaultKey}}", "caBundle": "" }""");

        var problem = Assert.Single(problems);
        Assert.Equal("$.pagerduty.caBundle", problem.Path);
        Assert.Contains("a PEM file of CA certificates", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_ca_bundle_of_pem_certificates_is_taken()
    {
        using var key = System.Security.Cryptography.ECDsa.Create();
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=Site CA", key, System.Security.Cryptography.HashAlgorithmName.SHA256);
        using var ca = request.CreateSelfSigned(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddYears(100));
        var path = Path.Combine(_dir.Path, "site-ca.pem");
        File.WriteAllText(path, ca.ExportCertificatePem());

        var (options, problems) = Read($$"""{ "routingKey": "{{DefaultKey}}", "caBundle": "{{path}}" }""");

        Assert.Empty(problems);
        Assert.Equal(path, options.CaBundle);
    }
}
