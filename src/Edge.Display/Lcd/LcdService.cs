using Edge.Display.Pages;
using Microsoft.Extensions.Hosting;

namespace Edge.Display.Lcd;

/// <summary>
/// The show stage's LCD loop: four times a second it asks for the status (the host hands in a function over its
/// status snapshot), rewrites the page when it changed or when the page time passed, and blinks the backlight for a
/// critical alert. Runs on its own; a failing display costs nothing but its retries.
/// </summary>
public sealed class LcdService(LcdScreen screen, LcdPresenter presenter, Func<DisplayStatus> status, TimeProvider time) : BackgroundService
{
    public static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(250);

    private LcdFrame? _shown;
    private DateTimeOffset _writtenAt;

    /// <summary>One step of the loop, for tests.</summary>
    public void Step()
    {
        var now = time.GetUtcNow();
        var frame = presenter.Next(status(), now);
        // The same page is rewritten whole at least once per page time anyway: that is what heals a glitched character.
        if (_shown is { } shown && shown.Page.Rows.SequenceEqual(frame.Page.Rows) && now - _writtenAt < presenter.PageTime)
        {
            if (shown.Backlight != frame.Backlight && screen.Backlight(frame.Backlight))
                _shown = frame;
            if (screen.Working)
                return;
        }
        _shown = screen.Show(frame.Page, frame.Backlight) ? frame : null;
        _writtenAt = now;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                Step();
                await Task.Delay(Tick, time, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override void Dispose()
    {
        screen.Dispose();
        base.Dispose();
    }
}
