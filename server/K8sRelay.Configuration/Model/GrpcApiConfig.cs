namespace K8sRelay.Configuration.Model;

/// <summary>The <c>grpc_api</c> section: the server GRPC API, a separate server.</summary>
public sealed class GrpcApiConfig
{
    /// <summary><c>grpc_api.enabled</c>: run the GRPC API server. Default false.</summary>
    public bool Enabled { get; set; }

    /// <summary><c>grpc_api.error_mode</c>: empty or <c>transport</c> (errors as GRPC statuses). Default empty.</summary>
    public string ErrorMode { get; set; } = "";

    /// <summary><c>grpc_api.address</c>: interface address to bind to. Default empty (all interfaces).</summary>
    public string Address { get; set; } = "";

    /// <summary><c>grpc_api.port</c>: port, 1..65535. Default 10000.</summary>
    public int Port { get; set; } = 10000;

    /// <summary><c>grpc_api.key</c>: API key expected in metadata <c>authorization: apikey &lt;key&gt;</c>; empty = no authentication. Default empty.</summary>
    public string Key { get; set; } = "";

    /// <summary><c>grpc_api.tls</c>: TLS of the GRPC API server. Default off.</summary>
    public TlsConfig Tls { get; set; } = new();

    /// <summary><c>grpc_api.reflection</c>: enable GRPC server reflection. Default false.</summary>
    public bool Reflection { get; set; }

    /// <summary><c>grpc_api.max_receive_message_size</c>: maximum request size in bytes, &gt;= 0; 0 = GRPC default. Default 0.</summary>
    public int MaxReceiveMessageSize { get; set; }
}
