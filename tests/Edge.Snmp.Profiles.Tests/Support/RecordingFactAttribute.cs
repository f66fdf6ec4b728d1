using Edge.Testing.Snmpsim;

namespace Edge.Snmp.Profiles.Tests.Support;

/// <summary>A test on the real device recordings: skipped, with the reason in the test report, when they are not there.</summary>
public sealed class RecordingFactAttribute : FactAttribute
{
    public RecordingFactAttribute()
    {
        if (Recordings.Folder is null)
            Skip = Recordings.SkipReason;
    }
}
