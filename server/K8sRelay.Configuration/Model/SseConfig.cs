namespace K8sRelay.Configuration.Model;

/// <summary>The <c>sse</c> section: the bidirectional Server-Sent Events emulation transport.</summary>
public sealed class SseConfig
{
    /// <summary><c>sse.enabled</c>: serve the SSE transport (enables <c>/emulation</c>). Default false.</summary>
    public bool Enabled { get; set; }

    /// <summary><c>sse.handler_prefix</c>: path the endpoint is served at. Default <c>/connection/sse</c>.</summary>
    public string HandlerPrefix { get; set; } = "/connection/sse";

    /// <summary><c>sse.max_request_body_size</c>: maximum request body size in bytes, &gt; 0. Default 65536.</summary>
    public int MaxRequestBodySize { get; set; } = 65536;
}
