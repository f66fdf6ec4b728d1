using Edge.Display.Configuration;
using Edge.Display.Pages;

namespace Edge.Display.Lcd;

/// <summary>
/// Which page is on the glass when: the status pages in turn, each for <see cref="DisplayOptions.Page"/>; while a
/// critical alert fires, its page instead, with the backlight blinking (on and off every <see cref="BlinkHalfPeriod"/>)
/// so it is seen from across the room. Pure: time and status in, frame out.
/// </summary>
public sealed class LcdPresenter(DisplayOptions options)
{
    public static readonly TimeSpan BlinkHalfPeriod = TimeSpan.FromMilliseconds(500);

    private int _index = -1;

    public TimeSpan PageTime => options.Page;
    private DateTimeOffset _pageSince;

    public LcdFrame Next(DisplayStatus status, DateTimeOffset now)
    {
        if (StatusPages.Critical(status, options.Columns, options.Rows) is { } critical)
        {
            var on = now.ToUnixTimeMilliseconds() / (long)BlinkHalfPeriod.TotalMilliseconds % 2 == 0;
            return new LcdFrame(StatusPages.WithMaintenance(critical, status.MaintenanceEnds, now, options.Columns), on);
        }
        var pages = StatusPages.Build(status, options.Columns, options.Rows);
        if (_index < 0 || now - _pageSince >= options.Page)
        {
            _index = (_index + 1) % pages.Count;
            _pageSince = now;
        }
        return new LcdFrame(StatusPages.WithMaintenance(pages[Math.Min(_index, pages.Count - 1)], status.MaintenanceEnds, now, options.Columns), true);
    }
}
