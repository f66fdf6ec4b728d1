namespace Edge.Snmp.Usm;

/// <summary>A user's keys localized to one engine (RFC 3414 §2.6). <see cref="ToString"/> never shows them.</summary>
internal sealed class UsmKeys
{
    public UsmKeys(byte[] userName, SecurityLevel level, AuthProtocol auth, byte[] authKey, PrivProtocol priv, byte[] privKey)
    {
        UserName = userName;
        Level = level;
        Auth = auth;
        AuthKey = authKey;
        Priv = priv;
        PrivKey = privKey;
    }

    public byte[] UserName { get; }
    public SecurityLevel Level { get; }
    public AuthProtocol Auth { get; }
    public byte[] AuthKey { get; }
    public PrivProtocol Priv { get; }
    public byte[] PrivKey { get; }

    public override string ToString() => $"UsmKeys({Level}, {Auth}, {Priv}, keys redacted)";
}
