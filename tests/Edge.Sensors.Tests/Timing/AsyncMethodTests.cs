using System.Reflection;
using System.Runtime.CompilerServices;

namespace Edge.Sensors.Tests.Timing;

public class AsyncMethodTests
{
    /// <summary>
    /// Why: a ValueTask from the default builder is a Task underneath, and a Task does not run an awaiting
    /// continuation inline on a thread that has a SynchronizationContext (xunit's test thread has one); it queues it to
    /// the thread pool. Under a fake clock the rest of the method then runs on a pool thread while the test advances
    /// the clock, and a second wait that registers after the advance never fires: the test of a method with two waits,
    /// such as BusRecovery.PowerCycleAsync, hangs. The pooling builder completes through ManualResetValueTaskSourceCore, which runs the
    /// continuation where the wait completed, as ReusableDelay does; and it allocates nothing once warmed up.
    /// </summary>
    [Fact]
    public void Every_async_method_uses_the_pooling_builder()
    {
        var methods =
            from type in typeof(I2cSensor).Assembly.GetTypes()
            from method in type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
            where method.GetCustomAttribute<AsyncStateMachineAttribute>() is not null
            select method;

        var offenders = methods
            .Where(m => m.GetCustomAttribute<AsyncMethodBuilderAttribute>()?.BuilderType is not { } builder
                || !builder.Name.StartsWith("PoolingAsyncValueTaskMethodBuilder", StringComparison.Ordinal))
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}")
            .ToList();

        Assert.NotEmpty(methods);
        Assert.Empty(offenders);
    }
}
