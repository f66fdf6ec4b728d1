using System.Collections.Concurrent;
using System.Text;

namespace Edge.Snmp.Usm;

/// <summary>
/// Localized keys per (user, passwords, engine). The password-to-key step hashes a megabyte (RFC 3414 §A.2), so it
/// is done once per (protocol, password) and the cheap localization once per engine; a poll never repeats either.
/// Bounded: an agent cannot grow it, because entries are made only for engine IDs that answered a request of ours
/// or for configured trap senders, and it is cleared if it ever passes <see cref="MaxEntries"/>.
/// </summary>
internal sealed class UsmKeyCache
{
    public const int MaxEntries = 4096;

    private readonly ConcurrentDictionary<(AuthProtocol, string), byte[]> _passwordKeys = new();
    private readonly ConcurrentDictionary<(string User, SecurityLevel, AuthProtocol, string?, PrivProtocol, string?, string Engine), UsmKeys> _localized = new();

    public UsmKeys Get(string user, SecurityLevel level, AuthProtocol auth, string? authPassword, PrivProtocol priv, string? privPassword, ReadOnlySpan<byte> engineId)
    {
        var key = (user, level, auth, authPassword, priv, privPassword, Convert.ToHexString(engineId));
        if (_localized.TryGetValue(key, out var keys))
            return keys;
        if (_localized.Count >= MaxEntries)
            _localized.Clear();
        byte[] authKey = [], privKey = [];
        if (level != SecurityLevel.NoAuthNoPriv)
        {
            authKey = UsmAuthentication.Localize(auth, PasswordKey(auth, authPassword!), engineId);
            // RFC 3414 §8.1.1.1 / RFC 3826 §1.2: the privacy key is derived with the authentication protocol's hash.
            if (level == SecurityLevel.AuthPriv)
                privKey = UsmAuthentication.Localize(auth, PasswordKey(auth, privPassword!), engineId);
        }
        keys = new UsmKeys(Encoding.UTF8.GetBytes(user), level, auth, authKey, priv, privKey);
        _localized[key] = keys;
        return keys;
    }

    private byte[] PasswordKey(AuthProtocol auth, string password)
    {
        if (_passwordKeys.Count >= MaxEntries)
            _passwordKeys.Clear();
        return _passwordKeys.GetOrAdd((auth, password), k => UsmAuthentication.PasswordToKey(k.Item1, k.Item2));
    }
}
