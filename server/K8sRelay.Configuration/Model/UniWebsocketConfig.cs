namespace K8sRelay.Configuration.Model;

/// <summary>The <c>uni_websocket</c> section: the unidirectional WebSocket transport.</summary>
public sealed class UniWebsocketConfig
{
    /// <summary><c>uni_websocket.enabled</c>: serve the unidirectional WebSocket transport. Default false.</summary>
    public bool Enabled { get; set; }

    /// <summary><c>uni_websocket.handler_prefix</c>: path the endpoint is served at. Default <c>/connection/uni_websocket</c>.</summary>
    public string HandlerPrefix { get; set; } = "/connection/uni_websocket";

    /// <summary><c>uni_websocket.compression</c>: offer permessage-deflate compression. Default false.</summary>
    public bool Compression { get; set; }

    /// <summary><c>uni_websocket.compression_min_size</c>: smallest message in bytes that is compressed, &gt;= 0. Default 0.</summary>
    public int CompressionMinSize { get; set; }

    /// <summary><c>uni_websocket.compression_level</c>: deflate level, -2..9 (1 = best speed). Default 1.</summary>
    public int CompressionLevel { get; set; } = 1;

    /// <summary><c>uni_websocket.read_buffer_size</c>: read buffer size in bytes, &gt;= 0; 0 = platform default. Default 0.</summary>
    public int ReadBufferSize { get; set; }

    /// <summary><c>uni_websocket.use_write_buffer_pool</c>: share write buffers between connections. Default false.</summary>
    public bool UseWriteBufferPool { get; set; }

    /// <summary><c>uni_websocket.write_buffer_size</c>: write buffer size in bytes, &gt;= 0; 0 = platform default. Default 0.</summary>
    public int WriteBufferSize { get; set; }

    /// <summary><c>uni_websocket.write_timeout</c>: timeout of one frame write. Default 1s.</summary>
    public TimeSpan WriteTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary><c>uni_websocket.message_size_limit</c>: maximum incoming message size in bytes (close 1009 beyond it), &gt; 0. Default 65536.</summary>
    public int MessageSizeLimit { get; set; } = 65536;

    /// <summary><c>uni_websocket.join_push_messages</c>: batch several pushes into one frame, separated by newlines. Default false.</summary>
    public bool JoinPushMessages { get; set; }

    /// <summary><c>uni_websocket.disable_closing_handshake</c>: close the socket without a WebSocket closing handshake. Default false.</summary>
    public bool DisableClosingHandshake { get; set; }

    /// <summary><c>uni_websocket.disable_disconnect_push</c>: do not send a disconnect push before closing. Default false.</summary>
    public bool DisableDisconnectPush { get; set; }
}
