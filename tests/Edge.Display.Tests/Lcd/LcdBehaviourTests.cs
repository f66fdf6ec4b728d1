using Edge.Core.Rules;
using Edge.Display.Pages;
using Edge.Display.Tests.Support;

namespace Edge.Display.Tests.Lcd;

public class LcdBehaviourTests
{
    [Fact]
    public void The_binding_is_driven_in_4_bit_mode_through_the_backpack()
    {
        var lcd = new Screens();
        lcd.Service.Step();

        // HD44780 init as the 4-bit I2C interface sends it: 8-bit nibbles 3,3,3 then 2 (to 4-bit), function set 0x28.
        Assert.Equal([0x00, 0x30, 0x00, 0x30, 0x00, 0x30, 0x00, 0x20, 0x04, 0x28], lcd.Glass.Instructions.Take(10).Select(b => (int)b));
        Assert.True(lcd.Glass.DisplayOn);
        Assert.True(lcd.Glass.Backlight);
    }

    [Fact]
    public void Pages_rotate_every_page_time()
    {
        var lcd = new Screens();
        var seen = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            lcd.Service.Step();
            seen.Add(lcd.Glass.Rows[0].TrimEnd());
            lcd.Time.Advance(lcd.Options.Page);
        }
        Assert.Equal(["dc1-r12", "rack-top", "rack-bottom", "No alerts", "PD OK"], seen);
    }

    [Fact]
    public void A_critical_alert_takes_over_the_screen_and_blinks_the_backlight()
    {
        var lcd = new Screens { Status = Screens.Rack(null, new AlertLine("rack-hot", "rack-top", Severity.Critical, Firing: true)) };
        var backlight = new List<bool>();
        for (var i = 0; i < 4; i++)
        {
            lcd.Service.Step();
            Assert.Equal(["CRITICAL        ", "rack-hot        "], lcd.Glass.Rows);
            backlight.Add(lcd.Glass.Backlight);
            lcd.Time.Advance(TimeSpan.FromMilliseconds(500));
        }
        Assert.Equal([true, false, true, false], backlight);

        lcd.Status = Screens.Rack();
        lcd.Service.Step();
        Assert.NotEqual("CRITICAL", lcd.Glass.Rows[0].TrimEnd());
        Assert.True(lcd.Glass.Backlight);
    }

    [Fact]
    public void A_pending_critical_alert_does_not_take_over()
    {
        var status = Screens.Rack(null, new AlertLine("rack-hot", "rack-top", Severity.Critical, Firing: false));
        Assert.Null(StatusPages.Critical(status, 16, 2));
    }

    [Fact]
    public void A_missing_display_never_throws_and_is_used_once_it_answers()
    {
        var lcd = new Screens();
        lcd.Glass.Present = false;

        lcd.Service.Step();
        lcd.Time.Advance(TimeSpan.FromSeconds(1));
        lcd.Service.Step();
        Assert.Equal(1, lcd.Screen.Failures);

        lcd.Glass.Present = true;
        lcd.Time.Advance(Edge.Display.Lcd.LcdScreen.RetryAfter);
        lcd.Service.Step();
        Assert.True(lcd.Screen.Working);
        Assert.Contains(lcd.Glass.Rows[0].TrimEnd(), new[] { "dc1-r12", "rack-top", "rack-bottom", "No alerts", "PD OK" });
    }

    [Fact]
    public void A_controller_that_lost_its_nibble_phase_is_healed_by_the_periodic_reinitialization()
    {
        var lcd = new Screens { Status = Screens.Rack() with { Sensors = [] } };
        lcd.Service.Step();
        var page = lcd.Glass.Rows;

        lcd.Glass.DropNextByte = true; // noise swallows one port write: every later nibble pairs up wrong
        lcd.Time.Advance(lcd.Options.Page);
        lcd.Service.Step();
        Assert.NotEqual(["No alerts       ", "all clear       "], lcd.Glass.Rows);

        lcd.Time.Advance(lcd.Options.Reinitialize);
        lcd.Service.Step();
        Assert.Equal(2, lcd.Screen.Initializations);
        Assert.Contains(lcd.Glass.Rows[0].TrimEnd(), new[] { "dc1-r12", "No alerts", "PD OK" });
        Assert.DoesNotContain('¿', string.Concat(lcd.Glass.Rows));
        Assert.NotNull(page);
    }
}
