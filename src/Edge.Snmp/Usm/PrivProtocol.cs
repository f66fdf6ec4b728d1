namespace Edge.Snmp.Usm;

/// <summary>USM privacy protocols: CBC-DES (RFC 3414 §8) and CFB128-AES-128 (RFC 3826).</summary>
public enum PrivProtocol
{
    None,
    Des,
    Aes128,
}
