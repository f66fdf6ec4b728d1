using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Edge.Inventory.Security;

/// <summary>
/// How the appliance's TLS certificate is trusted. Device42 appliances often present a self-signed certificate; the
/// operator either pins it (its SHA-256, which then is its identity: chain and host name are not asked for) or names
/// the CA file that signed it (chain to that CA and host name must hold). Verification is never switched off. The
/// reason of the last rejection is kept, so the error the operator sees says why.
/// </summary>
public sealed class CertificatePolicy
{
    private readonly byte[]? _pin;
    private readonly string? _caFile;

    private CertificatePolicy(byte[]? pin, string? caFile)
    {
        _pin = pin;
        _caFile = caFile;
    }

    public static CertificatePolicy Pinned(byte[] sha256) => new(sha256, null);

    public static CertificatePolicy FromCaFile(string path) => new(null, path);

    /// <summary>Why the last certificate was refused, or null.</summary>
    public string? LastRejection { get; private set; }

    public bool Validate(object sender, X509Certificate? certificate, X509Chain? presented, SslPolicyErrors errors)
    {
        if (certificate is null)
            return Reject("the appliance presented no certificate");
        if (_pin is not null)
        {
            var actual = SHA256.HashData(certificate.GetRawCertData());
            return CryptographicOperations.FixedTimeEquals(actual, _pin)
                ? Accept()
                : Reject($"its certificate's SHA-256 is {Convert.ToHexString(actual)}, not the pinnedSha256 {Convert.ToHexString(_pin)}");
        }
        if ((errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
            return Reject("its certificate does not name the host of the url");
        X509Certificate2Collection authorities = [];
        try
        {
            authorities.ImportFromPemFile(_caFile!);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException)
        {
            return Reject($"cannot read caFile {_caFile}: {e.Message}");
        }
        if (authorities.Count == 0)
            return Reject($"caFile {_caFile} holds no PEM certificate");
        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(authorities);
        // A private CA seldom runs a revocation service the Pi could reach.
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (presented is not null)
        {
            foreach (var element in presented.ChainElements)
                chain.ChainPolicy.ExtraStore.Add(element.Certificate);
        }
        return chain.Build(leaf)
            ? Accept()
            : Reject($"its certificate does not chain to caFile {_caFile}: {string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation.Trim()))}");
    }

    private bool Accept()
    {
        LastRejection = null;
        return true;
    }

    private bool Reject(string reason)
    {
        LastRejection = reason;
        return false;
    }
}
