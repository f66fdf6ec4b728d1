using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Edge.Core.Readings;
using Edge.Snmp.Client;
using Edge.Snmp.Polling;
using Edge.Snmp.Profiles;

namespace Edge.Commands;

/// <summary>
/// <c>edge snmp read HOST[:PORT] [SNMP options] [--profile auto|NAME] [--json]</c>: one poll of one device with its
/// profile, exactly as the daemon polls it (<see cref="DevicePoller"/>), so an operator sees the entity ids and values
/// rules will see, and which profile matched. Exit 0 when the device answered, 1 when it did not, 2 on bad usage.
/// </summary>
internal static class SnmpReadCommand
{
    public static Command Create()
    {
        var host = new Argument<string>("HOST[:PORT]") { Description = "the agent (port 161 unless given); also the DEVICE of the entity ids printed" };
        var profile = new Option<string>("--profile") { Description = $"auto (by sysObjectID) or one of: {string.Join(", ", DeviceProfiles.All.Select(p => p.Name))}", DefaultValueFactory = _ => DeviceProfiles.Auto };
        var json = new Option<bool>("--json") { Description = "print one JSON object (interfaces.md)" };
        var read = new Command("read", "poll a device once with its profile and print the normalized readings") { host, profile, json };
        SnmpOptions.AddTo(read);
        read.SetAction(async (parse, cancel) =>
        {
            var hostText = parse.GetValue(host)!;
            var target = SnmpOptions.TryCreateTarget(parse, hostText, out var problem);
            if (target is null)
            {
                Console.Error.WriteLine($"edge snmp read: {problem}");
                return ExitCodes.Invalid;
            }
            var profileName = parse.GetValue(profile)!;
            IDeviceProfile? chosen = null;
            if (profileName != DeviceProfiles.Auto && (chosen = DeviceProfiles.ByName(profileName)) is null)
            {
                Console.Error.WriteLine($"edge snmp read: --profile '{profileName}' is not allowed; allowed: {string.Join(", ", DeviceProfiles.Names)}");
                return ExitCodes.Invalid;
            }

            await using var client = new SnmpClient(TimeProvider.System);
            var poll = await new DevicePoller(client, TimeProvider.System).PollAsync(hostText, target, chosen, cancel);
            if (parse.GetValue(json))
                WriteJson(hostText, poll);
            else
                WriteText(hostText, target, poll);
            if (!poll.Reachable)
                Console.Error.WriteLine($"edge snmp read: {target.Describe()} is unreachable: {poll.Failure}");
            return poll.Reachable ? ExitCodes.Ok : ExitCodes.Failure;
        });
        return read;
    }

    private static IEnumerable<Reading> Readings(DevicePoll poll) => poll.Readings.All.Where(r => r.Metric != Metrics.Reachable);

    /// <summary>The interfaces.md shape; <c>value</c> is a number for numeric metrics and the state's name for state metrics. Written by hand: no reflection, NativeAOT-safe.</summary>
    private static void WriteJson(string device, DevicePoll poll)
    {
        using var stdout = Console.OpenStandardOutput();
        using (var w = new Utf8JsonWriter(stdout, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("device", device);
            if (poll.ProfileName is { } profile)
                w.WriteString("profile", profile);
            else
                w.WriteNull("profile");
            w.WriteBoolean("reachable", poll.Reachable);
            if (poll.Failure is not null)
                w.WriteString("error", poll.Failure);
            if (poll.NoSupportedMib is not null)
                w.WriteString("notice", poll.NoSupportedMib);
            w.WriteStartArray("readings");
            foreach (var r in Readings(poll))
            {
                w.WriteStartObject();
                w.WriteString("entity", r.Entity);
                w.WriteString("metric", r.Metric);
                var info = Metrics.Get(r.Metric);
                if (info.IsState)
                    w.WriteString("value", info.Format(r.Value));
                else
                    w.WriteNumber("value", r.Value);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        stdout.WriteByte((byte)'\n');
    }

    private static void WriteText(string device, SnmpTarget target, DevicePoll poll)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{device}: {(poll.Reachable ? "reachable" : "UNREACHABLE")}, profile {poll.ProfileName ?? "-"}");
        if (poll.SysObjectId is not null)
            text.Append(CultureInfo.InvariantCulture, $" (sysObjectID {poll.SysObjectId})");
        text.Append(CultureInfo.InvariantCulture, $", {target.Describe()}").AppendLine();
        var rows = Readings(poll).ToList();
        var width = rows.Count == 0 ? 0 : rows.Max(r => r.Entity.Length);
        foreach (var r in rows)
        {
            var info = Metrics.Get(r.Metric);
            text.Append(CultureInfo.InvariantCulture, $"  {r.Entity.PadRight(width)}  {r.Metric,-22} {info.Format(r.Value)}{(info.Unit.Length > 0 ? " " + info.Unit : "")}").AppendLine();
        }
        if (poll.NoSupportedMib is not null)
            text.Append("  ").Append(poll.NoSupportedMib).AppendLine();
        foreach (var warning in poll.Warnings)
            text.Append("  warning: ").Append(warning).AppendLine();
        Console.Out.Write(text.ToString());
    }
}
