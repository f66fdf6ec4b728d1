using System.Text.RegularExpressions;
using Edge.Tests.Support;

namespace Edge.Tests.Appliance;

/// <summary>
/// A NativeAOT cross-build takes minutes of both cores: it runs alone, after the timing-sensitive tests.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PiBuildCollection : ICollectionFixture<PiPackage>
{
    public const string Name = "Pi package build";
}

/// <summary>deploy/pi/build.sh, run once for the whole class: the arm64 .deb, unpacked.</summary>
public sealed class PiPackage : IAsyncLifetime
{
    public string Deb { get; private set; } = "";
    public string PublishLog { get; private set; } = "";
    private readonly TempDir _dir = new();

    public string Root => _dir.Path;
    public Tool.Result Build { get; private set; } = new(-1, "", "");

    public async Task InitializeAsync()
    {
        Build = await Tool.RunAsync(RepoFiles.PathOf("deploy/pi/build.sh"), TimeSpan.FromMinutes(40), [], RepoFiles.Root);
        if (Build.ExitCode != 0)
            return;
        Deb = Build.Stdout.TrimEnd().Split('\n')[^1];
        PublishLog = File.ReadAllText(RepoFiles.PathOf("out/pi/linux-arm64/publish.log"));
        await Tool.RunAsync("dpkg-deb", TimeSpan.FromMinutes(1), ["-x", Deb, Root]);
        await Tool.RunAsync("dpkg-deb", TimeSpan.FromMinutes(1), ["-e", Deb, Path.Combine(Root, "DEBIAN")]);
    }

    public Task DisposeAsync()
    {
        _dir.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>
/// Issue 6: deploy/pi builds the arm64 .deb on this x86 machine, NativeAOT without trim/AOT warnings from our code, and
/// the arm64 binary runs under qemu-aarch64 (Debian's qemu-user with the arm64 cross libc).
/// </summary>
[Collection(PiBuildCollection.Name)]
public partial class PiPackageTests(PiPackage package)
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    private string Edge => Path.Combine(package.Root, "usr/bin/edge");

    private void AssertBuilt() =>
        Assert.True(package.Build.ExitCode == 0, $"deploy/pi/build.sh exited {package.Build.ExitCode}:\n{package.Build.Stderr}\n{package.Build.Stdout}");

    private static Task<Tool.Result> Qemu(TimeSpan limit, params string[] args) =>
        Tool.RunAsync("qemu-aarch64", limit, ["-L", "/usr/aarch64-linux-gnu", .. args]);

    [Fact]
    public async Task Build_sh_prints_the_path_of_an_arm64_deb_as_its_last_line()
    {
        AssertBuilt();
        Assert.EndsWith("_arm64.deb", package.Deb, StringComparison.Ordinal);
        Assert.True(File.Exists(package.Deb), package.Deb);
        var fields = await Tool.RunAsync("dpkg-deb", Limit, ["-f", package.Deb, "Package", "Architecture"]);
        Assert.Equal("Package: edge\nArchitecture: arm64\n", fields.Stdout);
    }

    [Fact]
    public async Task The_package_recommends_libgpiod_for_the_maintenance_button()
    {
        AssertBuilt();
        // System.Device.Gpio's LibGpiodDriver loads libgpiod.so.2 (Debian 12's libgpiod2) or libgpiod.so.3 (Debian 13's
        // libgpiod3; packages.debian.org/source/libgpiod), whichever is installed; without either the button is
        // unavailable (event 1606).
        var fields = await Tool.RunAsync("dpkg-deb", Limit, ["-f", package.Deb, "Recommends"]);
        Assert.Contains("libgpiod2 | libgpiod3", fields.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void The_publish_has_no_trim_or_AOT_warning()
    {
        AssertBuilt();
        var warnings = TrimWarning().Matches(package.PublishLog).Select(m => m.Value).Distinct().ToList();
        Assert.Empty(warnings);
    }

    [Fact]
    public void The_package_holds_the_binary_its_libraries_the_unit_and_the_default_configuration_as_a_conffile()
    {
        AssertBuilt();
        Assert.True(File.Exists(Edge));
        Assert.True(File.Exists(Path.Combine(package.Root, "usr/lib/edge/libe_sqlite3.so")));
        Assert.Equal(File.ReadAllText(RepoFiles.PathOf("systemd/edge.service")), File.ReadAllText(Path.Combine(package.Root, "lib/systemd/system/edge.service")));
        Assert.Equal(File.ReadAllText(RepoFiles.PathOf("deploy/pi/edge.json")), File.ReadAllText(Path.Combine(package.Root, "etc/edge/edge.json")));
        Assert.Equal(["/etc/edge/edge.json"], File.ReadAllLines(Path.Combine(package.Root, "DEBIAN/conffiles")));
        foreach (var script in new[] { "postinst", "prerm", "postrm" })
            Assert.True(File.Exists(Path.Combine(package.Root, "DEBIAN", script)), script);
    }

    [Fact]
    public async Task The_arm64_binary_prints_its_version_under_qemu()
    {
        AssertBuilt();
        var host = await EdgeProcess.RunAsync(Limit, "--version");
        var arm = await Qemu(Limit, Edge, "--version");
        Assert.Equal(0, arm.ExitCode);
        Assert.Equal(host.Stdout, arm.Stdout);
    }

    [Fact]
    public async Task Under_qemu_config_check_accepts_the_packaged_default_and_rejects_a_broken_file_with_exit_2()
    {
        AssertBuilt();
        var packaged = Path.Combine(package.Root, "etc/edge/edge.json");
        var good = await Qemu(Limit, Edge, "config", "check", "--config", packaged);
        Assert.True(good.ExitCode == 0, good.Stderr);
        Assert.Contains("valid", good.Stdout, StringComparison.Ordinal);

        using var dir = new TempDir();
        var broken = dir.File("broken.json", """{ "rules": [ { "id": "r", "type": "sensor", "metric": "temperature_c", "above": "hot" } ] }""");
        var bad = await Qemu(Limit, Edge, "config", "check", "--config", broken);
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("$.rules[0].above", bad.Stderr, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"warning IL\d+: [^\[]*")]
    private static partial Regex TrimWarning();
}
