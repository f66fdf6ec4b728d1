using System.Text;
using System.Text.Json.Nodes;
using Edge.Emulators.PagerDuty;
using Edge.Delivery.Outbox;
using Edge.Tests.Support;
using static Edge.Tests.Support.DaemonLog;

namespace Edge.Tests.Delivery;

/// <summary>The operator's commands and the daemon, as separate processes on one state dir, against the emulator.</summary>
public class OperatorCommandTests
{
    [Fact]
    public async Task A_400_is_parked_visible_in_queue_list_and_sent_again_by_queue_retry()
    {
        await using var emulator = new PagerDutyEmulator().Start();
        using var rack = new HwmonRack(1, emulator.Endpoint);
        var log = new StringBuilder();
        emulator.FailNext(1, EmulatorFault.Invalid);

        var (code, text) = await EdgeProcess.RunAsync(log, rack.Args("test-alert"));
        Assert.Equal(1, code);
        Assert.Contains("rejected and parked", text);

        (code, text) = await EdgeProcess.RunAsync(log, rack.Args("queue", "list"));
        Assert.Equal(0, code);
        Assert.Contains("1 parked", text);
        Assert.Contains("'summary' is too long (maiximum is 1024 characters)", text);

        (code, text) = await EdgeProcess.RunAsync(log, rack.Args("queue", "list", "--json"));
        var parked = JsonNode.Parse(text)!["events"]!.AsArray().Single(e => (string?)e!["status"] == "parked")!;
        Assert.Equal("e2e-rack/edge-test-alert", (string?)parked["dedup_key"]);

        (code, _) = await EdgeProcess.RunAsync(log, rack.Args("queue", "retry", ((long)parked["id"]!).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(0, code);
        Assert.Equal("e2e-rack/edge-test-alert", Assert.Single(emulator.Received).DedupKey);
        Assert.Equal("e2e-rack/edge-test-alert", Assert.Single(emulator.OpenAlerts).DedupKey);

        (code, text) = await EdgeProcess.RunAsync(log, rack.Args("alerts", "open"));
        Assert.Contains("1 open incident", text);
        (code, _) = await EdgeProcess.RunAsync(log, rack.Args("alerts", "resolve-all"));
        Assert.Equal(0, code);
        Assert.Empty(emulator.OpenAlerts);

        Assert.False(Contains(log, HwmonRack.Key));
    }

    [Fact]
    public async Task test_alert_is_delivered_by_a_running_daemon_and_the_trigger_then_resolve_reach_PagerDuty()
    {
        await using var emulator = new PagerDutyEmulator().Start();
        using var rack = new HwmonRack(1, emulator.Endpoint);
        var log = new StringBuilder();
        using var daemon = EdgeProcess.Start(log, rack.Args("run"));
        await WaitForAsync(() => Contains(log, "Forwarding the outbox"));

        var (code, text) = await EdgeProcess.RunAsync(log, rack.Args("test-alert"));
        Assert.Equal(0, code);
        Assert.Contains("edge run is forwarding", text);
        (code, _) = await EdgeProcess.RunAsync(log, rack.Args("test-alert", "--resolve"));
        Assert.Equal(0, code);

        Assert.Equal(["trigger", "resolve"], emulator.Received.Select(r => r.Action));
        Assert.True(HwmonRack.NamesTheContact(emulator.Received[0]), emulator.Received[0].CustomDetails?.ToJsonString());
        Assert.Empty(emulator.OpenAlerts);
        Assert.False(Contains(log, HwmonRack.Key));
    }

    [Fact]
    public async Task A_database_corrupted_between_runs_is_kept_aside_and_the_daemon_starts_fresh_and_pages_it()
    {
        await using var emulator = new PagerDutyEmulator().Start();
        using var rack = new HwmonRack(2, emulator.Endpoint);
        var log = new StringBuilder();
        rack.Set("h1", 35);
        using (var first = EdgeProcess.Start(log, rack.Args("run")))
        {
            await WaitForAsync(() => emulator.Received.Count >= 1, log);
            first.Kill();
        }
        // Closing the last connection checkpoints the WAL into the file and removes it: the damage below then hits
        // pages SQLite has no other copy of (a damaged page that is still in the WAL is simply read from there).
        OutboxStore.Open(rack.StateDir, TimeProvider.System, repair: false).Dispose();
        Assert.False(File.Exists(Path.Combine(rack.StateDir, OutboxStore.FileName + "-wal")));
        var db = Path.Combine(rack.StateDir, OutboxStore.FileName);
        await using (var file = new FileStream(db, FileMode.Open, FileAccess.Write))
            await file.WriteAsync(Encoding.ASCII.GetBytes("this is no longer an SQLite database, the card lost power mid-write"));

        using (var second = EdgeProcess.Start(log, rack.Args("run")))
        {
            await WaitForAsync(() => emulator.Received.Any(r => r.DedupKey == "e2e-rack/edge-outbox-replaced"), log);
            second.Kill();
        }

        // Every trigger names the box's owner: the rule's and Edge's own about its database.
        Assert.All(emulator.Received.Where(r => r.Action == "trigger"), r => Assert.True(HwmonRack.NamesTheContact(r), r.CustomDetails?.ToJsonString()));
        Assert.Single(Directory.GetFiles(rack.StateDir, OutboxStore.FileName + ".corrupt-*"), f => !f.EndsWith("-wal", StringComparison.Ordinal));
        Assert.True(Contains(log, "failed its integrity check"));
        var (code, text) = await EdgeProcess.RunAsync(log, rack.Args("queue", "list"));
        Assert.Equal(0, code);
        Assert.Contains("database replaced at start", text);
        // The fresh state forgot h1 was firing; the still-hot sensor triggers again on the same dedup key, which
        // PagerDuty folds into the open alert instead of opening a second incident.
        Assert.Equal(1, emulator.Alerts.Single(a => a.DedupKey == HwmonRack.DedupKey("h1")).Incidents);
    }

    [Fact]
    public async Task The_routing_key_appears_in_no_output_no_error_and_not_in_the_outbox_file()
    {
        await using var emulator = new PagerDutyEmulator().Start();
        using var rack = new HwmonRack(1, emulator.Endpoint);
        var log = new StringBuilder();
        rack.Set("h1", 35);
        emulator.FailNext(2, EmulatorFault.ServerError);
        emulator.FailNext(1, EmulatorFault.Invalid);
        using (var daemon = EdgeProcess.Start(log, rack.Args("run")))
        {
            await WaitForAsync(() => emulator.Rejections.Count >= 1, log);
            rack.Set("h1", 20);
            await WaitForAsync(() => emulator.Received.Count >= 1, log);
            await EdgeProcess.RunAsync(log, rack.Args("queue", "list"));
            await EdgeProcess.RunAsync(log, rack.Args("queue", "list", "--json"));
            await EdgeProcess.RunAsync(log, rack.Args("alerts", "open"));
            daemon.Kill();
        }
        await EdgeProcess.RunAsync(log, rack.Args("config", "check"));

        // A key given wrongly (too short, in a file others can read) is reported without being repeated.
        var badKey = "SECRETbutTooShort0123";
        var keyFile = Path.Combine(rack.Root, "routing.key");
        await File.WriteAllTextAsync(keyFile, badKey);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(keyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var config = JsonNode.Parse(await File.ReadAllTextAsync(rack.ConfigFile))!;
        config["pagerduty"]!.AsObject().Remove("routingKey");
        config["pagerduty"]!["routingKeyFile"] = keyFile;
        await File.WriteAllTextAsync(rack.ConfigFile, config.ToJsonString());
        var (code, text) = await EdgeProcess.RunAsync(log, rack.Args("config", "check"));
        Assert.Equal(2, code);
        Assert.Contains("is not a PagerDuty routing key", text);
        Assert.DoesNotContain(badKey, text);

        // A good key in that file: valid, with a warning that names the file, not the key.
        await File.WriteAllTextAsync(keyFile, HwmonRack.Key + "\n");
        (code, text) = await EdgeProcess.RunAsync(log, rack.Args("config", "check"));
        Assert.Equal(0, code);
        Assert.Contains("can be read by group or others", text);

        Assert.True(emulator.Received.Count >= 1);
        Assert.False(Contains(log, HwmonRack.Key));
        foreach (var file in Directory.GetFiles(rack.StateDir))
            Assert.DoesNotContain(HwmonRack.Key, Encoding.Latin1.GetString(await File.ReadAllBytesAsync(file)));
    }

    [Fact]
    public async Task queue_purge_delivered_removes_the_delivered_rows_and_keeps_the_parked_one()
    {
        await using var emulator = new PagerDutyEmulator().Start();
        using var rack = new HwmonRack(1, emulator.Endpoint);
        var log = new StringBuilder();
        emulator.FailNext(1, EmulatorFault.Invalid);
        Assert.Equal(1, (await EdgeProcess.RunAsync(log, rack.Args("test-alert"))).ExitCode);
        Assert.Equal(0, (await EdgeProcess.RunAsync(log, rack.Args("test-alert"))).ExitCode);
        Assert.Equal(0, (await EdgeProcess.RunAsync(log, rack.Args("test-alert", "--resolve"))).ExitCode);
        Assert.Equal((1, 0, 2), Counts(await QueueJson(log, rack)));

        var (code, text) = await EdgeProcess.RunAsync(log, rack.Args("queue", "purge", "--delivered"));
        Assert.Equal(0, code);
        Assert.Contains("2 delivered events removed", text);

        var after = await QueueJson(log, rack);
        Assert.Equal((1, 0, 0), Counts(after));
        var left = Assert.Single(after["events"]!.AsArray());
        Assert.Equal(("parked", "trigger"), ((string?)left!["status"], (string?)left["action"]));
        // Without --delivered it says what is missing and removes nothing.
        Assert.Equal(2, (await EdgeProcess.RunAsync(log, rack.Args("queue", "purge"))).ExitCode);
        Assert.Equal((1, 0, 0), Counts(await QueueJson(log, rack)));
    }

    [Fact]
    public async Task queue_retry_all_parked_sends_every_parked_event_again_in_order()
    {
        await using var emulator = new PagerDutyEmulator().Start();
        using var rack = new HwmonRack(1, emulator.Endpoint);
        var log = new StringBuilder();
        emulator.FailNext(2, EmulatorFault.Invalid);
        Assert.Equal(1, (await EdgeProcess.RunAsync(log, rack.Args("test-alert"))).ExitCode);
        Assert.Equal(1, (await EdgeProcess.RunAsync(log, rack.Args("test-alert", "--resolve"))).ExitCode);
        Assert.Equal((2, 0, 0), Counts(await QueueJson(log, rack)));
        Assert.Empty(emulator.Received);

        var (code, text) = await EdgeProcess.RunAsync(log, rack.Args("queue", "retry", "--all-parked"));
        Assert.Equal(0, code);
        Assert.Contains("2 parked events queued again", text);
        Assert.Equal(["trigger", "resolve"], emulator.Received.Select(r => r.Action));
        Assert.Empty(emulator.OpenAlerts);
        Assert.Equal((0, 0, 2), Counts(await QueueJson(log, rack)));
    }

    [Fact]
    public async Task A_routing_key_echoed_back_in_an_error_body_reaches_no_log_no_queue_list_and_no_parked_error()
    {
        await using var emulator = new PagerDutyEmulator().Start();
        using var rack = new HwmonRack(1, emulator.Endpoint);
        var log = new StringBuilder();
        emulator.FailNext(1, EmulatorFault.InvalidEchoingKey);
        rack.Set("h1", 35);
        using (var daemon = EdgeProcess.Start(log, rack.Args("run")))
        {
            await WaitForAsync(() => Contains(log, "PagerDuty rejected"), log);
            daemon.Kill();
        }
        // The answer did carry the key: the test is not vacuous.
        Assert.Contains(HwmonRack.Key, Assert.Single(emulator.Rejections));

        var (_, table) = await EdgeProcess.RunAsync(log, rack.Args("queue", "list"));
        Assert.Contains("event for integration <routing key>: 'summary' is too long", table);
        IReadOnlyList<OutboxEntry> rows;
        using (var store = OutboxStore.Open(rack.StateDir, TimeProvider.System, repair: false))
            rows = store.All();
        var parked = Assert.Single(rows, e => e.Status == OutboxStatus.Parked);
        Assert.Contains("<routing key>", parked.LastError);
        Assert.DoesNotContain(HwmonRack.Key, parked.LastError);
        await EdgeProcess.RunAsync(log, rack.Args("queue", "list", "--json"));
        // The operator retries it (sent by the command itself this time): its output and the log stay clean too.
        emulator.FailNext(1, EmulatorFault.InvalidEchoingKey);
        await EdgeProcess.RunAsync(log, rack.Args("queue", "retry", "--all-parked"));
        Assert.Equal(2, emulator.Rejections.Count);

        Assert.True(Contains(log, "<routing key>"));
        Assert.False(Contains(log, HwmonRack.Key));
    }

    private static async Task<JsonNode> QueueJson(StringBuilder log, HwmonRack rack)
    {
        var (code, text) = await EdgeProcess.RunAsync(log, rack.Args("queue", "list", "--json"));
        Assert.Equal(0, code);
        return JsonNode.Parse(text)!;
    }

    private static (int Parked, int Pending, int Delivered) Counts(JsonNode queue) =>
        ((int)queue["parked"]!, (int)queue["pending"]!, (int)queue["delivered"]!);
}
