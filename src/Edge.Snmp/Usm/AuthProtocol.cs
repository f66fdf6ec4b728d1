namespace Edge.Snmp.Usm;

/// <summary>USM authentication protocols: HMAC-MD5-96 and HMAC-SHA-96 (RFC 3414 §6, §7), HMAC-SHA-2 (RFC 7860 §4).</summary>
public enum AuthProtocol
{
    None,
    Md5,
    Sha1,
    Sha224,
    Sha256,
    Sha384,
    Sha512,
}
