namespace K8sRelay.Configuration.Model;

/// <summary>The <c>websocket</c> section: the bidirectional WebSocket transport, on by default.</summary>
public sealed class WebsocketConfig
{
    /// <summary><c>websocket.disabled</c>: turn the WebSocket transport off. Default false.</summary>
    public bool Disabled { get; set; }

    /// <summary><c>websocket.handler_prefix</c>: path the endpoint is served at. Default <c>/connection/websocket</c>.</summary>
    public string HandlerPrefix { get; set; } = "/connection/websocket";

    /// <summary><c>websocket.compression</c>: offer permessage-deflate compression. Default false.</summary>
    public bool Compression { get; set; }

    /// <summary><c>websocket.compression_min_size</c>: smallest message in bytes that is compressed, &gt;= 0. Default 0.</summary>
    public int CompressionMinSize { get; set; }

    /// <summary><c>websocket.compression_level</c>: deflate level, -2..9 (1 = best speed). Default 1.</summary>
    public int CompressionLevel { get; set; } = 1;

    /// <summary><c>websocket.read_buffer_size</c>: read buffer size in bytes, &gt;= 0; 0 = platform default. Default 0.</summary>
    public int ReadBufferSize { get; set; }

    /// <summary><c>websocket.use_write_buffer_pool</c>: share write buffers between connections. Default false.</summary>
    public bool UseWriteBufferPool { get; set; }

    /// <summary><c>websocket.write_buffer_size</c>: write buffer size in bytes, &gt;= 0; 0 = platform default. Default 0.</summary>
    public int WriteBufferSize { get; set; }

    /// <summary><c>websocket.write_timeout</c>: timeout of one frame write. Default 1s.</summary>
    public TimeSpan WriteTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary><c>websocket.message_size_limit</c>: maximum incoming message size in bytes (close 1009 beyond it), &gt; 0. Default 65536.</summary>
    public int MessageSizeLimit { get; set; } = 65536;
}
