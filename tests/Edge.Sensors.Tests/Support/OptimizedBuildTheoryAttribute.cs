using System.Diagnostics;
using System.Reflection;

namespace Edge.Sensors.Tests.Support;

/// <summary>
/// A theory about the optimized (Release) build of Edge.Sensors, skipped in Debug: there Roslyn emits every async
/// state machine as a class (for Edit and Continue), one object per call, so allocation figures would measure the
/// debugger's needs rather than the daemon's (sht3x: 640 bytes a poll in Debug, 0 in Release).
/// </summary>
public sealed class OptimizedBuildTheoryAttribute : TheoryAttribute
{
    public OptimizedBuildTheoryAttribute()
    {
        if (typeof(I2cSensor).Assembly.GetCustomAttribute<DebuggableAttribute>()?.IsJITOptimizerDisabled == true)
            Skip = "allocation figures hold for the Release build (dotnet test -c Release)";
    }
}
