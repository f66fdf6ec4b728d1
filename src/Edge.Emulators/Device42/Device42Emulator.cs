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

namespace Edge.Emulators.Device42;

/// <summary>
/// A Device42 REST API over real HTTP (or HTTPS with a self-signed certificate) on 127.0.0.1, for tests and
/// <c>edge demo</c>. Every answer's shape is taken from Device42's API 2.0 swagger (the vendored copy
/// <c>device42-unmodified.yaml</c> in github.com/anonymousobject/device42-go; cited per endpoint below as
/// "swagger PATH" or "swagger definitions.NAME"), the device42-docs pages and pydevice42's client: each listing has
/// only the envelope fields the swagger shows for it (no page-level total_count for software_details and operating
/// systems), counts are written as the examples write them (numeric strings, '' for none), and a page holds at most
/// <see cref="PageLimit"/> objects whatever limit is asked for ("Enforce API GET Limits"). It checks HTTP Basic
/// authentication and fails on demand (<see cref="Device42Fault"/>). One request per connection; every request is
/// recorded as its request line's target.
/// </summary>
public sealed class Device42Emulator : IAsyncDisposable
{
    /// <summary>
    /// "By default the limit is maximum 1000 IPs per call. Use total_count and offset if over 1000 IPs." (swagger
    /// /api/1.0/ips/ get.description).
    /// </summary>
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
    private int _faultFromOffset;
    private int _pageLimit = MaxLimit;
    private (string Path, int Offset, Action<EmulatedInventory> Change)? _changeAfterPage;
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

    /// <summary>
    /// The most objects a page holds whatever limit is asked for: the appliance's "API GET Limit" once "Enforce API
    /// GET Limits" is checked (device42-docs API reference, "API Get Limits and Offsets": "A good limit to start with
    /// is 500 or 1000"). At most <see cref="MaxLimit"/>.
    /// </summary>
    public int PageLimit
    {
        get
        {
            lock (_gate)
                return _pageLimit;
        }
        set
        {
            lock (_gate)
                _pageLimit = Math.Clamp(value, 1, MaxLimit);
        }
    }

