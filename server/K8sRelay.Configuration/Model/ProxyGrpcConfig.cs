namespace K8sRelay.Configuration.Model;

/// <summary>The <c>grpc</c> block of a proxy.</summary>
public sealed class ProxyGrpcConfig
{
    /// <summary><c>grpc.tls</c>: client TLS for GRPC backends. Default off.</summary>
    public TlsConfig Tls { get; set; } = new();

    /// <summary><c>grpc.credentials_key</c>: key of a per-call credential. Default empty.</summary>
    public string CredentialsKey { get; set; } = "";

    /// <summary><c>grpc.credentials_value</c>: value of the per-call credential. Default empty.</summary>
    public string CredentialsValue { get; set; } = "";

    /// <summary><c>grpc.compression</c>: gzip outgoing calls. Default false.</summary>
    public bool Compression { get; set; }
}
