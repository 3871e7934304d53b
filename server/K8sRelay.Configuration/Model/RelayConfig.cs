namespace K8sRelay.Configuration.Model;

/// <summary>
/// The root of the Centrifugo v6 configuration. Every property maps to one top-level key of a
/// Centrifugo config file: the key is the snake_case form of the property name
/// (<c>HttpServer</c> is <c>http_server</c>, <c>Client.Token.HmacSecretKey</c> is
/// <c>client.token.hmac_secret_key</c>). A new instance holds Centrifugo's defaults.
/// </summary>
public sealed class RelayConfig
{
    /// <summary><c>http_server</c>: address, port and TLS of the main HTTP server.</summary>
    public HttpServerConfig HttpServer { get; set; } = new();

    /// <summary><c>log</c>: log level and optional log file.</summary>
    public LogConfig Log { get; set; } = new();

    /// <summary><c>engine</c>: the broker and presence manager pair (<c>memory</c> or <c>redis</c>).</summary>
    public EngineConfig Engine { get; set; } = new();

    /// <summary><c>broker</c>: a separate PUB/SUB and history broker that overrides the engine's one when enabled.</summary>
    public BrokerConfig Broker { get; set; } = new();

    /// <summary><c>presence_manager</c>: a separate presence manager that overrides the engine's one when enabled.</summary>
    public PresenceManagerConfig PresenceManager { get; set; } = new();

    /// <summary><c>client</c>: real-time client connection options (tokens, ping/pong, limits, proxies).</summary>
    public ClientConfig Client { get; set; } = new();

    /// <summary><c>channel</c>: channel name rules, channel options and namespaces, channel proxies.</summary>
    public ChannelConfig Channel { get; set; } = new();

    /// <summary><c>rpc</c>: client RPC routing (namespaces, proxy, built-in ping method).</summary>
    public RpcConfig Rpc { get; set; } = new();

    /// <summary>
    /// <c>proxies</c>: named proxies that namespaces and RPC namespaces reference through their
    /// <c>*_proxy_name</c> options. Default empty. The name <c>default</c> is reserved.
    /// </summary>
    public List<NamedProxyConfig> Proxies { get; set; } = [];

    /// <summary><c>http_api</c>: the server HTTP API (<c>POST /api/&lt;method&gt;</c>).</summary>
    public HttpApiConfig HttpApi { get; set; } = new();

    /// <summary><c>grpc_api</c>: the server GRPC API (port 10000, off by default).</summary>
    public GrpcApiConfig GrpcApi { get; set; } = new();

    /// <summary><c>websocket</c>: the bidirectional WebSocket transport (on by default).</summary>
    public WebsocketConfig Websocket { get; set; } = new();

    /// <summary><c>sse</c>: the bidirectional Server-Sent Events emulation transport.</summary>
    public SseConfig Sse { get; set; } = new();

    /// <summary><c>http_stream</c>: the bidirectional HTTP-streaming emulation transport.</summary>
    public HttpStreamConfig HttpStream { get; set; } = new();

    /// <summary><c>webtransport</c>: the experimental WebTransport transport.</summary>
    public WebtransportConfig Webtransport { get; set; } = new();

    /// <summary><c>emulation</c>: the <c>/emulation</c> endpoint used by the SSE and HTTP-streaming transports.</summary>
    public EmulationConfig Emulation { get; set; } = new();

    /// <summary><c>uni_websocket</c>: the unidirectional WebSocket transport.</summary>
    public UniWebsocketConfig UniWebsocket { get; set; } = new();

    /// <summary><c>uni_sse</c>: the unidirectional Server-Sent Events transport.</summary>
    public UniSseConfig UniSse { get; set; } = new();

    /// <summary><c>uni_http_stream</c>: the unidirectional HTTP-streaming transport.</summary>
    public UniHttpStreamConfig UniHttpStream { get; set; } = new();

    /// <summary><c>uni_grpc</c>: the unidirectional GRPC transport (own server, port 11000).</summary>
    public UniGrpcConfig UniGrpc { get; set; } = new();

    /// <summary><c>admin</c>: the admin web UI and its endpoints.</summary>
    public AdminConfig Admin { get; set; } = new();

    /// <summary><c>prometheus</c>: the Prometheus metrics endpoint.</summary>
    public PrometheusConfig Prometheus { get; set; } = new();

    /// <summary><c>health</c>: the health check endpoint.</summary>
    public HealthConfig Health { get; set; } = new();

    /// <summary><c>swagger</c>: the Swagger UI for the server HTTP API.</summary>
    public SwaggerConfig Swagger { get; set; } = new();

    /// <summary><c>debug</c>: debug (profiling) endpoints.</summary>
    public DebugConfig Debug { get; set; } = new();

    /// <summary><c>init</c>: the connection init endpoint (<c>GET /connection/init</c>).</summary>
    public InitConfig Init { get; set; } = new();

    /// <summary><c>opentelemetry</c>: OpenTelemetry tracing.</summary>
    public OpentelemetryConfig Opentelemetry { get; set; } = new();

    /// <summary><c>graphite</c>: periodic metric export to Graphite.</summary>
    public GraphiteConfig Graphite { get; set; } = new();

    /// <summary><c>usage_stats</c>: anonymous usage statistics.</summary>
    public UsageStatsConfig UsageStats { get; set; } = new();

    /// <summary><c>node</c>: this node's identity inside a cluster.</summary>
    public NodeConfig Node { get; set; } = new();

    /// <summary><c>shutdown</c>: graceful shutdown.</summary>
    public ShutdownConfig Shutdown { get; set; } = new();

    /// <summary><c>pid_file</c>: path of a file to write the process ID to. Default empty (no file).</summary>
    public string PidFile { get; set; } = "";
}
