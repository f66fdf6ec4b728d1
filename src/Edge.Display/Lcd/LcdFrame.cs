using Edge.Display.Pages;

namespace Edge.Display.Lcd;

/// <summary>What the screen should show now: a page and the backlight.</summary>
public readonly record struct LcdFrame(LcdPage Page, bool Backlight);
