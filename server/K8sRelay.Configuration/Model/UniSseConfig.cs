namespace K8sRelay.Configuration.Model;

/// <summary>The <c>uni_sse</c> section: the unidirectional Server-Sent Events transport.</summary>
public sealed class UniSseConfig
{
    /// <summary><c>uni_sse.enabled</c>: serve the unidirectional SSE transport. Default false.</summary>
    public bool Enabled { get; set; }

    /// <summary><c>uni_sse.handler_prefix</c>: path the endpoint is served at. Default <c>/connection/uni_sse</c>.</summary>
    public string HandlerPrefix { get; set; } = "/connection/uni_sse";

    /// <summary><c>uni_sse.max_request_body_size</c>: maximum request body size in bytes, &gt; 0. Default 65536.</summary>
    public int MaxRequestBodySize { get; set; } = 65536;

    /// <summary><c>uni_sse.connect_code_to_http_response</c>: answer connect errors with HTTP responses instead of a disconnect. Default off.</summary>
    public ConnectCodeToHttpResponseConfig ConnectCodeToHttpResponse { get; set; } = new();
}
