namespace K8sRelay.Configuration.Model;

/// <summary>The <c>uni_grpc</c> section: the unidirectional GRPC transport, a separate server.</summary>
public sealed class UniGrpcConfig
{
    /// <summary><c>uni_grpc.enabled</c>: run the unidirectional GRPC server. Default false.</summary>
    public bool Enabled { get; set; }

    /// <summary><c>uni_grpc.address</c>: interface address to bind to. Default empty (all interfaces).</summary>
    public string Address { get; set; } = "";

    /// <summary><c>uni_grpc.port</c>: port, 1..65535. Default 11000.</summary>
    public int Port { get; set; } = 11000;

    /// <summary><c>uni_grpc.max_receive_message_size</c>: maximum request size in bytes, &gt;= 0; 0 = 65536. Default 0.</summary>
    public int MaxReceiveMessageSize { get; set; }

    /// <summary><c>uni_grpc.tls</c>: TLS of the unidirectional GRPC server. Default off.</summary>
    public TlsConfig Tls { get; set; } = new();
}
