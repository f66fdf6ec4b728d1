using System.Reflection;
using Microsoft.Extensions.Logging;

namespace Edge.Tests.Appliance;

/// <summary>Every log event id is used once, inside its catalogue's range of <see cref="LogEventRanges"/>.</summary>
public class LogEventIdTests
{
    private static readonly string[] Assemblies = ["edge", "Edge.Core", "Edge.Delivery", "Edge.Display", "Edge.Inventory", "Edge.Sensors", "Edge.Snmp"];

    private static IEnumerable<(string Catalogue, string Method, int Id)> Messages() =>
        from name in Assemblies
        from type in Assembly.Load(name).GetTypes()
        from method in type.GetMethods(BindingFlags.Static | BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
        let message = method.GetCustomAttribute<LoggerMessageAttribute>()
        where message is not null
        select (type.FullName!, method.Name, message.EventId);

    [Fact]
    public void Every_catalogue_has_a_range_and_every_id_lies_in_it()
    {
        var messages = Messages().ToList();
        Assert.True(messages.Count > 40, $"only {messages.Count} log messages found: is an assembly missing from the list?");
        foreach (var (catalogue, method, id) in messages)
        {
            var ranges = LogEventRanges.All.Where(r => r.Catalogue == catalogue).ToList();
            Assert.True(ranges.Count > 0, $"{catalogue} has log messages but no range in LogEventRanges");
            Assert.True(ranges.Any(r => id >= r.First && id <= r.Last),
                $"{catalogue}.{method} uses event id {id}, outside its ranges {string.Join(", ", ranges.Select(r => $"{r.First}–{r.Last}"))}");
        }
    }

    [Fact]
    public void No_id_is_used_twice_and_no_two_ranges_overlap()
    {
        var twice = Messages().GroupBy(m => m.Id).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(m => $"{m.Catalogue}.{m.Method}"))}").ToList();
        Assert.True(twice.Count == 0, "event ids used twice: " + string.Join("; ", twice));

        var ranges = LogEventRanges.All.OrderBy(r => r.First).ToList();
        for (var i = 1; i < ranges.Count; i++)
            Assert.True(ranges[i].First > ranges[i - 1].Last, $"{ranges[i - 1].Catalogue} and {ranges[i].Catalogue} overlap");
    }
}
