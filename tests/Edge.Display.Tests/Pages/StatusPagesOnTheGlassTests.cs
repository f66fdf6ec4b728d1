using Edge.Core.Rules;
using Edge.Core.Status;
using Edge.Display.Pages;
using Edge.Display.Tests.Support;

namespace Edge.Display.Tests.Pages;

/// <summary>Each page decoded back from the PCF8574 byte stream into the characters on the glass.</summary>
public class StatusPagesOnTheGlassTests
{
    [Fact]
    public void The_identity_page_shows_the_appliance_name_and_address()
    {
        var lcd = new Screens();
        Assert.Equal(["dc1-r12         ", "10.20.30.41     "], lcd.Page("identity"));
    }

    [Fact]
    public void A_sensor_page_shows_temperature_with_the_rom_degree_sign_and_humidity()
    {
        var lcd = new Screens();
        Assert.Equal(["rack-top        ", "23.5°C       41%"], lcd.Page("sensors 1"));
        Assert.Contains(0xDF, RomCodes(lcd));
    }

    [Fact]
    public void A_long_sensor_name_is_cut_to_the_width_and_its_values_still_show()
    {
        var lcd = new Screens { Status = Screens.Rack() with { Sensors = [new SensorLine("rack-42-top-inlet-left", 24.25, 38)] } };
        Assert.Equal(["rack-42-top-inle", "24.3°C       38%"], lcd.Page("sensors 1"));
    }

    [Fact]
    public void An_unreachable_sensor_says_so_instead_of_an_old_value()
    {
        var lcd = new Screens { Status = Screens.Rack() with { Sensors = [new SensorLine("rack-top", null, null, Reachable: false)] } };
        Assert.Equal(["rack-top        ", "unreachable     "], lcd.Page("sensors 1"));
    }

    [Fact]
    public void The_alerts_page_counts_open_alerts_and_names_the_most_severe()
    {
        var lcd = new Screens
        {
            Status = Screens.Rack(null, new AlertLine("rack-warm", "rack-top", Severity.Warning, true), new AlertLine("ups-on-battery", "ups-1", Severity.Error, false)),
        };
        Assert.Equal(["2 alerts open   ", "ERRO ups-on-batt"], lcd.Page("alerts"));
    }

    [Fact]
    public void No_alerts_is_said_plainly()
    {
        var lcd = new Screens();
        Assert.Equal(["No alerts       ", "all clear       "], lcd.Page("alerts"));
    }

    [Theory]
    [InlineData(UplinkState.Ok, 0, "PD OK           ", "outbox empty    ")]
    [InlineData(UplinkState.Down, 37, "PD DOWN         ", "37 queued       ")]
    [InlineData(UplinkState.Unknown, 0, "PD ?            ", "uplink unknown  ")]
    [InlineData(UplinkState.KeyRejected, 3, "PD KEY REJECTED ", "3 queued        ")]
    [InlineData(UplinkState.Refused, 3, "PD REFUSED      ", "3 queued        ")]
    [InlineData(UplinkState.RelayFault, 1, "PD RELAY FAULT  ", "1 queued        ")]
    public void The_uplink_page_shows_pagerduty_state_and_outbox_depth(UplinkState state, long queued, string row0, string row1)
    {
        var lcd = new Screens { Status = Screens.Rack(new UplinkStatus(state, queued)) };
        Assert.Equal([row0, row1], lcd.Page("uplink"));
    }

    [Fact]
    public void A_20x4_shows_two_sensors_per_page_and_the_uplink_on_one_row()
    {
        var lcd = new Screens("lcd2004") { Status = Screens.Rack(new UplinkStatus(UplinkState.Down, 37)) };
        Assert.Equal(["rack-top            ", "23.5°C           41%", "rack-bottom         ", "19.0°C           56%"], lcd.Page("sensors 1"));
        Assert.Equal(["PD DOWN 37 queued   ", "                    ", "                    ", "                    "], lcd.Page("uplink"));
    }

    [Fact]
    public void The_pages_rotate_identity_sensors_alerts_uplink()
    {
        var lcd = new Screens();
        var names = StatusPages.Build(lcd.Status, 16, 2).Select(p => p.Name);
        Assert.Equal(["identity", "sensors 1", "sensors 2", "alerts", "uplink"], names);
    }

    private static IEnumerable<int> RomCodes(Screens lcd)
    {
        // The page's characters as the binding sends them: '°' must leave as 0xDF, not as U+00B0's low byte 0xB0.
        Span<char> rom = stackalloc char[16];
        LcdText.ToRom("23.5°C", rom);
        return rom[..6].ToArray().Select(c => (int)c);
    }
}
