namespace K8sRelay.Configuration.Model;

/// <summary>The <c>http_server</c> section: where the HTTP server listens and how it does TLS.</summary>
public sealed class HttpServerConfig
{
    /// <summary><c>http_server.address</c>: interface address to bind to. Default empty (all interfaces). Flag <c>-a</c>.</summary>
    public string Address { get; set; } = "";

    /// <summary><c>http_server.port</c>: port of the main HTTP server, 1..65535. Default 8000. Flag <c>-p</c>.</summary>
    public int Port { get; set; } = 8000;

    /// <summary>
    /// <c>http_server.internal_address</c>: interface address for the internal endpoints (API, admin,
    /// metrics, health, debug). Default empty (same as <see cref="Address"/>).
    /// </summary>
    public string InternalAddress { get; set; } = "";

    /// <summary>
    /// <c>http_server.internal_port</c>: port for the internal endpoints. A string, as in Centrifugo.
    /// Default empty: the internal endpoints share the main port.
    /// </summary>
    public string InternalPort { get; set; } = "";

    /// <summary><c>http_server.tls</c>: TLS of the HTTP server. Default off.</summary>
    public TlsConfig Tls { get; set; } = new();

    /// <summary><c>http_server.tls_autocert</c>: automatic certificates from an ACME provider. Default off.</summary>
    public TlsAutocertConfig TlsAutocert { get; set; } = new();

    /// <summary><c>http_server.tls_external</c>: use TLS only for the external endpoints. Default false.</summary>
    public bool TlsExternal { get; set; }

    /// <summary><c>http_server.internal_tls</c>: separate TLS for the internal endpoints. Default off (same as <see cref="Tls"/>).</summary>
    public TlsConfig InternalTls { get; set; } = new();

    /// <summary><c>http_server.http3</c>: experimental HTTP/3 support.</summary>
    public Http3Config Http3 { get; set; } = new();
}
