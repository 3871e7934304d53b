namespace K8sRelay.Configuration.Model;

/// <summary>The <c>uni_http_stream</c> section: the unidirectional HTTP-streaming transport.</summary>
public sealed class UniHttpStreamConfig
{
    /// <summary><c>uni_http_stream.enabled</c>: serve the unidirectional HTTP-streaming transport. Default false.</summary>
    public bool Enabled { get; set; }

    /// <summary><c>uni_http_stream.handler_prefix</c>: path the endpoint is served at. Default <c>/connection/uni_http_stream</c>.</summary>
    public string HandlerPrefix { get; set; } = "/connection/uni_http_stream";

    /// <summary><c>uni_http_stream.max_request_body_size</c>: maximum request body size in bytes, &gt; 0. Default 65536.</summary>
    public int MaxRequestBodySize { get; set; } = 65536;

    /// <summary><c>uni_http_stream.connect_code_to_http_response</c>: answer connect errors with HTTP responses instead of a disconnect. Default off.</summary>
    public ConnectCodeToHttpResponseConfig ConnectCodeToHttpResponse { get; set; } = new();
}