    /// <summary>
    /// Query filters the emulated appliance does not know and so ignores, serving the listing unfiltered: the swagger
    /// marks several as added in a later version (<c>subnet_id</c> "added in v7.2.0", <c>name</c> "Added in v6.0.0"),
    /// so an older appliance answers as if they were not there.
    /// </summary>
    public ISet<string> IgnoredFilters { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>
    /// Makes every request (or those whose path starts with <paramref name="onPath"/>, from the offset
    /// <paramref name="fromOffset"/> on) fail this way; None heals.
    /// </summary>
    public void Fail(Device42Fault fault, string? onPath = null, int fromOffset = 0)
    {
        lock (_gate)
        {
            _fault = fault;
            _faultOn = onPath;
            _faultFromOffset = fromOffset;
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

    /// <summary>
    /// Changes what the emulated appliance knows once, right after it has served the page at <paramref name="offset"/>
    /// of a listing whose path starts with <paramref name="onPath"/>: another user deleting an object while Edge pages.
    /// Device42 pages by position, not by a cursor — "'/?offset=100' will start at the 101st result" (swagger
    /// info.description, "API Get Limits and Offsets"; parameters.offset, "start with this device (e.g.
    /// limit=100&amp;offset=50 …)") — so every object after a deleted one moves one place back, and the one that moves
    /// from the next page onto the page already served is never seen.
    /// </summary>
    public void ChangeAfterPage(string onPath, int offset, Action<EmulatedInventory> change)
    {
        lock (_gate)
            _changeAfterPage = (onPath, offset, change);
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
                    if (status == 0)
                        return;
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

    private bool Applies(string target) =>
        (_faultOn is null || target.StartsWith(_faultOn, StringComparison.Ordinal))
        && (_faultFromOffset == 0 || (Int(Query(target.Contains('?', StringComparison.Ordinal) ? target[(target.IndexOf('?', StringComparison.Ordinal) + 1)..] : ""), "offset") ?? 0) >= _faultFromOffset);

    private (int Status, byte[] Body, string ContentType) Respond(string target, string? authorization)
    {
        lock (_gate)
        {
            if (Applies(target))
            {
                switch (_fault)
                {
                    case Device42Fault.Unauthorized:
                        return Unauthorized();
                    // swagger's 500: "Some parameter missing or issue with the server. Check with returned “msg” from the
                    // call." — an appliance that crashed answers its web server's HTML page instead.
                    case Device42Fault.ServerError:
                        return (500, "<html><body><h1>Server Error (500)</h1></body></html>"u8.ToArray(), "text/html");
                    // The two licence refusals pydevice42 reads from a 500's "msg" (d42client.py, D42Client._request); it
                    // matches their beginnings only, so the rest of each text is the emulator's.
                    case Device42Fault.LicenseExpired:
                        return Json(500, """{"msg": "License expired. Contact Device42 to renew your license.", "code": 2}""");
                    case Device42Fault.LicenseNotValid:
                        return Json(500, """{"msg": "License is not valid for this API call. Contact Device42 to extend your license.", "code": 2}""");
                    case Device42Fault.MalformedJson:
                        return Json(200, """{"total_count": 2, "offset": 0, "limit": 500, "software": [{"name": "Vim", "software_type": """);
                    case Device42Fault.NoAnswer:
                        return (0, [], "");
                }
            }
            if (!string.Equals(authorization, _expectedAuthorization, StringComparison.Ordinal))
                return Unauthorized();
            var question = target.IndexOf('?', StringComparison.Ordinal);
            var path = question < 0 ? target : target[..question];
            var query = Query(question < 0 ? "" : target[(question + 1)..]);
            foreach (var ignored in IgnoredFilters)
                query.Remove(ignored);
            var limit = Math.Clamp(Int(query, "limit") ?? _pageLimit, 1, _pageLimit);
            var offset = Math.Max(0, Int(query, "offset") ?? 0);
            var page = new PageRequest(offset, limit, Empty: Applies(target) && _fault == Device42Fault.EmptyPage);
            var software = _inventory.Software;
            var answer = path switch
            {
                // swagger /api/1.0/software/ get: filters name, category, vendor, licensing_model, software_type, tags;
                // 200 is {total_count (a string in the example: '2016'), software: [Get_Software_Component_details]}.
                "/api/1.0/software/" => Page("software", Software(query), page, Envelope.TotalCountAsString, WriteSoftware),
                // swagger /api/1.0/software_details/ get: filters device_id, device, software_id, software_detail_id;
                // 200 is {limit, offset, software_details: [Get_Software_details]}: no total_count.
                "/api/1.0/software_details/" => Page("software_details", Installs(Int(query, "software_id")), page, Envelope.LimitOffset, WriteInstall),
                // swagger /api/1.0/operatingsystems/ get: 200 is {operatingsystems: [OperatingSystems]}: no total_count, limit or offset.
                "/api/1.0/operatingsystems/" => Page("operatingsystems", _inventory.OperatingSystems, page, Envelope.None, WriteOperatingSystem),
                // swagger /api/1.0/subnets/ get: 200 is {limit, offset, subnets: [IPAMsubnets], total_count}.
                "/api/1.0/subnets/" => Page("subnets", _inventory.Subnets, page, Envelope.LimitOffsetTotal, WriteSubnet),
                // swagger /api/1.0/ips/ get: filters subnet_id, available (yes/no), …; 200 is {ips: [IPAMips], limit, offset, total_count}.
                "/api/1.0/ips/" => Page("ips", Ips(Int(query, "subnet_id"), query.GetValueOrDefault("available")), page, Envelope.LimitOffsetTotal, WriteIp),
                // swagger definitions.Partmodels: {limit, offset, partmodels: [...], total_count}.
                "/api/1.0/partmodels/" => Page("partmodels", _inventory.PartModels, page, Envelope.LimitOffsetTotal, WritePartModel),
                // swagger, every path's 404 example.
                _ => Json(404, """{"errors": [{"code": 404, "reason": "Not Found", "title": "Not Found", "detail": "The specified resource could not be found."}]}"""),
            };
            if (_changeAfterPage is { } after && answer.Item1 == 200 && target.StartsWith(after.Path, StringComparison.Ordinal) && offset == after.Offset)
            {
                _changeAfterPage = null;
                after.Change(_inventory);
            }
            return answer;

            List<(int Id, EmulatedSoftware Software, int Discovered)> Software(Dictionary<string, string> query) =>
                software.Select((s, i) => (Id: i + 1, Software: s, Discovered: _inventory.Installs.Count(x => x.Software == s.Name)))
                    .Where(s => !query.TryGetValue("software_type", out var type) || string.Equals(s.Software.Type, type, StringComparison.OrdinalIgnoreCase))
                    .ToList();
        }
    }

    private List<(EmulatedInstall Install, int? SoftwareId)> Installs(int? softwareId)
    {
        var ids = _inventory.Software.Select((s, i) => (s.Name, Id: i + 1)).GroupBy(s => s.Name).ToDictionary(g => g.Key, g => g.First().Id);
        return _inventory.Installs.Select(x => (Install: x, SoftwareId: ids.TryGetValue(x.Software, out var id) ? id : (int?)null))
            .Where(x => softwareId is null || x.SoftwareId == softwareId)
            .ToList();
    }

    private List<(EmulatedSubnet Subnet, string Ip, bool Available)> Ips(int? subnetId, string? available)
    {
        var ips = new List<(EmulatedSubnet, string, bool)>();
        foreach (var subnet in _inventory.Subnets.Where(s => subnetId is null || s.Id == subnetId))
        {
            var network = IPAddress.Parse(subnet.Network).GetAddressBytes();
            for (var i = 0; i < subnet.UsedIps + subnet.AvailableIps; i++)
            {
                var isAvailable = i >= subnet.UsedIps;
                if (available is not null && (available == "yes") != isAvailable)
                    continue;
                var address = (byte[])network.Clone();
                var carry = i + 1;
                for (var b = address.Length - 1; b >= 0 && carry > 0; b--)
                {
                    var sum = address[b] + carry;
                    address[b] = (byte)sum;
                    carry = sum >> 8;
                }
                ips.Add((subnet, new IPAddress(address).ToString(), isAvailable));
            }
        }
        return ips;
    }

    private enum Envelope
    {
        None,
        LimitOffset,
        LimitOffsetTotal,
        TotalCountAsString,
    }

    private readonly record struct PageRequest(int Offset, int Limit, bool Empty);

    private static (int, byte[], string) Page<T>(string key, IReadOnlyList<T> items, PageRequest page, Envelope envelope, Action<Utf8JsonWriter, T, int> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            if (envelope == Envelope.TotalCountAsString)
                json.WriteString("total_count", items.Count.ToString(CultureInfo.InvariantCulture));
            if (envelope is Envelope.LimitOffset or Envelope.LimitOffsetTotal)
            {
                // The limit echoed is the one applied, which an enforced API GET Limit may make smaller than the one asked.
                json.WriteNumber("limit", page.Limit);
                json.WriteNumber("offset", page.Offset);
            }
            if (envelope == Envelope.LimitOffsetTotal)
                json.WriteNumber("total_count", items.Count);
            json.WriteStartArray(key);
            for (var i = page.Offset; !page.Empty && i < Math.Min(items.Count, page.Offset + page.Limit); i++)
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

    // swagger definitions.Get_Software_Component_details: id '583' (a string), licensed_count '' and discovered_count ''
    // (strings, empty when there is none), software_type 'prohibited' (lower case), licensing_model.
    private static void WriteSoftware(Utf8JsonWriter json, (int Id, EmulatedSoftware Software, int Discovered) s, int position)
    {
        json.WriteString("id", s.Id.ToString(CultureInfo.InvariantCulture));
        json.WriteString("name", s.Software.Name);
        json.WriteString("software_type", s.Software.Type);
        json.WriteString("licensing_model", "Individual - Device/Perpetual");
        json.WriteString("licensed_count", s.Software.LicensedCount?.ToString(CultureInfo.InvariantCulture) ?? "");
        json.WriteString("discovered_count", s.Discovered.ToString(CultureInfo.InvariantCulture));
        json.WriteString("vendor", "");
    }

    // swagger definitions.Get_Software_details: id '108', software, software_id '108' (strings), device, device_id, version.
    private static void WriteInstall(Utf8JsonWriter json, (EmulatedInstall Install, int? SoftwareId) x, int id)
    {
        json.WriteString("id", id.ToString(CultureInfo.InvariantCulture));
        json.WriteString("software", x.Install.Software);
        json.WriteString("software_id", x.SoftwareId?.ToString(CultureInfo.InvariantCulture) ?? "");
        json.WriteString("device", x.Install.Device);
        json.WriteString("version", "1.0");
        json.WriteString("install_date", "");
    }

    // swagger definitions.OperatingSystems: id, name, category, manufacturer, total_count, licensed_count,
    // not_licensed_count (numbers), aliases, notes. A field in Written is written as that text instead.
    private static void WriteOperatingSystem(Utf8JsonWriter json, EmulatedOperatingSystem os, int id)
    {
        json.WriteNumber("id", id);
        json.WriteString("name", os.Name);
        json.WriteString("category", "");
        json.WriteString("manufacturer", "");
        Count(json, "total_count", os.Licensed + os.NotLicensed, os.Written);
        Count(json, "licensed_count", os.Licensed, os.Written);
        Count(json, "not_licensed_count", os.NotLicensed, os.Written);
        json.WriteStartArray("aliases");
        json.WriteEndArray();
        json.WriteString("notes", "");

        static void Count(Utf8JsonWriter json, string name, int value, IReadOnlyDictionary<string, string>? written)
        {
            if (written?.TryGetValue(name, out var text) == true)
                json.WriteString(name, text);
            else
                json.WriteNumber(name, value);
        }
    }

    // swagger definitions.IPAMsubnets: subnet_id, network, mask_bits, name, vrf_group_id, vrf_group_name,
    // allow_network_address / allow_broadcast_address ('yes'/'no'), range_begin, range_end, parent_subnet_id ''.
    private void WriteSubnet(Utf8JsonWriter json, EmulatedSubnet subnet, int position)
    {
        json.WriteString("allow_broadcast_address", subnet.AllowBroadcastAddress ? "yes" : "no");
        json.WriteString("allow_network_address", subnet.AllowNetworkAddress ? "yes" : "no");
        json.WriteNumber("mask_bits", subnet.MaskBits);
        json.WriteString("name", $"{subnet.Network}/{subnet.MaskBits}");
        json.WriteString("network", subnet.Network);
        json.WriteString("parent_subnet_id", "");
        json.WriteNumber("subnet_id", subnet.Id);
        if (subnet.VrfGroup is { } vrf)
        {
            json.WriteNumber("vrf_group_id", 1 + _inventory.Subnets.Select(s => s.VrfGroup).OfType<string>().Distinct().ToList().IndexOf(vrf));
            json.WriteString("vrf_group_name", vrf);
        }
        else
        {
            json.WriteString("vrf_group_id", "");
            json.WriteString("vrf_group_name", "");
        }
    }

    // swagger definitions.IPAMips: id, ip, subnet ('Infra-10.1.10.0/24(Infrastructure Services)'), subnet_id, available ('yes'/'no'), type.
    private static void WriteIp(Utf8JsonWriter json, (EmulatedSubnet Subnet, string Ip, bool Available) ip, int id)
    {
        json.WriteString("available", ip.Available ? "yes" : "no");
        json.WriteNumber("id", id);
        json.WriteString("ip", ip.Ip);
        json.WriteString("subnet", $"{ip.Subnet.Network}/{ip.Subnet.MaskBits}{(ip.Subnet.VrfGroup is { } vrf ? $"({vrf})" : "")}");
        json.WriteNumber("subnet_id", ip.Subnet.Id);
        json.WriteString("type", ip.Available ? "" : "Static");
    }

    // swagger definitions.Partmodels.partmodels: partmodel_id, name, type, total_count, available, used (numbers).
    private static void WritePartModel(Utf8JsonWriter json, EmulatedPartModel part, int id)
    {
        json.WriteNumber("partmodel_id", id);
        json.WriteString("name", part.Name);
        json.WriteString("type", "");
        json.WriteNumber("total_count", part.Count);
        json.WriteNumber("available", part.AvailableCount);
        json.WriteNumber("used", part.Count - part.AvailableCount);
    }

    // swagger, every path's 401 example ("Unauthorized (Your credentials suck)").
    private static (int, byte[], string) Unauthorized() =>
        Json(401, """{"errors": [{"code": 401, "reason": "Unauthorized", "title": "Unauthorized", "detail": "Your credentials suck"}]}""");

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
