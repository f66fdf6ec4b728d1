using System.Text;
using Edge.Configuration;
using Edge.Core.Alerts;
using Edge.Core.Readings;
using Edge.Core.Rules;
using Edge.Core.Status;
using Edge.Pipeline;
using Edge.Sources;
using Edge.Status;
using Edge.Systemd;

namespace Edge.Tests;

public class LcdStatusTests
{
    [Fact]
    public void The_display_section_is_read_and_the_lcd_sees_the_snapshot_and_nothing_else()
    {
        var result = EdgeConfigLoader.Parse("t", Encoding.UTF8.GetBytes("""
            { "appliance": { "id": "dc1-r12" },
              "sensors": [ { "id": "rack-top", "driver": "sht3x" }, { "id": "rack-bottom", "driver": "aht20" } ],
              "display": { "driver": "lcd2004", "address": "0x3F", "page": "4s" } }
            """), "/tmp");
        Assert.Empty(result.Problems);
        var config = result.Config!;
        Assert.Equal((20, 4, 0x3F, TimeSpan.FromSeconds(4)), (config.Display!.Columns, config.Display.Rows, config.Display.Address, config.Display.Page));

        var now = DateTimeOffset.UnixEpoch;
        var snapshot = new StatusSnapshot(now,
            [Reading("rack-top", Metrics.TemperatureC, 23.5), Reading("rack-top", Metrics.HumidityPct, 41), Reading("rack-top", Metrics.Reachable, 1),
             Reading("rack-bottom", Metrics.TemperatureC, 19), Reading("rack-bottom", Metrics.Reachable, 0)],
            [new OpenAlert("rack-hot", "rack-top", AlertPhase.Firing, Severity.Critical, 31, Metrics.Get(Metrics.TemperatureC), now)], 0, 0, 0, 0);

        var status = LcdStatus.From(snapshot, new UplinkStatus(UplinkState.Down, 37), config, "10.0.0.9");

        Assert.Equal("dc1-r12", status.ApplianceName);
        Assert.Equal((23.5, 41.0, true), (status.Sensors[0].TemperatureC!.Value, status.Sensors[0].HumidityPct!.Value, status.Sensors[0].Reachable));
        Assert.False(status.Sensors[1].Reachable);
        Assert.Null(status.Sensors[1].TemperatureC);
        Assert.True(Assert.Single(status.Alerts).IsCritical);
        Assert.Equal(37, status.Uplink.Pending);
    }

    [Fact]
    public void A_rejected_configuration_edit_shows_on_the_lcd_among_the_alerts()
    {
        var result = EdgeConfigLoader.Parse("t", Encoding.UTF8.GetBytes("""{ "appliance": { "id": "dc1-r12" }, "sensors": [ { "id": "rack-top", "driver": "sht3x" } ] }"""), "/tmp");
        Assert.Empty(result.Problems);
        var snapshot = StatusSnapshot.Empty with { Taken = DateTimeOffset.UnixEpoch };

        Assert.Empty(LcdStatus.From(snapshot, UplinkStatus.Unknown, result.Config!, null).Alerts);
        var alert = Assert.Single(LcdStatus.From(snapshot, UplinkStatus.Unknown, result.Config!, null, configRejected: true).Alerts);
        Assert.Equal("config rejected", alert.RuleId);
        Assert.True(alert.Firing);
    }

    [Fact]
    public void A_bad_display_section_is_reported_with_its_path()
    {
        var result = EdgeConfigLoader.Parse("t", Encoding.UTF8.GetBytes("""{ "appliance": { "id": "a" }, "display": { "driver": "ssd1306", "address": "0x50" } }"""), "/tmp");
        Assert.Contains(result.Problems, p => p.ToString().Contains("$.display.driver", StringComparison.Ordinal));
        Assert.Contains(result.Problems, p => p.ToString().Contains("$.display.address", StringComparison.Ordinal));
    }

    private static LatestReading Reading(string entity, string metric, double value) => new(entity, metric, Metrics.Get(metric), value, DateTimeOffset.UnixEpoch);
}
