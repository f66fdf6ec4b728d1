using System.Text;
using Edge.Configuration;

namespace Edge.Tests.Maintenance;

/// <summary>The <c>maintenance</c> and <c>maintenanceButton</c> settings and what the configuration check says about them.</summary>
public class MaintenanceConfigTests
{
    private static ConfigLoadResult Parse(string settings) =>
        EdgeConfigLoader.Parse("edge.json", Encoding.UTF8.GetBytes($$"""
            { "appliance": { "id": "dc1-r12" },
              "sensors": [ { "id": "rack-top", "driver": "sht3x", "powerPin": 22 } ]{{(settings.Length > 0 ? "," : "")}}
              {{settings}} }
            """), "/tmp");

    private static string[] Problems(string settings) => Parse(settings).Problems.Select(p => p.Problem.ToString()).ToArray();

    [Fact]
    public void Without_the_sections_the_maximum_is_8_hours_and_there_is_no_button()
    {
        var config = Parse("").Config!;

        Assert.Equal(TimeSpan.FromHours(8), config.Maintenance.MaxDuration);
        Assert.Null(config.Maintenance.Button);
    }

    [Fact]
    public void The_maximum_the_button_and_its_led_are_read_and_the_press_lasts_an_hour_unless_said()
    {
        var config = Parse("""
            "maintenance": { "maxDuration": "4h" }, "maintenanceButton": { "pin": 17, "ledPin": 27 }
            """).Config!;

        Assert.Equal(TimeSpan.FromHours(4), config.Maintenance.MaxDuration);
        Assert.Equal(new MaintenanceButtonOptions(17, TimeSpan.FromHours(1), 27), config.Maintenance.Button);
    }

    [Theory]
    [InlineData("""{ "pin": 2 }""", "$.maintenanceButton.pin: GPIO2 is an I2C pin")]
    [InlineData("""{ "pin": 17, "ledPin": 3 }""", "$.maintenanceButton.ledPin: GPIO3 is an I2C pin")]
    [InlineData("""{ "pin": 17, "ledPin": 17 }""", "$.maintenanceButton.ledPin: GPIO17 is already the button's pin")]
    [InlineData("""{ "pin": 22 }""", "$.maintenanceButton.pin: GPIO22 is already sensor 'rack-top''s powerPin")]
    [InlineData("""{ "pin": 28 }""", "$.maintenanceButton.pin: '28' is not allowed; allowed: a whole number from 0 to 27")]
    [InlineData("""{ "ledPin": 27 }""", "$.maintenanceButton.pin: is required")]
    [InlineData("""{ "pin": 17, "duration": "9h" }""", "$.maintenanceButton.duration: 9h is longer than maintenance.maxDuration (8h)")]
    [InlineData("""{ "pin": 17, "time": "1h" }""", "$.maintenanceButton.time: unknown setting; allowed here: pin, duration, ledPin")]
    public void A_button_on_a_pin_it_cannot_use_is_refused_saying_why(string button, string problem)
    {
        Assert.Contains(Problems($"\"maintenanceButton\": {button}"), p => p.StartsWith(problem, StringComparison.Ordinal));
    }

    [Fact]
    public void A_maximum_of_zero_is_refused()
    {
        Assert.Contains(Problems("""
            "maintenance": { "maxDuration": "0s" }
            """), p => p.StartsWith("$.maintenance.maxDuration: '0s' must be more than zero", StringComparison.Ordinal));
    }
}
