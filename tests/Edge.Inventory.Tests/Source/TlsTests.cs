using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Edge.Core.Readings;
using Edge.Emulators.Device42;
using Edge.Inventory.Tests.Support;

namespace Edge.Inventory.Tests.Source;

public class TlsTests
{
    private static readonly X509Certificate2 Certificate = Device42Emulator.CreateSelfSignedCertificate();

    [Fact]
    public async Task A_self_signed_appliance_is_read_when_its_certificate_is_pinned()
    {
        await using var site = new Site(certificate: Certificate, configure: o => o with { PinnedSha256 = SHA256.HashData(Certificate.RawData) });

        await site.PollAsync();

        Assert.StartsWith("https://", site.Options.Url.ToString());
        Assert.Equal(1, site.Value("device42", Metrics.Reachable));
    }

    [Fact]
    public async Task A_certificate_that_does_not_match_the_pin_is_refused_and_says_why()
    {
        var other = SHA256.HashData("another certificate"u8);
        await using var site = new Site(certificate: Certificate, configure: o => o with { PinnedSha256 = other });

        await site.PollAsync();

        Assert.Equal(0, site.Value("device42", Metrics.Reachable));
        Assert.Contains($"certificate's SHA-256 is {Convert.ToHexString(SHA256.HashData(Certificate.RawData))}, not the pinnedSha256", site.Source.Problem);
        Assert.Empty(site.Emulator.Requests);
    }

    [Fact]
    public async Task A_self_signed_appliance_is_read_when_its_certificate_is_the_ca_file()
    {
        await using var site = new Site(certificate: Certificate);
        var caFile = Path.Combine(Path.GetDirectoryName(site.PasswordFile)!, "device42-ca.pem");
        File.WriteAllText(caFile, Certificate.ExportCertificatePem());
        site.Reconfigure(o => o with { CaFile = caFile });

        await site.PollAsync();

        Assert.Equal(1, site.Value("device42", Metrics.Reachable));
    }

    [Fact]
    public async Task A_ca_file_that_did_not_sign_the_certificate_is_refused()
    {
        await using var site = new Site(certificate: Certificate);
        var caFile = Path.Combine(Path.GetDirectoryName(site.PasswordFile)!, "other-ca.pem");
        using var otherCa = Device42Emulator.CreateSelfSignedCertificate("Other CA");
        File.WriteAllText(caFile, otherCa.ExportCertificatePem());
        site.Reconfigure(o => o with { CaFile = caFile });

        await site.PollAsync();

        Assert.Equal(0, site.Value("device42", Metrics.Reachable));
        Assert.Contains("does not chain to caFile", site.Source.Problem);
    }

    [Fact]
    public async Task Without_a_pin_or_ca_file_a_self_signed_certificate_is_never_silently_accepted()
    {
        await using var site = new Site(certificate: Certificate);

        await site.PollAsync();

        Assert.Equal(0, site.Value("device42", Metrics.Reachable));
        Assert.Empty(site.Emulator.Requests);
    }
}
