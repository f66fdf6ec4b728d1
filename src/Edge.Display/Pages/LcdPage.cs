namespace Edge.Display.Pages;

/// <summary>One screenful: exactly as many rows as the display has, each exactly as wide ('°' stands for the ROM's degree sign).</summary>
public sealed record LcdPage(string Name, IReadOnlyList<string> Rows)
{
    public override string ToString() => $"{Name}: {string.Join(" | ", Rows)}";
}
