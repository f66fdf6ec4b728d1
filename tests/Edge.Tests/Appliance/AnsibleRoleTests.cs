using Edge.Tests.Support;

namespace Edge.Tests.Appliance;

/// <summary>
/// deploy/ansible: the playbook parses, and the role's template renders, for every Pi of the example inventory, an
/// edge.json that `edge config check` accepts (the same check the role's template task runs on each Pi before it
/// replaces the file). A Pi whose rules are broken stops there.
/// </summary>
public class AnsibleRoleTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);
    private static string AnsibleDir => RepoFiles.PathOf("deploy/ansible");

    private static Task<Tool.Result> Playbook(params string[] args) => Tool.RunAsync("ansible-playbook", Limit, args, AnsibleDir);

    [Fact]
    public async Task The_rollout_playbook_parses()
    {
        var result = await Playbook("-i", "inventory.example.yml", "site.yml", "--syntax-check");
        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
    }

    [Fact]
    public async Task Every_example_Pi_gets_an_edge_json_that_edge_config_check_accepts()
    {
        using var dir = new TempDir();

        var result = await Playbook("-i", "inventory.example.yml", "render-config.yml",
            "-e", $"edge_render_dir={dir.Path}", "-e", $"edge_check_binary={EdgeProcess.Executable}");

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        foreach (var pi in new[] { "pi-dc1-r12", "pi-dc1-r13" })
        {
            var check = await EdgeProcess.RunAsync(Limit, "config", "check", "--config", Path.Combine(dir.Path, $"{pi}.json"));
            Assert.True(check.ExitCode == 0, $"{pi}: {check.Stderr}");
        }
        var r13 = File.ReadAllText(Path.Combine(dir.Path, "pi-dc1-r13.json"));
        Assert.Contains("\"r13-hot-aisle\"", r13, StringComparison.Ordinal);   // the host's own rule ...
        Assert.Contains("\"ashrae-a1\"", r13, StringComparison.Ordinal);      // ... on top of the fleet's
        Assert.Contains("°C", r13, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Pi_whose_rules_edge_rejects_fails_the_run()
    {
        using var dir = new TempDir();
        var inventory = dir.File("inventory.yml", """
            edge_pis:
              hosts:
                pi-broken:
                  edge_extra_rules:
                    - { id: too-hot, type: sensor, metric: temperature_c, above: hot }
            """);

        var result = await Playbook("-i", inventory, "render-config.yml",
            "-e", $"edge_render_dir={dir.Path}/out", "-e", $"edge_check_binary={EdgeProcess.Executable}");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("'hot' is not a number", result.Stdout, StringComparison.Ordinal);
    }
}
