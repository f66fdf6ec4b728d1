using Edge.Snmp.Usm;

namespace Edge.Snmp.Client;

/// <summary>
/// An SNMPv3 user (RFC 3414). <see cref="AuthKey"/> and <see cref="PrivKey"/> are the passphrases, as net-snmp's
/// <c>-A</c>/<c>-X</c> take them; they are localized per engine by the client. <see cref="ToString"/> redacts them.
/// </summary>
public sealed record UsmCredentials(string User, SecurityLevel Level, AuthProtocol Auth, string? AuthKey, PrivProtocol Priv, string? PrivKey, string? Context = null)
{
    /// <summary>RFC 3414 §11.2 and net-snmp both refuse passphrases shorter than 8 characters.</summary>
    public const int MinimumPassphraseLength = 8;

    /// <summary>Why these credentials cannot be used, or null when they can.</summary>
    public string? Problem()
    {
        if (User.Length > 32)
            return "the v3 user name is longer than 32 octets (RFC 3414 §2.4)";
        if (Level == SecurityLevel.NoAuthNoPriv)
            return null;
        if (Auth == AuthProtocol.None)
            return $"security level {Level} needs an authentication protocol";
        if (AuthKey is null || AuthKey.Length < MinimumPassphraseLength)
            return $"the authentication passphrase must have at least {MinimumPassphraseLength} characters";
        if (Level == SecurityLevel.AuthPriv)
        {
            if (Priv == PrivProtocol.None)
                return "security level authPriv needs a privacy protocol";
            if (PrivKey is null || PrivKey.Length < MinimumPassphraseLength)
                return $"the privacy passphrase must have at least {MinimumPassphraseLength} characters";
        }
        return null;
    }

    public override string ToString() =>
        $"UsmCredentials {{ User = {User}, Level = {Level}, Auth = {Auth}, AuthKey = {Redacted(AuthKey)}, Priv = {Priv}, PrivKey = {Redacted(PrivKey)}, Context = {Context} }}";

    private static string Redacted(string? secret) => secret is null ? "(none)" : "***";
}
