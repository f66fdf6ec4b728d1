using Edge.Tests.Support;

namespace Edge.Tests;

/// <summary><c>edge config check</c> on broken configurations: a clear, located message for each, and exit 2.</summary>
public class ConfigCheckTests
{
    private const string Sensors = """
        "sensors": [
          { "id": "rack-top", "driver": "hwmon", "path": "/sys/class/hwmon/hwmon2", "interval": "10s" },
          { "id": "rack-bottom", "driver": "simulated", "interval": "10s" }
        ]
        """;

    private static string WithRules(string rules) => $$"""
        {
          "appliance": { "id": "dc1-r12" },
          {{Sensors}},
          "rules": [
        {{rules}}
          ]
        }
        """;

    private const string Valid = """
        { "id": "rack-hot", "type": "sensor", "select": "*", "metric": "temperature_c", "above": 27, "clear": 26, "for": "2m" }
        """;

    public static TheoryData<string, string, string, string> Broken => new()
    {
        { "malformed JSON", "{ \"sensors\": [ { \"id\": \"a\" \"driver\": \"hwmon\" } ] }", ":1: $: malformed JSON at line 1", "" },
        { "not an object", "[1, 2]", "$: the configuration must be a JSON object", "" },
        { "a number that is text", WithRules("""{ "id": "r", "type": "sensor", "metric": "temperature_c", "above": "hot" }"""), ":8: $.rules[0].above", "'hot' is not a number" },
        { "unknown rule type", WithRules("""{ "id": "r", "type": "sensr", "metric": "temperature_c", "above": 27 }"""), "$.rules[0].type", "unknown rule type 'sensr'; allowed: sensor, infeed, bank, ups, power-unit-offline" },
        { "a metric the type cannot see", WithRules("""{ "id": "r", "type": "bank", "metric": "temperature_c", "above": 27 }"""), "$.rules[0].metric", "rule type 'bank' cannot see metric 'temperature_c'; allowed: current_a" },
        { "negative window", WithRules("""{ "id": "r", "type": "sensor", "metric": "temperature_c", "above": 27, "window": "-5m" }"""), "$.rules[0].window", "'-5m' must be more than zero" },
        { "a duration without a unit", WithRules("""{ "id": "r", "type": "sensor", "metric": "temperature_c", "above": 27, "for": "300" }"""), "$.rules[0].for", "'300' is not a duration; allowed: a number with a unit" },
        { "clear on the wrong side", WithRules("""{ "id": "r", "type": "sensor", "metric": "temperature_c", "above": 27, "clear": 28 }"""), "$.rules[0].clear", "28 is on the wrong side of above (27)" },
        { "duplicate rule ids", WithRules(Valid + "," + Valid), "$.rules[1].id", "duplicate rule id 'rack-hot' (first used at $.rules[0])" },
        { "series memory over budget", WithRules("""{ "id": "r", "type": "sensor", "metric": "temperature_c", "above": 27, "window": "30d", "aggregate": "avg" }"""), "$.limits.seriesMemory", "over the budget of 8388608 bytes (8 MiB)" },
        { "unknown top-level setting", "{ \"rulez\": [] }", "$.rulez", "unknown setting; allowed here: appliance, stateDir, limits, sensors" },
        { "a misspelt rule setting", WithRules("""{ "id": "r", "type": "sensor", "metric": "temperature_c", "abvoe": 27, "above": 27 }"""), "$.rules[0].abvoe", "unknown setting; allowed here: id, type, select, metric, above" },
        { "a rule without an id", WithRules("""{ "type": "sensor", "metric": "temperature_c", "above": 27 }"""), "$.rules[0].id", "is required" },
        { "a rule id with spaces", WithRules("""{ "id": "Rack Hot!", "type": "sensor", "metric": "temperature_c", "above": 27 }"""), "$.rules[0].id", "'Rack Hot!' is not allowed; allowed: 1 to 64 characters of a-z, 0-9 and '-'" },
        { "a select naming an unknown device", WithRules("""{ "id": "r", "type": "infeed", "select": ["pdu-z/inlet/1"], "metric": "current_a", "above": 16 }"""), "$.rules[0].select", "'pdu-z/inlet/1' names device 'pdu-z', which is not a configured sensor or SNMP device; configured: rack-top, rack-bottom" },
        { "a select the type cannot see", WithRules("""{ "id": "r", "type": "bank", "select": "rack-top", "metric": "current_a", "above": 16 }"""), "$.rules[0].select", "rule type 'bank' cannot see 'rack-top'; it sees PDU banks" },
        { "an unknown state", WithRules("""{ "id": "r", "type": "ups", "metric": "output_source", "state": "on-battery" }"""), "$.rules[0].state", "'on-battery' is not a state of output_source; allowed: normal, battery, bypass" },
        { "a contact state that does not exist", WithRules("""{ "id": "r", "type": "sensor", "metric": "contact", "state": "leaking" }"""), "$.rules[0].state", "'leaking' is not a state of contact; allowed: closed, open, alarm, normal" },
        { "a threshold on a contact", WithRules("""{ "id": "r", "type": "sensor", "metric": "contact", "above": 0 }"""), "$.rules[0].above", "'contact' is a state metric; use \"state\" with one of: closed, open, alarm, normal" },
        { "a contact on an infeed", WithRules("""{ "id": "r", "type": "infeed", "metric": "contact", "state": "open" }"""), "$.rules[0].metric", "rule type 'infeed' cannot see metric 'contact'" },
        { "a threshold on a state metric", WithRules("""{ "id": "r", "type": "ups", "metric": "output_source", "above": 1 }"""), "$.rules[0].above", "'output_source' is a state metric; use \"state\" with one of: normal, battery" },
        { "rising without a window", WithRules("""{ "id": "r", "type": "sensor", "metric": "temperature_c", "rising": 2 }"""), "$.rules[0].window", "is required with rising/falling" },
        { "a band upside down", WithRules("""{ "id": "r", "type": "sensor", "metric": "temperature_c", "above": 18, "below": 27 }"""), "$.rules[0].below", "27 must be lower than above (18)" },
        { "no condition", WithRules("""{ "id": "r", "type": "sensor", "metric": "temperature_c" }"""), "$.rules[0]", "a condition is required" },
        { "an unknown summary placeholder", WithRules("""{ "id": "r", "type": "sensor", "metric": "temperature_c", "above": 27, "summary": "{sensor} hot" }"""), "$.rules[0].summary", "unknown placeholder '{sensor}'; allowed: {appliance}" },
        { "an unknown severity", WithRules("""{ "id": "r", "type": "sensor", "metric": "temperature_c", "above": 27, "severity": "page-me" }"""), "$.rules[0].severity", "'page-me' is not allowed; allowed: critical, error, warning, info" },
        { "an aggregate without a window", WithRules("""{ "id": "r", "type": "sensor", "metric": "temperature_c", "above": 27, "aggregate": "avg" }"""), "$.rules[0].aggregate", "'avg' needs a \"window\"" },
        { "an unknown sensor driver", """{ "sensors": [ { "id": "a", "driver": "sht99" } ] }""", ":1: $.sensors[0].driver", "'sht99' is not allowed; allowed: hwmon, simulated" },
        { "duplicate sensor ids", """{ "sensors": [ { "id": "a", "driver": "simulated" }, { "id": "a", "driver": "simulated" } ] }""", "$.sensors", "duplicate device id 'a'" },
        { "a budget that is not a size", """{ "limits": { "seriesMemory": "lots" } }""", "$.limits.seriesMemory", "'lots' is not a size; allowed: a number of bytes, or a number with KiB, MiB or GiB" },
        { "duplicate JSON keys", """{ "stateDir": "/a", "stateDir": "/b" }""", "$: A duplicate key 'stateDir' was found", "" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public async Task A_broken_configuration_gets_a_located_message_and_exit_2(string what, string json, string where, string message)
    {
        using var dir = new TempDir();
        var file = dir.File("edge.json", json);

        var result = await EdgeProcess.RunAsync(TimeSpan.FromSeconds(30), "config", "check", "--config", file);

        Assert.True(result.ExitCode == 2, $"{what}: exit {result.ExitCode}, stderr: {result.Stderr}");
        var line = result.Stderr.Split('\n').FirstOrDefault(l => l.StartsWith(file, StringComparison.Ordinal) && l.Contains(where, StringComparison.Ordinal));
        Assert.True(line is not null, $"{what}: no line with '{where}' in:\n{result.Stderr}");
        Assert.Contains(message, line);
    }

    [Fact]
    public async Task Every_problem_of_a_file_is_reported_at_once()
    {
        using var dir = new TempDir();
        var file = dir.File("edge.json", WithRules("""
            { "id": "a", "type": "sensr", "above": 27 },
            { "id": "b", "type": "sensor", "metric": "temperature_c", "above": 27, "clear": 30 },
            { "id": "b", "type": "sensor", "metric": "temperature_c", "above": 27, "window": "5 minutes" }
            """));

        var result = await EdgeProcess.RunAsync(TimeSpan.FromSeconds(30), "config", "check", "--config", file);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(":8: $.rules[0].type", result.Stderr);
        Assert.Contains(":9: $.rules[1].clear", result.Stderr);
        Assert.Contains(":10: $.rules[2].window", result.Stderr);
        Assert.Contains("3 problems", result.Stderr);
    }

    [Fact]
    public async Task A_valid_configuration_exits_0()
    {
        using var dir = new TempDir();
        var file = dir.File("edge.json", "// comments are allowed\n" + WithRules(Valid + """
            , { "preset": "ashrae-a1" }
            , { "id": "heating", "type": "sensor", "select": ["rack-*"], "metric": "temperature_c", "rising": 2, "window": "5m", "clear": 1 }
            """));

        var result = await EdgeProcess.RunAsync(TimeSpan.FromSeconds(30), "config", "check", "--config", file);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("valid: 2 sources, 5 rules", result.Stdout);
    }

    [Fact]
    public async Task A_rule_for_an_open_rack_door_or_a_tripped_leak_sensor_is_valid()
    {
        using var dir = new TempDir();
        var file = dir.File("edge.json", WithRules("""
            { "id": "rack-door-open", "type": "sensor", "metric": "contact", "state": "open" },
            { "id": "rack-leak", "type": "sensor", "metric": "contact", "state": ["open", "alarm"], "severity": "critical" }
            """));

        var result = await EdgeProcess.RunAsync(TimeSpan.FromSeconds(30), "config", "check", "--config", file);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("valid: 2 sources, 2 rules", result.Stdout);
    }

    [Fact]
    public async Task Empty_lists_are_valid()
    {
        using var dir = new TempDir();
        var file = dir.File("edge.json", """{ "sensors": [], "snmp": [], "rules": [] }""");

        var result = await EdgeProcess.RunAsync(TimeSpan.FromSeconds(30), "config", "check", "--config", file);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("valid: 0 sources, 0 rules", result.Stdout);
    }

    [Fact]
    public async Task A_missing_file_is_a_clear_error()
    {
        var result = await EdgeProcess.RunAsync(TimeSpan.FromSeconds(30), "config", "check", "--config", "/nonexistent/edge.json");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("/nonexistent/edge.json: $: cannot read the configuration file", result.Stderr);
    }
}
