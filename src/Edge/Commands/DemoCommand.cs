using System.CommandLine;
using System.Text;
using Edge.Configuration;
using Edge.Core.Alerts;
using Edge.Core.Rules;
using Edge.Delivery.Configuration;
using Edge.Emulators.PagerDuty;
using Edge.Demo;
using Edge.Emulators.Snmp;
using Edge.Emulators.Device42;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Edge.Pipeline;
using Edge.Sources;
using Edge.Status;
using Edge.Systemd;

namespace Edge.Commands;

/// <summary><c>edge demo</c>: the real daemon on simulated sensors; no hardware, network or key needed.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var duration = new Option<string?>("--for") { Description = "stop after this long (e.g. 60s); default: run until Ctrl-C" };
        var demo = new Command("demo", "run the daemon on simulated sensors, printing readings and alert events") { duration };
        demo.SetAction(async (parse, cancel) =>
        {
            TimeSpan? stopAfter = null;
            if (parse.GetValue(duration) is { } text)
            {
                if (!Durations.TryParse(text, out var d) || d <= TimeSpan.Zero)
                {
                    Console.Error.WriteLine($"edge demo: --for '{text}' is not a duration; allowed: {Durations.Allowed}");
                    return ExitCodes.Invalid;
                }
                stopAfter = d;
            }
            var stateDir = parse.GetValue(CommonOptions.StateDir) ?? Directory.CreateTempSubdirectory("edge-demo-").FullName;
            Directory.CreateDirectory(stateDir);
            // A UPS and a PDU answering SNMP on loopback, polled by the real client and profiles like any device.
            var start = TimeProvider.System.GetUtcNow();
            await using var ups = new SimulatedAgent("demo", now => DemoUps.Snapshot(start, now), TimeProvider.System);
            await using var pdu = new SimulatedAgent("demo", now => DemoPdu.Snapshot(start, now), TimeProvider.System);
            // A Device42 answering its REST API on loopback, with prohibited software installed.
            await using var device42 = new Device42Emulator(DemoConfig.Device42User, DemoConfig.Device42Password, EmulatedInventory.Demo());
            var passwordFile = Path.Combine(stateDir, "device42.password");
            await File.WriteAllTextAsync(passwordFile, DemoConfig.Device42Password, cancel);
            var json = DemoConfig.For(ups.EndPoint.Port, pdu.EndPoint.Port).Replace(DemoConfig.Device42Url, device42.Url.ToString(), StringComparison.Ordinal)
                .Replace(DemoConfig.Device42PasswordFile, passwordFile, StringComparison.Ordinal);
            var result = EdgeConfigLoader.Parse("(embedded demo configuration)", Encoding.UTF8.GetBytes(json), stateDir);
            if (!result.IsValid)
            {
                foreach (var problem in result.Problems)
                    Console.Error.WriteLine(problem);
                return ExitCodes.Failure;
            }
            // The outbox sends to a PagerDuty emulator on loopback: the whole deliver stage runs, no key or network needed.
            await using var emulator = new PagerDutyEmulator().Start();
            EmulatorConsole.Attach(emulator);
            var config = result.Config! with
            {
                Delivery = result.Config!.Delivery with
                {
                    Endpoint = emulator.Endpoint,
                    RoutingKey = new RoutingKey("DEMO0000000000000000000000000000", "edge demo"),
                    CheckClockSync = false,
                },
            };
            DemoConsole? console = null;
            using var host = EdgeHost.Build(config, TimeProvider.System, LogLevel.Error, services =>
            {
                services.AddSingleton(sp => console = ActivatorUtilities.CreateInstance<DemoConsole>(sp));
                services.AddSingleton<IAlertOutbox>(sp => sp.GetRequiredService<DemoConsole>());
                services.AddHostedService(sp => sp.GetRequiredService<DemoConsole>());
            });
            Console.WriteLine($"Edge demo: appliance {config.Monitor.Appliance.Id}, {config.Sensors.Count} simulated sensors, state in {stateDir}, PagerDuty emulator at {emulator.Endpoint}");
            Console.WriteLine($"  SNMP: a UPS (RFC 1628, on battery 20 s each minute) at {ups.EndPoint} and a PDU (APC rPDU2) at {pdu.EndPoint}, community 'demo'");
            Console.WriteLine($"  simulated Device42 at {device42.Url} (uTorrent, prohibited, on ws-042 and ws-077; subnet 10.10.0.0/24 at 96 %)");
            foreach (var rule in config.Monitor.Rules)
                Console.WriteLine($"  rule {rule.Id,-24} {rule.Describe()}{(rule.For > TimeSpan.Zero ? $" for {Durations.Format(rule.For)}" : "")}");
            Console.WriteLine(stopAfter is { } s ? $"Running for {Durations.Format(s)}." : "Press Ctrl-C to stop.");
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            if (stopAfter is { } after)
                stop.CancelAfter(after);
            await host.RunAsync(stop.Token);
            Console.WriteLine($"Demo stopped: {console?.Triggers ?? 0} triggers, {console?.Resolves ?? 0} resolves.");
            EmulatorConsole.Summary(emulator);
            return ExitCodes.Ok;
        });
        return demo;
    }
}
