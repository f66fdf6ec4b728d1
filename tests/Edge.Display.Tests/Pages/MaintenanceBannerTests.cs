using Edge.Core.Rules;
using Edge.Display.Pages;
using Edge.Display.Tests.Support;

namespace Edge.Display.Tests.Pages;

/// <summary>While a maintenance window is open, every page on the glass says so and how long it has left.</summary>
public class MaintenanceBannerTests
{
    [Theory]
    [InlineData("lcd2004", "MAINTENANCE 1h05m   ")]
    [InlineData("lcd1602", "MAINT 1h05m     ")]
    public void Every_page_ends_with_MAINTENANCE_and_the_time_left_of_the_window(string driver, string banner)
    {
        var lcd = new Screens(driver);
        lcd.Status = Screens.Rack() with { MaintenanceEnds = [lcd.Time.GetUtcNow() + new TimeSpan(1, 5, 30)] };
        var firstRows = new List<string>();
        // identity, the sensors (one page of two on 4 rows, two of one on 2 rows), alerts, uplink.
        var pages = lcd.Options.Rows == 4 ? 4 : 5;
        for (var i = 0; i < pages; i++)
        {
            lcd.Service.Step();
            Assert.Equal(banner, lcd.Glass.Rows[^1]);
            firstRows.Add(lcd.Glass.Rows[0].TrimEnd());
            lcd.Time.Advance(lcd.Options.Page);
        }
        // The pages still rotate under the banner (the 2-row display shows the first row of each).
        Assert.Equal(pages, firstRows.Distinct().Count());
    }

    [Fact]
    public void The_window_ending_first_is_counted_down_and_a_second_one_is_counted()
    {
        var lcd = new Screens("lcd2004");
        var now = lcd.Time.GetUtcNow();
        lcd.Status = Screens.Rack() with { MaintenanceEnds = [now + TimeSpan.FromHours(3), now + TimeSpan.FromSeconds(754)] };

        lcd.Service.Step();

        // 754 s = 12 min 34 s; "MAINTENANCE x2 12m34s" is 21 characters, one too many for 20 columns.
        Assert.Equal("MAINT x2 12m34s", lcd.Glass.Rows[^1].TrimEnd());
    }

    [Fact]
    public void A_critical_alert_page_carries_the_banner_too_and_without_a_window_the_pages_are_as_before()
    {
        var lcd = new Screens("lcd2004");
        lcd.Status = Screens.Rack(null, new AlertLine("rack-hot", "rack-top", Severity.Critical, Firing: true)) with { MaintenanceEnds = [lcd.Time.GetUtcNow() + TimeSpan.FromMinutes(30)] };
        lcd.Service.Step();
        Assert.Equal(["!! CRITICAL !!", "rack-hot", "rack-top", "MAINTENANCE 30m00s"], lcd.Glass.Rows.Select(r => r.TrimEnd()));

        lcd.Status = Screens.Rack();
        lcd.Time.Advance(TimeSpan.FromSeconds(1));
        lcd.Service.Step();
        Assert.DoesNotContain(lcd.Glass.Rows, r => r.Contains("MAINT", StringComparison.Ordinal));
    }
}
