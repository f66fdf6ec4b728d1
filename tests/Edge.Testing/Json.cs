using System.Text;
using Edge.Core.Configuration;
using Microsoft.Extensions.Configuration;

namespace Edge.Testing;

/// <summary>A configuration tree from JSON text, read the way the host reads /etc/edge/edge.json.</summary>
public static class Json
{
    public static ConfigNode Root(string json, ConfigProblems problems)
    {
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();
        return new ConfigNode(configuration, problems);
    }
}
