using System.Text;

namespace Edge.Tests.Support;

/// <summary>What a child <c>edge</c> process printed (collected by <see cref="EdgeProcess"/>), read while it runs.</summary>
public static class DaemonLog
{
    public static bool Contains(StringBuilder log, string text)
    {
        lock (log)
            return log.ToString().Contains(text, StringComparison.Ordinal);
    }

    /// <summary>Polls <paramref name="condition"/> until it holds; bounded (real process, real files), failing with the log.</summary>
    public static async Task WaitForAsync(Func<bool> condition, StringBuilder? log = null, int seconds = 30)
    {
        var deadline = Environment.TickCount64 + seconds * 1000L;
        while (!condition())
        {
            if (Environment.TickCount64 >= deadline)
            {
                if (log is null)
                    Assert.Fail("timed out waiting for the daemon");
                lock (log)
                    Assert.Fail("timed out waiting for the daemon:\n" + log);
            }
            await Task.Delay(50);
        }
    }
}
