namespace K8sRelay.Configuration.Model;

/// <summary>The <c>http_stream</c> section: the bidirectional HTTP-streaming emulation transport.</summary>
public sealed class HttpStreamConfig
{
    /// <summary><c>http_stream.enabled</c>: serve the HTTP-streaming transport (enables <c>/emulation</c>). Default false.</summary>
    public bool Enabled { get; set; }

    /// <summary><c>http_stream.handler_prefix</c>: path the endpoint is served at. Default <c>/connection/http_stream</c>.</summary>
    public string HandlerPrefix { get; set; } = "/connection/http_stream";

    /// <summary><c>http_stream.max_request_body_size</c>: maximum request body size in bytes, &gt; 0. Default 65536.</summary>
    public int MaxRequestBodySize { get; set; } = 65536;
}
