namespace Edge.Emulators.PagerDuty;

/// <summary>How the emulator answers, on demand, to exercise every branch of the forwarder.</summary>
public enum EmulatorFault
{
    /// <summary>Answer as PagerDuty does: 202, or 400 for an invalid event, or 429 past the rate limit.</summary>
    None,

    /// <summary>429 Too Many Requests.</summary>
    Throttle,

    /// <summary>500 Internal Server Error.</summary>
    ServerError,

    /// <summary>Read the request and never answer (until the fault is lifted or the emulator stops).</summary>
    Hang,

    /// <summary>Read the request and close the connection without a word: an uplink that drops.</summary>
    Close,

    /// <summary>400 invalid event, as PagerDuty answers an event it will never take (the forwarder parks it).</summary>
    Invalid,

    /// <summary>400 about the event whose error quotes the request's routing key, as a careless relay does.</summary>
    InvalidEchoingKey,

    /// <summary>400 in plain text (a relay's own page) whose key starts eight characters before the 500th of the text: where an
    /// error text shortened before the key is taken out would keep a piece of it.</summary>
    InvalidEchoingKeyInText,

    /// <summary>
    /// 200 with an HTML page: an intercepting proxy's or captive portal's answer, which never reached PagerDuty
    /// (PagerDuty answers 202 and JSON only: developer docs, Events API v2 overview).
    /// </summary>
    HtmlOk,

    /// <summary>404 Not Found with an HTML page: a relay configured with the wrong path.</summary>
    NotFound,

    /// <summary>413 Payload Too Large, as a proxy in front of the connector answers a request over its body limit.</summary>
    PayloadTooLarge,
}
