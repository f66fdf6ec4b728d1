using Edge.Pipeline;
using Edge.Sources;
using Edge.Status;
using Edge.Systemd;
namespace Edge;

/// <summary>
/// The one table of log event id ranges: an id names one kind of event across the whole daemon, so an operator can
/// filter the journal on it (<c>journalctl -u edge -o json | jq 'select(.EVENT_ID=="4002")'</c>) and a runbook can
/// cite it. A new catalogue (or a new concern of one) takes a free range here; a test checks that every <c>[LoggerMessage]</c> id lies in its
/// catalogue's range and that no id is used twice.
/// </summary>
public static class LogEventRanges
{
    public sealed record Range(int First, int Last, string Catalogue, string What);

    public static readonly IReadOnlyList<Range> All =
    [
        new(1000, 1399, "Edge.Log", "the host: start, configuration, sources, polling, watchdogs"),
        new(1400, 1499, "Edge.Pipeline.DeliveryHostLog", "the host's side of delivery (the outbox database replaced)"),
        new(1600, 1699, "Edge.Log", "maintenance windows and the maintenance button"),
        new(2000, 2099, "Edge.Snmp.Polling.SnmpLog", "SNMP polling"),
        new(2100, 2199, "Edge.Display.Lcd.DisplayLog", "the LCD"),
        new(2200, 2299, "Edge.Snmp.Traps.TrapLog", "the SNMP trap receiver"),
        new(3000, 3099, "Edge.Delivery.DeliveryLog", "the outbox and the PagerDuty forwarder"),
        new(4000, 4099, "Edge.Sensors.SensorLog", "local sensors and the I2C bus"),
        new(7000, 7099, "Edge.Inventory.Log", "the Device42 inventory source"),
    ];
}
