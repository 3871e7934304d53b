namespace K8sRelay.Configuration.Model;

/// <summary>
/// One proxy to the application backend: an HTTP URL (JSON <c>POST</c>) or a <c>grpc://</c>
/// endpoint. Used by <c>client.proxy.*</c>, <c>channel.proxy.*</c>, <c>rpc.proxy</c> and
/// <c>proxies[]</c>.
/// </summary>
public class ProxyConfig
{
    /// <summary><c>endpoint</c>: HTTP URL or <c>grpc://host:port</c> of the backend. Default empty.</summary>
    public string Endpoint { get; set; } = "";

    /// <summary><c>timeout</c>: timeout of one proxy request, &gt; 0. Default 1s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary><c>http_headers</c>: client request headers forwarded to the backend. Default empty.</summary>
    public List<string> HttpHeaders { get; set; } = [];

    /// <summary><c>emulated_headers</c>: headers taken from the connect command's <c>headers</c> map and forwarded. Default empty.</summary>
    public List<string> EmulatedHeaders { get; set; } = [];

    /// <summary><c>grpc_metadata</c>: GRPC metadata keys forwarded to the backend. Default empty.</summary>
    public List<string> GrpcMetadata { get; set; } = [];

    /// <summary><c>binary_encoding</c>: send payloads base64-encoded (<c>b64data</c>) instead of raw JSON. Default false.</summary>
    public bool BinaryEncoding { get; set; }

    /// <summary><c>include_connection_meta</c>: add the connection's <c>meta</c> to each request (not connect). Default false.</summary>
    public bool IncludeConnectionMeta { get; set; }

    /// <summary><c>http</c>: options of HTTP proxies.</summary>
    public ProxyHttpConfig Http { get; set; } = new();

    /// <summary><c>grpc</c>: options of GRPC proxies.</summary>
    public ProxyGrpcConfig Grpc { get; set; } = new();
}
