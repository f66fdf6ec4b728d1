using System.Buffers;
using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;

namespace Edge.Inventory.Emulator;

/// <summary>
/// A Device42 REST API over real HTTP (or HTTPS with a self-signed certificate) on 127.0.0.1, for tests and
/// <c>edge demo</c>. It serves the read endpoints Edge uses in Device42's documented shape — <c>{"total_count": N,
/// "offset": O, "limit": L, "&lt;collection&gt;": [...]}</c>, at most 1000 objects a page — checks HTTP Basic
/// authentication, and fails on demand (<see cref="Device42Fault"/>). One request per connection; every request is
/// recorded as its request line's target.
/// </summary>
public sealed class Device42Emulator : IAsyncDisposable
{
    /// <summary>Device42 caps a page at 1000 objects whatever limit is asked for.</summary>
    public const int MaxLimit = 1000;

    private const int MaxRequestBytes = 16 * 1024;

    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly X509Certificate2? _certificate;
    private readonly string _expectedAuthorization;
    private readonly Lock _gate = new();
    private readonly List<string> _requests = [];
    private readonly EmulatedInventory _inventory;
    private readonly Task _accepting;
    private Device42Fault _fault;
    private bool _disposed;
    private string? _faultOn;
    private TaskCompletionSource _release = NewSignal();
    private TaskCompletionSource _slowArrived = NewSignal();

    public Device42Emulator(string user, string password, EmulatedInventory? inventory = null, X509Certificate2? certificate = null)
    {
        _inventory = inventory ?? new EmulatedInventory();
        _certificate = certificate;
        _expectedAuthorization = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        var port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        Url = new Uri($"{(certificate is null ? "http" : "https")}://127.0.0.1:{port}/");
        _accepting = AcceptAsync();
    }

    public Uri Url { get; }

    /// <summary>The request targets served so far (path and query), in order.</summary>
    public IReadOnlyList<string> Requests
    {
        get
        {
            lock (_gate)
                return [.. _requests];
        }
    }

    /// <summary>Completes when a request meets <see cref="Device42Fault.Slow"/> and waits to be released.</summary>
    public Task SlowRequestArrived
    {
        get
        {
            lock (_gate)
                return _slowArrived.Task;
        }
    }

    /// <summary>Makes every request (or those whose path starts with <paramref name="onPath"/>) fail this way; None heals.</summary>
    public void Fail(Device42Fault fault, string? onPath = null)
    {
        lock (_gate)
        {
            _fault = fault;
            _faultOn = onPath;
            if (fault != Device42Fault.Slow)
                ReleaseSlowLocked();
        }
    }

    /// <summary>Lets the requests held by <see cref="Device42Fault.Slow"/> be answered.</summary>
    public void ReleaseSlow()
    {
        lock (_gate)
            ReleaseSlowLocked();
    }

    /// <summary>Changes what the emulated appliance knows, between requests.</summary>
    public void Change(Action<EmulatedInventory> change)
    {
        lock (_gate)
            change(_inventory);
    }

    /// <summary>A self-signed certificate for 127.0.0.1, as a Device42 appliance ships with.</summary>
    public static X509Certificate2 CreateSelfSignedCertificate(string commonName = "device42.local")
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={commonName}", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        var now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
        using var certificate = request.CreateSelfSigned(now, now.AddYears(30));
        // Through PKCS#12 so the private key is usable by SslStream on every platform.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }

