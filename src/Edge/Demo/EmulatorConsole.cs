using System.Globalization;
using Edge.Emulators.PagerDuty;

namespace Edge.Demo;

/// <summary>What the local PagerDuty emulator of <c>edge demo</c> received, printed as it arrives: the other end of the outbox.</summary>
internal static class EmulatorConsole
{
    private static readonly Lock Gate = new();

    public static void Attach(PagerDutyEmulator emulator) => emulator.Accepted += Print;

    public static void Summary(PagerDutyEmulator emulator)
    {
        var open = emulator.OpenAlerts;
        Console.WriteLine($"PagerDuty emulator: {emulator.Received.Count} events accepted, {emulator.Rejections.Count} rejected; " +
            $"{open.Count} open alert{(open.Count == 1 ? "" : "s")}{(open.Count > 0 ? ": " + string.Join(", ", open.Select(a => a.DedupKey)) : "")}");
    }

    private static void Print(ReceivedEvent e)
    {
        lock (Gate)
        {
            var detected = e.Timestamp?.ToLocalTime().ToString("HH:mm:ss", CultureInfo.InvariantCulture) ?? "?";
            Console.WriteLine($"{e.ReceivedAt.ToLocalTime().ToString("HH:mm:ss", CultureInfo.InvariantCulture)}  → PagerDuty 202 {e.Action} {e.Severity} {e.DedupKey} " +
                $"(detected {detected}, outbox {e.OutboxId}){(e.Dropped ? " — no open alert, dropped" : "")}");
        }
    }
}
