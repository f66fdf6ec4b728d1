using Edge.Core.Readings;

namespace Edge.Core.Sources;

/// <summary>Where sources write their readings: the daemon's reading channel, or a list in tests and commands.</summary>
public interface IReadingSink
{
    void Write(in Reading reading);
}
