namespace Edge.Inventory.Client;

/// <summary>Why a read of Device42 failed; every one makes the source's reachable 0.</summary>
public enum Device42Failure
{
    /// <summary>No connection, refused, DNS, or TLS: the certificate was not trusted.</summary>
    Unreachable,

    /// <summary>HTTP 401/403: the user or password is wrong, or the user may not read the API.</summary>
    Unauthorized,

    /// <summary>HTTP 5xx or another unexpected status.</summary>
    ServerError,

    /// <summary>Device42 answers every API call with "License expired" (HTTP 500) once its licence has run out.</summary>
    LicenseExpired,

    /// <summary>Device42 answers "License is not valid for …" (HTTP 500): its licence does not cover what was asked.</summary>
    LicenseNotValid,

    /// <summary>No complete answer within the configured timeout.</summary>
    Timeout,

    /// <summary>The answer is not the JSON the API documents, or its pages disagree with each other.</summary>
    Malformed,

    /// <summary>A listing has more pages than maxPages allows; a partial inventory is never used.</summary>
    TooManyPages,

    /// <summary>The password file cannot be read.</summary>
    Credentials,
}
