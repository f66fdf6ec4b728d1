using System.Device.I2c;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Edge.Configuration;
using Edge.Core.Alerts;
using Edge.Core.Readings;
using Edge.Core.Rules;
using Edge.Core.Status;
using Edge.Display.Configuration;
using Edge.Display.Lcd;
using Edge.Display.Pages;
using Microsoft.Extensions.Logging;
using Edge.Pipeline;
using Edge.Sources;
using Edge.Systemd;

namespace Edge.Status;

/// <summary>The LCD's view of the status snapshot: the only thing the display reads.</summary>
public static class LcdStatus
{
    public static LcdService CreateService(DisplayOptions display, ConfigState config, StatusBoard board, TimeProvider time, ILoggerFactory loggers)
    {
        var screen = new LcdScreen(() => I2cDevice.Create(new I2cConnectionSettings(display.Bus, display.Address)), display, time, loggers.CreateLogger<LcdScreen>());
        var address = FirstIPv4();
        return new LcdService(screen, new LcdPresenter(display), () => From(board.Current, board.Uplink, config.Current, address, config.Rejection is not null), time);
    }

    /// <param name="configRejected">The last edit of the configuration was rejected: shown among the alerts, so the operator at the rack sees it.</param>
    public static DisplayStatus From(StatusSnapshot snapshot, UplinkStatus uplink, EdgeConfig config, string? address, bool configRejected = false)
    {
        var sensors = config.Sensors.Select(s =>
        {
            double? Value(string metric) =>
                snapshot.Readings.FirstOrDefault(r => r.Entity == s.Id && r.Metric == metric)?.Value;
            var reachable = Value(Metrics.Reachable) != 0;
            return new SensorLine(s.Id, reachable ? Value(Metrics.TemperatureC) : null, reachable ? Value(Metrics.HumidityPct) : null, reachable);
        }).ToList();
        var alerts = snapshot.OpenAlerts.Select(a => new AlertLine(a.RuleId, a.Entity, a.Severity, a.Phase is AlertPhase.Firing or AlertPhase.Clearing)).ToList();
        if (configRejected)
            alerts.Add(new AlertLine("config rejected", "edge.json", Severity.Error, true));
        return new DisplayStatus(config.Monitor.Appliance.Id, address, sensors, alerts, uplink) { MaintenanceEnds = snapshot.Maintenance.Select(w => w.End).ToList() };
    }

    /// <summary>The address an operator would SSH to: the first IPv4 of an interface that is up and not loopback.</summary>
    private static string? FirstIPv4()
    {
        try
        {
            return NetworkInterface.GetAllNetworkInterfaces()
                .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
                .SelectMany(n => n.GetIPProperties().UnicastAddresses)
                .FirstOrDefault(a => a.Address.AddressFamily == AddressFamily.InterNetwork)?.Address.ToString();
        }
        catch (NetworkInformationException)
        {
            return null;
        }
    }
}
