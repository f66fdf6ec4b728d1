namespace Edge.Delivery.Outbox;

/// <summary>
/// At most one process sends from a state directory, or two could send one lane out of order. An exclusive flock on
/// <c>forwarder.lock</c>, which the kernel drops when its holder dies (even by SIGKILL), so a crash never leaves it stuck.
/// </summary>
public sealed class ForwarderLock : IDisposable
{
    public const string FileName = "forwarder.lock";

    private readonly FileStream _file;

    private ForwarderLock(FileStream file) => _file = file;

    public static ForwarderLock? TryAcquire(string stateDir)
    {
        Directory.CreateDirectory(stateDir);
        try
        {
            // FileShare.None is an exclusive advisory lock (flock) on Unix in .NET.
            return new ForwarderLock(new FileStream(Path.Combine(stateDir, FileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Dispose() => _file.Dispose();
}
