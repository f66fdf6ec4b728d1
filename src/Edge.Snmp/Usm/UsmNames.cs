namespace Edge.Snmp.Usm;

/// <summary>
/// The operator's names for SNMPv3 security settings: one parser for <c>edge.json</c> and the <c>edge snmp</c>
/// options, so a name that works in one works in the other. Case and dashes are ignored, so net-snmp's spellings
/// (<c>-l authPriv -a SHA-256 -x AES</c>) are taken as they are written.
/// </summary>
public static class UsmNames
{
    public static readonly IReadOnlyList<string> Levels = ["noAuthNoPriv", "authNoPriv", "authPriv"];
    public static readonly IReadOnlyList<string> AuthProtocols = ["md5", "sha", "sha224", "sha256", "sha384", "sha512"];
    public static readonly IReadOnlyList<string> PrivProtocols = ["des", "aes128"];

    public static SecurityLevel? Level(string name) => Normalise(name) switch
    {
        "noauthnopriv" => SecurityLevel.NoAuthNoPriv,
        "authnopriv" => SecurityLevel.AuthNoPriv,
        "authpriv" => SecurityLevel.AuthPriv,
        _ => null,
    };

    public static AuthProtocol? Auth(string name) => Normalise(name) switch
    {
        "md5" => AuthProtocol.Md5,
        "sha" or "sha1" => AuthProtocol.Sha1,
        "sha224" => AuthProtocol.Sha224,
        "sha256" => AuthProtocol.Sha256,
        "sha384" => AuthProtocol.Sha384,
        "sha512" => AuthProtocol.Sha512,
        _ => null,
    };

    /// <summary>net-snmp's <c>AES</c> is AES-128 (RFC 3826), the only AES that RFC defines.</summary>
    public static PrivProtocol? Priv(string name) => Normalise(name) switch
    {
        "des" => PrivProtocol.Des,
        "aes" or "aes128" => PrivProtocol.Aes128,
        _ => null,
    };

    private static string Normalise(string name) => name.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant();
}