    public async ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            if (_disposed)
                return;
            _disposed = true;
        }
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
        {
        }
        _stop.Dispose();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private void ReleaseSlowLocked()
    {
        _release.TrySetResult();
        _release = NewSignal();
        _slowArrived = NewSignal();
    }

    // Runs for the emulator's lifetime; ends when it is disposed.
    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                Stream stream = client.GetStream();
                if (_certificate is not null)
                {
                    var tls = new SslStream(stream, leaveInnerStreamOpen: false);
                    await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = _certificate }, _stop.Token);
                    stream = tls;
                }
                await using (stream)
                {
                    var (target, authorization) = await ReadRequestAsync(stream);
                    if (target is null)
                        return;
                    Task? hold = null;
                    lock (_gate)
                    {
                        _requests.Add(target);
                        if (_fault == Device42Fault.Slow && Applies(target))
                        {
                            _slowArrived.TrySetResult();
                            hold = _release.Task;
                        }
                    }
                    if (hold is not null)
                        await hold.WaitAsync(_stop.Token);
                    var (status, body, contentType) = Respond(target, authorization);
                    var head = Encoding.ASCII.GetBytes(
                        $"HTTP/1.1 {status} {Reason(status)}\r\nContent-Type: {contentType}\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n");
                    await stream.WriteAsync(head, _stop.Token);
                    await stream.WriteAsync(body, _stop.Token);
                    await stream.FlushAsync(_stop.Token);
                }
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or SocketException or AuthenticationException or ObjectDisposedException)
            {
                // The client went away, refused our certificate, or the emulator stopped: nothing to answer.
            }
        }
    }

    /// <summary>Reads the request line and headers (the read endpoints have no body); null target when it is not HTTP.</summary>
    private static async Task<(string? Target, string? Authorization)> ReadRequestAsync(Stream stream)
    {
        var buffer = new byte[MaxRequestBytes];
        var length = 0;
        while (length < buffer.Length)
        {
            var n = await stream.ReadAsync(buffer.AsMemory(length));
            if (n == 0)
                break;
            length += n;
            if (buffer.AsSpan(0, length).IndexOf("\r\n\r\n"u8) >= 0)
                break;
        }
        var lines = Encoding.ASCII.GetString(buffer, 0, length).Split("\r\n");
        var requestLine = lines[0].Split(' ');
        if (requestLine.Length != 3 || requestLine[0] != "GET")
            return (null, null);
        var authorization = lines.Skip(1).FirstOrDefault(l => l.StartsWith("Authorization:", StringComparison.OrdinalIgnoreCase))?["Authorization:".Length..].Trim();
        return (requestLine[1], authorization);
    }

    private bool Applies(string target) => _faultOn is null || target.StartsWith(_faultOn, StringComparison.Ordinal);

    private (int Status, byte[] Body, string ContentType) Respond(string target, string? authorization)
    {
        lock (_gate)
        {
            if (Applies(target))
            {
                switch (_fault)
                {
                    case Device42Fault.Unauthorized:
                        return Json(401, """{"msg": "Authentication credentials were not accepted.", "code": 1}""");
                    case Device42Fault.ServerError:
                        return (500, "<html><body><h1>Server Error (500)</h1></body></html>"u8.ToArray(), "text/html");
                    case Device42Fault.LicenseExpired:
                        return Json(500, """{"msg": "License expired. Contact Device42 to renew your license.", "code": 2}""");
                    case Device42Fault.MalformedJson:
                        return Json(200, """{"total_count": 2, "offset": 0, "limit": 500, "software": [{"name": "Vim", "software_type": """);
                }
            }
            if (!string.Equals(authorization, _expectedAuthorization, StringComparison.Ordinal))
                return Json(401, """{"msg": "Authentication credentials were not accepted.", "code": 1}""");
            var question = target.IndexOf('?');
            var path = question < 0 ? target : target[..question];
            var query = Query(question < 0 ? "" : target[(question + 1)..]);
            var limit = Math.Clamp(Int(query, "limit") ?? MaxLimit, 1, MaxLimit);
            var offset = Math.Max(0, Int(query, "offset") ?? 0);
            return path switch
            {
                "/api/1.0/software/" => Page("software", Filter(_inventory.Software, query), offset, limit, WriteSoftware),
                "/api/1.0/software_details/" => Page("software_details", _inventory.Installs, offset, limit, WriteInstall),
                "/api/1.0/operatingsystems/" => Page("operatingsystems", _inventory.OperatingSystems, offset, limit, WriteOperatingSystem),
                "/api/1.0/subnets/" => Page("subnets", _inventory.Subnets, offset, limit, WriteSubnet),
                "/api/1.0/ips/" => Page("ips", Ips(Int(query, "subnet_id")), offset, limit, WriteIp),
                "/api/1.0/partmodels/" => Page("partmodels", _inventory.PartModels, offset, limit, WritePartModel),
                _ => Json(404, """{"msg": "Not found.", "code": 404}"""),
            };
        }
    }

    private static List<EmulatedSoftware> Filter(List<EmulatedSoftware> software, Dictionary<string, string> query) =>
        query.TryGetValue("software_type", out var type) ? software.Where(s => string.Equals(s.Type, type, StringComparison.OrdinalIgnoreCase)).ToList() : software;

    private List<(int SubnetId, string Ip, bool Available)> Ips(int? subnetId)
    {
        var ips = new List<(int, string, bool)>();
        foreach (var subnet in _inventory.Subnets.Where(s => subnetId is null || s.Id == subnetId))
        {
            var network = IPAddress.Parse(subnet.Network).GetAddressBytes();
            for (var i = 0; i < subnet.UsedIps + subnet.AvailableIps; i++)
            {
                var address = (byte[])network.Clone();
                var carry = i + 1;
                for (var b = address.Length - 1; b >= 0 && carry > 0; b--)
                {
                    var sum = address[b] + carry;
                    address[b] = (byte)sum;
                    carry = sum >> 8;
                }
                ips.Add((subnet.Id, new IPAddress(address).ToString(), i >= subnet.UsedIps));
            }
        }
        return ips;
    }

    private static (int, byte[], string) Page<T>(string key, IReadOnlyList<T> items, int offset, int limit, Action<Utf8JsonWriter, T, int> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("total_count", items.Count);
            json.WriteNumber("offset", offset);
            json.WriteNumber("limit", limit);
            json.WriteStartArray(key);
            for (var i = offset; i < Math.Min(items.Count, offset + limit); i++)
            {
                json.WriteStartObject();
                write(json, items[i], i + 1);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return (200, buffer.WrittenSpan.ToArray(), "application/json");
    }

    private static void WriteSoftware(Utf8JsonWriter json, EmulatedSoftware s, int id)
    {
        json.WriteNumber("id", id);
        json.WriteString("name", s.Name);
        json.WriteString("software_type", s.Type);
        json.WriteString("licensing_model", "Individual - Device/Perpetual");
        if (s.LicensedCount is { } licensed)
            json.WriteNumber("licensed_count", licensed);
    }

    private static void WriteInstall(Utf8JsonWriter json, EmulatedInstall install, int id)
    {
        json.WriteNumber("id", id);
        json.WriteString("software", install.Software);
        json.WriteString("device", install.Device);
        json.WriteString("version", "1.0");
    }

    private static void WriteOperatingSystem(Utf8JsonWriter json, EmulatedOperatingSystem os, int id)
    {
        json.WriteNumber("id", id);
        json.WriteString("name", os.Name);
        json.WriteNumber("total_count", os.Count);
        if (os.LicensedCount is { } licensed)
            json.WriteNumber("licensed_count", licensed);
    }

    private static void WriteSubnet(Utf8JsonWriter json, EmulatedSubnet subnet, int id)
    {
        json.WriteNumber("subnet_id", subnet.Id);
        json.WriteString("network", subnet.Network);
        json.WriteNumber("mask_bits", subnet.MaskBits);
        json.WriteString("name", $"{subnet.Network}/{subnet.MaskBits}");
    }

    private static void WriteIp(Utf8JsonWriter json, (int SubnetId, string Ip, bool Available) ip, int id)
    {
        json.WriteNumber("id", id);
        json.WriteString("ip", ip.Ip);
        json.WriteNumber("subnet_id", ip.SubnetId);
        json.WriteString("available", ip.Available ? "yes" : "no");
    }

    private static void WritePartModel(Utf8JsonWriter json, EmulatedPartModel part, int id)
    {
        json.WriteNumber("partmodel_id", id);
        json.WriteString("name", part.Name);
        json.WriteNumber("total_count", part.Count);
        json.WriteNumber("available", part.AvailableCount);
        json.WriteNumber("used", part.Count - part.AvailableCount);
    }

    private static (int, byte[], string) Json(int status, string body) => (status, Encoding.UTF8.GetBytes(body), "application/json");

    private static Dictionary<string, string> Query(string query)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=');
            if (eq > 0)
                values[Uri.UnescapeDataString(pair[..eq])] = Uri.UnescapeDataString(pair[(eq + 1)..]);
        }
        return values;
    }

    private static int? Int(Dictionary<string, string> query, string key) =>
        query.TryGetValue(key, out var text) && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static string Reason(int status) => status switch
    {
        200 => "OK",
        401 => "Unauthorized",
        404 => "Not Found",
        _ => "Internal Server Error",
    };
}
