using Edge.Core.Status;
using Edge.Display.Configuration;
using Edge.Display.Lcd;
using Edge.Display.Pages;
using Edge.Display.Tests.Simulation;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Edge.Display.Tests.Support;

/// <summary>An LCD on the simulated backpack, a fake clock, and a rack to show.</summary>
public sealed class Screens
{
    public Screens(string driver = "lcd1602")
    {
        Options = new DisplayOptions(driver, 1, 0x27, TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5));
        Glass = new Pcf8574LcdSimulator(Options.Columns, Options.Rows);
        Screen = new LcdScreen(() => Glass, Options, Time, NullLogger.Instance);
        Service = new LcdService(Screen, new LcdPresenter(Options), () => Status, Time);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    public DisplayOptions Options { get; }
    public Pcf8574LcdSimulator Glass { get; }
    public LcdScreen Screen { get; }
    public LcdService Service { get; }

    public DisplayStatus Status { get; set; } = Rack();

    public static DisplayStatus Rack(UplinkStatus? uplink = null, params AlertLine[] alerts) => new(
        "dc1-r12",
        "10.20.30.41",
        [new SensorLine("rack-top", 23.5, 41.2), new SensorLine("rack-bottom", 19.04, 55.6)],
        alerts,
        uplink ?? new UplinkStatus(UplinkState.Ok, 0));

    /// <summary>Shows one page on the glass the way the service writes it, and returns the glass.</summary>
    public IReadOnlyList<string> Show(LcdPage page)
    {
        Assert.True(Screen.Show(page, backlight: true));
        return Glass.Rows;
    }

    public IReadOnlyList<string> Page(string name) => Show(StatusPages.Build(Status, Options.Columns, Options.Rows).Single(p => p.Name == name));
}
