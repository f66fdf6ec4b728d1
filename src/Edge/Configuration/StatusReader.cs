using System.Net;
using Edge.Core.Configuration;

namespace Edge.Configuration;

/// <summary>Reads <c>status.listen</c>: "IP:port" (loopback by default; another address lets peers watch this Edge) or "none".</summary>
public static class StatusReader
{
    public static string? Read(ConfigNode root)
    {
        var status = root.Child("status");
        status.OnlyKeys("listen");
        var listen = status.String("listen") ?? EdgeConfig.DefaultStatusListen;
        if (listen == "none")
            return null;
        if (!IPEndPoint.TryParse(listen, out var endPoint) || endPoint.Port == 0)
        {
            status.Problem("listen", $"'{listen}' is not allowed; allowed: an IP address and port such as \"127.0.0.1:9464\" or \"[::1]:9464\", or \"none\"");
            return null;
        }
        return endPoint.Address.Equals(IPAddress.Any) || endPoint.Address.Equals(IPAddress.IPv6Any) ? $"*:{endPoint.Port}" : listen;
    }
}
