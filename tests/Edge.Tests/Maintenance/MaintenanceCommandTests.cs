using System.Text.Json.Nodes;
using Edge.Tests.Delivery;
using Edge.Tests.Support;

namespace Edge.Tests.Maintenance;

/// <summary><c>edge maintenance</c> as the operator runs it over SSH (the real binary, its own process).</summary>
public class MaintenanceCommandTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    private static Task<Tool.Result> Edge(HwmonRack rack, string? sudoUser, params string[] args) =>
        EdgeProcess.RunAsync(Limit, rack.Args(args), start =>
        {
            if (sudoUser is null)
                start.Environment.Remove("SUDO_USER");
            else
                start.Environment["SUDO_USER"] = sudoUser;
        });

    [Fact]
    public async Task Start_records_the_user_behind_sudo_and_list_end_and_extend_work_on_the_window()
    {
        using var rack = new HwmonRack(2, new Uri("http://127.0.0.1:9/"));

        var started = await Edge(rack, "techalice", "maintenance", "start", "h1", "--rules", "hot", "--for", "2h", "--reason", "PSU swap");
        Assert.Equal(0, started.ExitCode);
        Assert.Contains("maintenance 1 started on h1 (hot) until ", started.Stdout);
        Assert.Contains(": PSU swap, by techalice", started.Stdout);

        var extended = await Edge(rack, null, "maintenance", "extend", "1", "30m");
        Assert.Equal(0, extended.ExitCode);
        // 2 h + 30 min from a start a moment ago: 2:29:5x left, shown in whole minutes.
        Assert.Matches(@"extended until .* \(2h(29|30)m left\)", extended.Stdout);

        var list = await Edge(rack, null, "maintenance", "list", "--json");
        var window = JsonNode.Parse(list.Stdout)!["windows"]!.AsArray().Single()!;
        Assert.Equal(("techalice", "PSU swap"), ((string?)window["started_by"], (string?)window["reason"]));
        Assert.Equal(["h1"], window["selector"]!.AsArray().Select(n => (string?)n));
        Assert.Equal(["hot"], window["rules"]!.AsArray().Select(n => (string?)n));
        // 2 h plus 30 min, a few seconds gone by the processes.
        Assert.InRange((double)window["left_s"]!, 2.5 * 3600 - 30, 2.5 * 3600);

        var table = await Edge(rack, null, "maintenance", "list");
        Assert.Contains("1 maintenance window open", table.Stdout);

        Assert.Equal(0, (await Edge(rack, null, "maintenance", "start", "*", "--for", "10m", "--reason", "fans")).ExitCode);
        var ended = await Edge(rack, null, "maintenance", "end", "--all");
        Assert.Contains("2 maintenance windows ended", ended.Stdout);
        Assert.Contains("no maintenance window is open", (await Edge(rack, null, "maintenance", "list")).Stdout);
        Assert.Equal(1, (await Edge(rack, null, "maintenance", "end", "1")).ExitCode);
    }

    [Fact]
    public async Task A_window_longer_than_the_maximum_an_unknown_device_or_rule_and_no_reason_are_refused_with_exit_2()
    {
        using var rack = new HwmonRack(1, new Uri("http://127.0.0.1:9/"));

        var tooLong = await Edge(rack, null, "maintenance", "start", "*", "--for", "9h", "--reason", "PSU swap");
        Assert.Equal(2, tooLong.ExitCode);
        Assert.Contains("--for: 9h is longer than the maximum of 8h a window may still have to run (maintenance.maxDuration)", tooLong.Stderr);

        var unknown = await Edge(rack, null, "maintenance", "start", "pdu-9", "--rules", "cold", "--for", "1h", "--reason", " ");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("SELECTOR: 'pdu-9' is no device of this configuration; devices: h1", unknown.Stderr);
        Assert.Contains("--rules: 'cold' is no rule of this configuration; rules: hot", unknown.Stderr);
        Assert.Contains("--reason: say why", unknown.Stderr);

        Assert.Equal(0, (await Edge(rack, null, "maintenance", "start", "*", "--for", "7h", "--reason", "PSU swap")).ExitCode);
        var overExtended = await Edge(rack, null, "maintenance", "extend", "1", "2h");
        Assert.Equal(2, overExtended.ExitCode);
        Assert.Contains("longer than the maximum of 8h", overExtended.Stderr);
        // The refused extension changed nothing: 7 h, less the moments the processes took.
        var left = (double)JsonNode.Parse((await Edge(rack, null, "maintenance", "list", "--json")).Stdout)!["windows"]![0]!["left_s"]!;
        Assert.InRange(left, 7 * 3600 - 30, 7 * 3600);
    }
}
