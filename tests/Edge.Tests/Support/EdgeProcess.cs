namespace Edge.Tests.Support;

/// <summary>Runs the real <c>edge</c> program built next to the tests, with a time limit.</summary>
public static class EdgeProcess
{
    public static string Executable => Path.Combine(AppContext.BaseDirectory, "edge");

    public static Task<Tool.Result> RunAsync(TimeSpan limit, params string[] args) => Tool.RunAsync(Executable, limit, args);
}
