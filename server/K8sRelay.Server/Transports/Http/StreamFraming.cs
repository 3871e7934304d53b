namespace K8sRelay.Server.Transports.Http;

/// <summary>How a streaming HTTP response frames each message.</summary>
internal enum StreamFraming
{
    /// <summary>JSON: every message followed by <c>\n</c> (HTTP-streaming).</summary>
    JsonLines,

    /// <summary>Protobuf: the length-prefixed messages back to back (HTTP-streaming).</summary>
    Protobuf,

    /// <summary>Server-sent events: every message as one <c>data: …\n\n</c> event.</summary>
    EventStream,
}
