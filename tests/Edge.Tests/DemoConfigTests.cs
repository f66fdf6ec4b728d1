using System.Text;
using Edge.Configuration;
using Edge.Demo;

namespace Edge.Tests;

public class DemoConfigTests
{
    [Fact]
    public void The_embedded_demo_configuration_is_valid()
    {
        var result = EdgeConfigLoader.Parse("demo", Encoding.UTF8.GetBytes(DemoConfig.Json), "/tmp");

        Assert.Empty(result.Problems);
        Assert.Equal(2, result.Config!.Sensors.Count);
    }
}
