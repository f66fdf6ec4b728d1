using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Edge.Delivery.Configuration;
using Edge.Emulators.PagerDuty;
using Edge.Delivery.PagerDuty;
using Edge.Delivery.Tests.Support;

namespace Edge.Delivery.Tests.PagerDuty;

/// <summary>
/// An intercepting proxy or a site relay presents a certificate from the site's own CA: <c>caBundle</c> adds that CA
/// to what is trusted, and nothing else is ever accepted. Real TLS to the emulator on 127.0.0.1.
/// </summary>
public class CaBundleTests
{
    private static readonly X509Certificate2 SiteCa = Authority("Site CA");
    private static readonly X509Certificate2 OtherCa = Authority("Other CA");

    [Fact]
    public async Task A_relay_whose_certificate_chains_to_the_ca_bundle_is_delivered_to()
    {
        using var dir = new TempDir();
        await using var relay = new PagerDutyEmulator(certificate: Leaf(SiteCa, ip: IPAddress.Loopback)).Start();

        var outcome = await SendAsync(relay, Bundle(dir, SiteCa));

        Assert.Equal(DeliveryResult.Delivered, outcome.Result);
        Assert.Single(relay.Received);
    }

    [Fact]
    public async Task Without_the_ca_bundle_the_site_certificate_is_refused_and_the_event_waits()
    {
        await using var relay = new PagerDutyEmulator(certificate: Leaf(SiteCa, ip: IPAddress.Loopback)).Start();

        var outcome = await SendAsync(relay, caBundle: null);

        Assert.Equal(DeliveryResult.Transient, outcome.Result);
        Assert.Contains("certificate", outcome.Error, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(relay.Received);
    }

    [Fact]
    public async Task A_bundle_holding_another_ca_does_not_make_the_certificate_trusted()
    {
        using var dir = new TempDir();
        await using var relay = new PagerDutyEmulator(certificate: Leaf(SiteCa, ip: IPAddress.Loopback)).Start();

        var outcome = await SendAsync(relay, Bundle(dir, OtherCa));

        Assert.Equal(DeliveryResult.Transient, outcome.Result);
        Assert.Empty(relay.Received);
    }

    [Fact]
    public async Task A_certificate_for_another_host_is_refused_even_when_its_ca_is_in_the_bundle()
    {
        using var dir = new TempDir();
        await using var relay = new PagerDutyEmulator(certificate: Leaf(SiteCa, dns: "relay.example")).Start();

        var outcome = await SendAsync(relay, Bundle(dir, SiteCa));

        Assert.Equal(DeliveryResult.Transient, outcome.Result);
        Assert.Empty(relay.Received);
    }

    private static async Task<DeliveryOutcome> SendAsync(PagerDutyEmulator relay, string? caBundle)
    {
        var options = new DeliveryOptions { Endpoint = relay.Endpoint, CaBundle = caBundle };
        using var http = PagerDutyHttp.CreateClient(options, "9.9.9");
        var client = new PagerDutyClient(http, relay.Endpoint, TimeProvider.System, TimeSpan.FromSeconds(20));
        var body = Encoding.UTF8.GetBytes($$$"""
            {"routing_key":"{{{Pipeline.Key}}}","event_action":"trigger","dedup_key":"dc1-r12/rack-hot/s1",
             "payload":{"summary":"s1 is hot","source":"dc1-r12/s1","severity":"warning"}}
            """);
        return await client.SendAsync(body, "dc1-r12/rack-hot/s1", CancellationToken.None);
    }

    private static string Bundle(TempDir dir, X509Certificate2 ca)
    {
        var path = Path.Combine(dir.Path, "ca.pem");
        File.WriteAllText(path, ca.ExportCertificatePem());
        return path;
    }

    private static X509Certificate2 Authority(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        using var ca = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        return X509CertificateLoader.LoadPkcs12(ca.Export(X509ContentType.Pfx), null);
    }

    private static X509Certificate2 Leaf(X509Certificate2 ca, IPAddress? ip = null, string? dns = null)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=relay", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        if (ip is not null)
            names.AddIpAddress(ip);
        if (dns is not null)
            names.AddDnsName(dns);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var serial = RandomNumberGenerator.GetBytes(8);
        using var signed = request.Create(ca, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(30), serial);
        using var withKey = signed.CopyWithPrivateKey(key);
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pfx), null);
    }
}
